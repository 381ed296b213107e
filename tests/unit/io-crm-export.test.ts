/**
 * Tiers back into the CRM (lib/io/crm-export.ts): the import files have exactly the columns and
 * value formats the target tools document.
 *
 * Salesforce: an update through Data Loader matches records on the `Id` column
 * (https://developer.salesforce.com/docs/atlas.en-us.dataLoader.meta/dataLoader/updating_deleting_or_exporting_data.htm);
 * the Data Import Wizard maps it as "Salesforce.com ID"
 * (https://help.salesforce.com/s/articleView?id=sf.import_with_data_import_wizard.htm); custom
 * fields have API names ending in `__c`
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/custom_objects_and_fields.htm).
 * HubSpot: a companies import updates existing records matched on "Record ID"
 * (https://knowledge.hubspot.com/import-and-export/import-objects, https://developers.hubspot.com/docs/api/crm/imports);
 * the company property "Ideal Customer Profile Tier" has the internal name
 * hs_ideal_customer_profile and the internal values tier_1, tier_2, tier_3
 * (https://developers.hubspot.com/docs/api/crm/properties: enumeration properties are imported by
 * their internal values).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Account } from '@/lib/domain/schema';
import { computeTier } from '@/lib/domain/tier';
import { crmExport, HUBSPOT_HEADERS, HUBSPOT_ICP_TIER, MISSING_ID_HEADERS, SALESFORCE_HEADERS, type CrmExportData } from '@/lib/io/crm-export';
import { makeSampleData } from '@/lib/sample';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK = '2026-W48';
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

function data(): CrmExportData {
  const s = makeSampleData({ now: NOW });
  return {
    weekId: WEEK,
    accounts: s.accounts,
    contacts: s.contacts,
    targets: s.targets.filter((t) => t.weekId === WEEK),
    ticks: s.ticks.filter((t) => t.weekId === WEEK),
    settings: defaultSettings(NOW.getTime()),
    now: NOW.getTime(),
  };
}

describe('Salesforce import file', () => {
  it('has exactly the documented key column and custom-field API names, one row per account with a Salesforce id', () => {
    const d = data();
    const out = crmExport('salesforce', d);
    const [head, ...rows] = parse(out.csv);
    expect(head).toEqual(['Id', 'Name', 'Tiercover_Tier__c', 'Tiercover_Tier_Reason__c', 'Tiercover_Coverage__c', 'Tiercover_Air_Cover__c', 'Tiercover_Week__c']);
    expect(SALESFORCE_HEADERS.slice(2).every((h) => /^[A-Za-z][A-Za-z0-9_]*__c$/.test(h))).toBe(true);
    const withId = d.accounts.filter((a) => a.crmIds.salesforce);
    expect(rows).toHaveLength(withId.length);
    expect(out.rows).toBe(withId.length);
    for (const r of rows) expect(r[0]).toMatch(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/);
    const nw = rows.find((r) => r[1] === 'Northwind Analytics')!;
    expect(nw[0]).toBe('0015g00000AbCdEAAZ');
    expect(nw[2]).toMatch(/^(Global|Tier [1-4])$/);
    expect(nw[4]).toMatch(/^\d+ of \d+-\d+ named, \d+ of \d+ departments, decision maker: (yes|no)$/);
  });

  it('lists every account without a Salesforce id, by name and in a second file, never silently dropped', () => {
    const d = data();
    const out = crmExport('salesforce', d);
    const without = d.accounts.filter((a) => !a.crmIds.salesforce).map((a) => a.name);
    expect(out.missing.sort()).toEqual(without.sort());
    const [head, ...rows] = parse(out.missingCsv);
    expect(head).toEqual([...MISSING_ID_HEADERS]);
    expect(rows.map((r) => r[0]).sort()).toEqual(without.sort());
    expect(rows[0]![4]).toBe('No Salesforce id in Tiercover');
    expect(out.rows + out.missing.length).toBe(d.accounts.length);
  });
});

describe('HubSpot import file', () => {
  it('is keyed by Record ID, with the ICP tier in HubSpot\'s internal values', () => {
    const d = data();
    const out = crmExport('hubspot', d);
    const [head, ...rows] = parse(out.csv);
    expect(head).toEqual([...HUBSPOT_HEADERS]);
    expect(head![0]).toBe('Record ID');
    expect(head![2]).toBe('Ideal Customer Profile Tier');
    const contoso = d.accounts.find((a) => a.name === 'Contoso Retail')!;
    const row = rows.find((r) => r[0] === '9001')!;
    const tier = computeTier(contoso, d.settings, NOW).tier;
    expect(row[2]).toBe(HUBSPOT_ICP_TIER[tier]);
    for (const r of rows) expect(['tier_1', 'tier_2', 'tier_3', '']).toContain(r[2]);
    expect(out.missing).not.toContain('Contoso Retail');
  });

  it('maps the five Tiercover tiers onto HubSpot\'s three', () => {
    expect(HUBSPOT_ICP_TIER).toEqual({ global: 'tier_1', tier1: 'tier_1', tier2: 'tier_2', tier3: 'tier_3', tier4: '' });
  });
});

describe('cells are defused like every export', () => {
  it('a formula-like account name or id is written as text', () => {
    const d = data();
    const evil: Account = { ...d.accounts[0]!, id: 'evil', name: '=HYPERLINK("http://x")', crmIds: { hubspot: '+123' }, crmKeys: [] };
    const out = crmExport('hubspot', { ...d, accounts: [evil] });
    const [, row] = parse(out.csv);
    expect(row![0]).toBe("'+123");
    expect(row![1]).toBe('\'=HYPERLINK("http://x")');
  });

  it('air cover is filled for this week\'s targets only', () => {
    const d = data();
    const out = crmExport('salesforce', d);
    const rows = parse(out.csv).slice(1);
    const targeted = new Set(d.targets.map((t) => d.accounts.find((a) => a.id === t.accountId)?.name));
    for (const r of rows) expect(r[5] === '').toBe(!targeted.has(r[1]));
    expect(rows.some((r) => /^2026-W48: \d+ of \d+ standing · \d+ of \d+ this week$/.test(r[5] ?? ''))).toBe(targeted.has('Northwind Analytics'));
  });
});
