/** Turning stored records into what the views show (tier and coverage computed here, once). */
import { computeCoverage, summarizeCoverage, type CoverageSummary } from './coverage';
import type { Account, Contact, Settings, Tier } from './schema';
import { teamLine } from './account-team';
import { governanceAlerts, todayIso } from './governance';
import { relationshipGaps } from './relationships';
import { computeTier, tierOf } from './tier';
import type { AccountHit, AccountView, ContactView, StrategicSummary } from '../messaging/protocol';

export function contactView(c: Contact): ContactView {
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    department: c.department,
    buyingRole: c.buyingRole,
    status: c.status,
    connected: c.connected,
    followed: c.followed,
    linkedinSlug: c.linkedinSlug,
    email: c.email,
    influence: c.influence,
    strength: c.strength,
    reportsTo: c.reportsTo,
    relationshipOwner: c.relationshipOwner,
    ...(c.seenOnLinkedin ? { seenOnLinkedin: c.seenOnLinkedin } : {}),
  };
}

export const STRATEGIC_TIERS: readonly Tier[] = ['global', 'tier1'];

/** The account team line, the relationship map's gaps and overdue governance, in words. */
export function strategicSummary(a: Account, contacts: Contact[], tier: Tier, now = new Date()): StrategicSummary {
  return strategicSummaryOf(a, summarizeCoverage(a.id, contacts), tier, now);
}

/** The same from the account's coverage summary (undefined: no contacts), without its contacts. */
export function strategicSummaryOf(a: Account, summary: CoverageSummary | undefined, tier: Tier, now = new Date()): StrategicSummary {
  const strategic = STRATEGIC_TIERS.includes(tier);
  return {
    strategic,
    teamLine: teamLine(a.team),
    relationshipGaps: strategic || summary?.mapped ? relationshipGaps(summary?.mapContacts ?? [], a.team) : [],
    governance: strategic ? governanceAlerts(a.touchpoints, todayIso(now)) : [],
  };
}

export function accountView(a: Account, contacts: Contact[], settings: Settings, now = new Date()): AccountView {
  const tier = computeTier(a, settings, now);
  return {
    id: a.id,
    name: a.name,
    domains: a.domains,
    linkedinSlug: a.linkedinSlug,
    employees: a.employees,
    founded: a.founded,
    global: a.global,
    team: a.team,
    tier,
    ...(a.tierOverrideCleared && !a.tierOverride ? { overrideCleared: a.tierOverrideCleared } : {}),
    coverage: computeCoverage(contacts, settings, now.getTime()),
    contacts: contacts.map(contactView),
    strategicSummary: strategicSummary(a, contacts, tier.tier, now),
    touchpoints: a.touchpoints ?? [],
    reviews: a.reviews ?? [],
    potential: a.potential,
    teamRating: a.teamRating,
  };
}

export function accountHit(a: Account, settings: Settings): AccountHit {
  return { id: a.id, name: a.name, domains: a.domains, tier: tierOf(a, settings).tier };
}
