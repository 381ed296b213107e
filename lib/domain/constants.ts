/**
 * Constant lists of the data model, without zod: content scripts import these (and types only),
 * so zod stays out of the pages Tiercover runs on. lib/domain/schema.ts builds the schemas on them.
 */
export const FACTOR_KEYS = [
  'productFit',
  'website',
  'employeeSize',
  'tenure',
  'pricingFit',
  'priorSpend',
  'prioritiesFit',
] as const;

export const TIERS = ['global', 'tier1', 'tier2', 'tier3', 'tier4'] as const;

export const CRM_SYSTEMS = ['salesforce', 'hubspot', 'dynamics', 'pipedrive', 'zoho', 'other'] as const;

export const DEPARTMENTS = [
  'executive',
  'sales',
  'marketing',
  'finance',
  'engineering',
  'it',
  'product',
  'operations',
  'hr',
  'legal',
  'customer-success',
  'procurement',
  'data',
  'other',
] as const;

export const BUYING_ROLES = ['decision-maker', 'influencer', 'champion', 'user', 'blocker', 'unknown'] as const;

/** Buying-role labels, one place for the card, the week view and the CSV exports. */
export const BUYING_ROLE_LABELS: Record<(typeof BUYING_ROLES)[number], string> = {
  'decision-maker': 'Decision maker',
  influencer: 'Influencer',
  champion: 'Champion',
  user: 'User',
  blocker: 'Blocker',
  unknown: 'Role unknown',
};

export const AIR_COVER_GROUPS = {
  social: ['followedPersonal', 'companyPageFollow', 'mentionedInPost', 'engagedWithPosts'],
  content: ['contentMentionsThem', 'publishedRelevantContent', 'strategyBlog'],
  email: ['onNewsletter', 'inRecentCampaign', 'specialCampaign', 'analyticsShowReads'],
  other: ['visitedWebsite', 'pagesViewed', 'someoneKnowsOrg', 'executiveOutreach'],
} as const;
export type AirCoverGroup = keyof typeof AIR_COVER_GROUPS;
export type AirCoverItem = (typeof AIR_COVER_GROUPS)[AirCoverGroup][number];
export const AIR_COVER_ITEMS = Object.values(AIR_COVER_GROUPS).flat() as AirCoverItem[];

/**
 * Standing facts by default (DOMAIN.md section 3): true until someone says otherwise, so a tick
 * carries into the next week. Every other item is this week's activity and starts empty.
 */
export const DEFAULT_STANDING_ITEMS: readonly AirCoverItem[] = ['followedPersonal', 'companyPageFollow', 'onNewsletter', 'someoneKnowsOrg'];

export const TEAMS = ['sales', 'marketing'] as const;

export const CARD_SITES = ['linkedin', 'salesforce', 'hubspot', 'custom'] as const;

/**
 * What the content scripts need before their first message, mirrored by the background into
 * storage.local (content scripts cannot open our database): the custom CRM hosts, to pick an
 * adapter, and each site's card mode, to put the card frame up while the page is still reported.
 */
export const CONTENT_MIRROR_KEYS = { customHosts: 'tiercover.customHosts', cardModes: 'tiercover.cardModes' } as const;

export const DEPARTMENT_LABELS: Record<(typeof DEPARTMENTS)[number], string> = {
  executive: 'Executive',
  sales: 'Sales',
  marketing: 'Marketing',
  finance: 'Finance',
  engineering: 'Engineering',
  it: 'IT',
  product: 'Product',
  operations: 'Operations',
  hr: 'HR',
  legal: 'Legal',
  'customer-success': 'Customer Success',
  procurement: 'Procurement',
  data: 'Data',
  other: 'Other',
};
