/**
 * The data model's words as the interface says them (tiers, departments, buying roles, air-cover
 * items, factors). The English maps in lib/domain stay the data vocabulary (CSV import and export
 * columns other tools map); what a person reads comes from here. One literal `t` call per value,
 * so the catalog test sees every key.
 */
import type { AirCoverGroup, AirCoverItem } from '../domain/constants';
import type { BuyingRole, Department, FactorKey, Settings, Tier } from '../domain/schema';
import { t } from './index';

export function tierLabel(tier: Tier): string {
  switch (tier) {
    case 'global': return t('label.tier.global');
    case 'tier1': return t('label.tier.tier1');
    case 'tier2': return t('label.tier.tier2');
    case 'tier3': return t('label.tier.tier3');
    case 'tier4': return t('label.tier.tier4');
  }
}

export function departmentLabel(d: Department): string {
  switch (d) {
    case 'executive': return t('label.department.executive');
    case 'sales': return t('label.department.sales');
    case 'marketing': return t('label.department.marketing');
    case 'finance': return t('label.department.finance');
    case 'engineering': return t('label.department.engineering');
    case 'it': return t('label.department.it');
    case 'product': return t('label.department.product');
    case 'operations': return t('label.department.operations');
    case 'hr': return t('label.department.hr');
    case 'legal': return t('label.department.legal');
    case 'customer-success': return t('label.department.customerSuccess');
    case 'procurement': return t('label.department.procurement');
    case 'data': return t('label.department.data');
    case 'other': return t('label.department.other');
  }
}

export function roleLabel(r: BuyingRole): string {
  switch (r) {
    case 'decision-maker': return t('label.role.decisionMaker');
    case 'influencer': return t('label.role.influencer');
    case 'champion': return t('label.role.champion');
    case 'user': return t('label.role.user');
    case 'blocker': return t('label.role.blocker');
    case 'unknown': return t('label.role.unknown');
  }
}

export function groupLabel(g: AirCoverGroup): string {
  switch (g) {
    case 'social': return t('label.group.social');
    case 'content': return t('label.group.content');
    case 'email': return t('label.group.email');
    case 'other': return t('label.group.other');
  }
}

/** The checklist's full sentence for an item. */
export function itemLabel(i: AirCoverItem): string {
  switch (i) {
    case 'followedPersonal': return t('label.item.followedPersonal');
    case 'companyPageFollow': return t('label.item.companyPageFollow');
    case 'mentionedInPost': return t('label.item.mentionedInPost');
    case 'engagedWithPosts': return t('label.item.engagedWithPosts');
    case 'contentMentionsThem': return t('label.item.contentMentionsThem');
    case 'publishedRelevantContent': return t('label.item.publishedRelevantContent');
    case 'strategyBlog': return t('label.item.strategyBlog');
    case 'onNewsletter': return t('label.item.onNewsletter');
    case 'inRecentCampaign': return t('label.item.inRecentCampaign');
    case 'specialCampaign': return t('label.item.specialCampaign');
    case 'analyticsShowReads': return t('label.item.analyticsShowReads');
    case 'visitedWebsite': return t('label.item.visitedWebsite');
    case 'pagesViewed': return t('label.item.pagesViewed');
    case 'someoneKnowsOrg': return t('label.item.someoneKnowsOrg');
    case 'executiveOutreach': return t('label.item.executiveOutreach');
  }
}

/** The grid's short column heading for an item (the full label on hover). */
export function itemShort(i: AirCoverItem): string {
  switch (i) {
    case 'followedPersonal': return t('label.itemShort.followedPersonal');
    case 'companyPageFollow': return t('label.itemShort.companyPageFollow');
    case 'mentionedInPost': return t('label.itemShort.mentionedInPost');
    case 'engagedWithPosts': return t('label.itemShort.engagedWithPosts');
    case 'contentMentionsThem': return t('label.itemShort.contentMentionsThem');
    case 'publishedRelevantContent': return t('label.itemShort.publishedRelevantContent');
    case 'strategyBlog': return t('label.itemShort.strategyBlog');
    case 'onNewsletter': return t('label.itemShort.onNewsletter');
    case 'inRecentCampaign': return t('label.itemShort.inRecentCampaign');
    case 'specialCampaign': return t('label.itemShort.specialCampaign');
    case 'analyticsShowReads': return t('label.itemShort.analyticsShowReads');
    case 'visitedWebsite': return t('label.itemShort.visitedWebsite');
    case 'pagesViewed': return t('label.itemShort.pagesViewed');
    case 'someoneKnowsOrg': return t('label.itemShort.someoneKnowsOrg');
    case 'executiveOutreach': return t('label.itemShort.executiveOutreach');
  }
}

/** A factor's name: the team's own label from the settings, else the catalog's. */
export function factorLabel(key: FactorKey, settings?: Pick<Settings, 'factorLabels'>): string {
  const own = settings?.factorLabels?.[key];
  if (own) return own;
  switch (key) {
    case 'productFit': return t('label.factor.productFit');
    case 'website': return t('label.factor.website');
    case 'employeeSize': return t('label.factor.employeeSize');
    case 'tenure': return t('label.factor.tenure');
    case 'pricingFit': return t('label.factor.pricingFit');
    case 'priorSpend': return t('label.factor.priorSpend');
    case 'prioritiesFit': return t('label.factor.prioritiesFit');
  }
}
