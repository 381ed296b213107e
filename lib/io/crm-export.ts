/**
 * Tiers back into the CRM: import files keyed by the record id Tiercover holds for each account,
 * for Salesforce (Data Import Wizard / Data Loader: update Accounts matched by Id) and HubSpot
 * (companies import, update matched by Record ID). The Tiercover fields are custom fields an admin
 * creates once and maps on import (README, "Tiers back into the CRM"). Accounts without an id in
 * that CRM are never dropped silently: they come back as a list (shown in the UI) and a second file.
 */
import { NO_TICKS, progressSentence, targetProgress, ticksByTarget } from '../domain/aircover';
import { coverageOf, type CoverageSummary } from '../domain/coverage';
import type { Account, AirCoverTick, Contact, Settings, Target, Tier, WeekId } from '../domain/schema';
import { decideTier, TIER_LABELS, TIER_ORDER } from '../domain/tier';
import { getSettings } from '../db/settings';
import type { DB } from '../db/db';
import { summaryIn, toCsv, type Cell } from './csv-export';
import { accountsIn, summariesIn } from '../db/records';
import { DIGEST_STORES, readWeekRecords, saveWeekDigest } from '../db/week-digest';
import { readWeek, TARGET_STORES, TICK_STORES } from '../db/kept-weeks';

export type CrmTarget = 'salesforce' | 'hubspot';

export interface CrmExportData {
  weekId: WeekId;
  /** The accounts to export (this week's targets, or all). */
  accounts: Account[];
  /** Their contacts: only needed without `coverage`. */
  contacts: Contact[];
  /** The accounts' coverage summaries (none: no contacts), as stored. Absent: made from `contacts`. */
  coverage?: Map<string, CoverageSummary>;
  /** This week's targets and ticks, for the air-cover column. */
  targets: Target[];
  ticks: AirCoverTick[];
  settings: Settings;
  now: number;
}

/**
 * Salesforce: `Id` is the column Data Loader matches an update on (the Data Import Wizard calls it
 * "Salesforce.com ID" and maps it the same way); the rest are custom fields on Account, API names
 * ending in `__c` as Salesforce requires of custom fields.
 */
export const SALESFORCE_HEADERS = [
  'Id', 'Name', 'Tiercover_Tier__c', 'Tiercover_Tier_Reason__c', 'Tiercover_Coverage__c', 'Tiercover_Air_Cover__c', 'Tiercover_Week__c',
] as const;

/**
 * HubSpot companies import: "Record ID" updates the existing company with that id; "Ideal
 * Customer Profile Tier" is HubSpot's own company property (internal name
 * hs_ideal_customer_profile, internal values tier_1, tier_2, tier_3); the Tiercover fields are
 * custom company properties.
 */
export const HUBSPOT_HEADERS = [
  'Record ID', 'Company name', 'Ideal Customer Profile Tier', 'Tiercover tier', 'Tiercover tier reason', 'Tiercover coverage', 'Tiercover air cover', 'Tiercover week',
] as const;

/**
 * Tiercover tiers as HubSpot's ICP tier values. HubSpot has three: Global (Fortune-500 class, a
 * top priority whatever its boxes) goes with Tier 1; Tier 4 (not a fit) has no ICP tier: the cell
 * is left empty, which a HubSpot import leaves as it was rather than clearing.
 */
export const HUBSPOT_ICP_TIER: Record<Tier, string> = { global: 'tier_1', tier1: 'tier_1', tier2: 'tier_2', tier3: 'tier_3', tier4: '' };

/** Columns of the file of accounts that have no id in the chosen CRM. */
export const MISSING_ID_HEADERS = ['Account', 'Tier', 'Domain', 'LinkedIn company URL', 'Why not in the import'] as const;

export interface CrmExport {
  /** The import file. */
  csv: string;
  rows: number;
  /** Accounts left out because Tiercover holds no id for them in this CRM, by name. */
  missing: string[];
  /** The file listing them (empty when none). */
  missingCsv: string;
}

const CRM_NAMES: Record<CrmTarget, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

/** "6 of 10 named, 3 departments, decision maker: yes". */
function coverageText(summary: CoverageSummary | undefined, settings: Settings, now: number): string {
  const c = coverageOf(summary, settings, now);
  return `${c.named} of ${c.min}-${c.max} named, ${c.departments.length} of ${c.minDepartments} departments, decision maker: ${c.decisionMaker ? 'yes' : 'no'}`;
}

export function crmExport(system: CrmTarget, data: CrmExportData): CrmExport {
  const summaryOf = summaryIn(data);
  const targetOf = new Map(data.targets.map((t) => [t.accountId, t]));
  const ticks = ticksByTarget(data.ticks);
  const now = new Date(data.now);
  const rows: Cell[][] = [];
  const missing: Cell[][] = [];
  const missingNames: string[] = [];
  const sorted = data.accounts
    .map((a) => ({ a, tier: decideTier(a, data.settings, now) }))
    .sort((x, y) => TIER_ORDER.indexOf(x.tier.tier) - TIER_ORDER.indexOf(y.tier.tier) || x.a.name.localeCompare(y.a.name));
  for (const { a, tier } of sorted) {
    const id = a.crmIds[system];
    if (!id) {
      missingNames.push(a.name);
      missing.push([a.name, TIER_LABELS[tier.tier], a.domains[0], a.linkedinSlug ? `https://www.linkedin.com/company/${encodeURIComponent(a.linkedinSlug)}/` : '', `No ${CRM_NAMES[system]} id in Tiercover`]);
      continue;
    }
    const t = targetOf.get(a.id);
    const air = t ? `${data.weekId}: ${progressSentence(targetProgress(t, ticks.get(t.id) ?? NO_TICKS, data.settings.standingItems))}` : '';
    const coverage = coverageText(summaryOf(a.id), data.settings, data.now);
    rows.push(
      system === 'salesforce'
        ? [id, a.name, TIER_LABELS[tier.tier], tier.sentence, coverage, air, t ? data.weekId : '']
        : [id, a.name, HUBSPOT_ICP_TIER[tier.tier], TIER_LABELS[tier.tier], tier.sentence, coverage, air, t ? data.weekId : ''],
    );
  }
  return {
    csv: toCsv([...(system === 'salesforce' ? SALESFORCE_HEADERS : HUBSPOT_HEADERS)], rows),
    rows: rows.length,
    missing: missingNames,
    missingCsv: missing.length ? toCsv([...MISSING_ID_HEADERS], missing) : '',
  };
}

export const crmFileName = (system: CrmTarget, scope: 'week' | 'all', weekId: WeekId, missing = false) =>
  `tiercover-${scope === 'week' ? weekId : 'all-accounts'}-${system}-${missing ? 'accounts-without-id' : 'import'}.csv`;

/** This week's targets' accounts, or every account, with this week's targets and ticks; one read transaction. */
export async function loadCrmExportData(db: DB, weekId: WeekId, scope: 'week' | 'all', now = Date.now()): Promise<CrmExportData> {
  const settings = await getSettings(db);
  // Coverage from the stored summaries: no contact is read.
  const tx = db.transaction([...DIGEST_STORES, ...TARGET_STORES, ...TICK_STORES]);
  const [targets, ticks] = await Promise.all([readWeek(db, tx, 'targets', weekId), readWeek(db, tx, 'ticks', weekId)]);
  let accounts: Account[];
  let summaries: (CoverageSummary | undefined)[];
  if (scope === 'all') {
    [accounts, summaries] = await Promise.all([accountsIn(tx).getAll(), summariesIn(tx).getAll()]);
  } else {
    const ids = [...new Set(targets.filter((t) => t.status !== 'dropped').map((t) => t.accountId))];
    // From the week's digest where it is still true (lib/db/week-digest.ts).
    const records = await readWeekRecords(tx, weekId, { accountIds: ids });
    if (records.fresh) void saveWeekDigest(db, records.fresh);
    accounts = ids.flatMap((id) => records.accounts.get(id) ?? []);
    summaries = ids.map((id) => records.summaries.get(id));
  }
  const coverage = new Map(summaries.filter((x): x is CoverageSummary => !!x).map((x) => [x.accountId, x]));
  return { weekId, accounts, contacts: [], coverage, targets, ticks, settings, now };
}
