/**
 * LinkedIn Matched Audiences lists (lib/io/audience-export.ts): exactly the columns of LinkedIn's
 * upload templates, in their order: the company list template (companyname, companywebsite,
 * companyemaildomain, linkedincompanypageurl, stocksymbol, industry, city, state, companycountry,
 * zipcode) and the contact list template (email, firstname, lastname, jobtitle, employeecompany,
 * country, googleaid), the files Campaign Manager offers under Audiences > Create audience >
 * Upload a list (LinkedIn Marketing Solutions help, https://www.linkedin.com/help/lms). The same
 * fields (company name, website domain, email domain; email, first and last name, title,
 * company, country) are what LinkedIn's list-upload API matches on:
 * https://docs.treasuredata.com/pages/diffpages.action?originalId=38057934&pageId=38057953.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type WeekId } from '@/lib/domain/schema';
import { previousWeek } from '@/lib/domain/week';
import { audienceTargets, COMPANY_LIST_HEADERS, companyList, CONTACT_LIST_HEADERS, contactList, splitName } from '@/lib/io/audience-export';
import type { WeekData } from '@/lib/io/csv-export';
import { makeSampleData } from '@/lib/sample';

const NOW = new Date('2026-11-25T12:00:00Z');
const WEEK: WeekId = '2026-W48';
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

function weekData(): WeekData {
  const s = makeSampleData({ now: NOW });
  return {
    weekId: WEEK, accounts: s.accounts, contacts: s.contacts,
    targets: s.targets.filter((t) => t.weekId === WEEK), ticks: s.ticks.filter((t) => t.weekId === WEEK),
    previousTargets: s.targets.filter((t) => t.weekId === previousWeek(WEEK)),
    settings: defaultSettings(NOW.getTime()), now: NOW.getTime(),
  };
}

describe('company list', () => {
  it('has the template columns, one row per active target, with website, email domain and page URL', () => {
    const d = weekData();
    const [head, ...rows] = parse(companyList(d).csv);
    expect(head).toEqual(['companyname', 'companywebsite', 'companyemaildomain', 'linkedincompanypageurl', 'stocksymbol', 'industry', 'city', 'state', 'companycountry', 'zipcode']);
    expect(head).toEqual([...COMPANY_LIST_HEADERS]);
    const active = d.targets.filter((t) => t.status === 'active');
    expect(rows).toHaveLength(active.length);
    const nw = rows.find((r) => r[0] === 'Northwind Analytics');
    if (nw) expect(nw.slice(1, 4)).toEqual(['northwind-analytics.com', 'northwind-analytics.com', 'https://www.linkedin.com/company/northwind-analytics/']);
    for (const r of rows) expect(r).toHaveLength(10);
  });

  it('filters by tier', () => {
    const d = weekData();
    const all = audienceTargets(d);
    const tier = all[0]!.tier!.tier;
    const rows = parse(companyList(d, [tier]).csv).slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual(all.filter((v) => v.tier?.tier === tier).map((v) => v.accountName).sort());
  });
});

describe('contact list', () => {
  it('has the template columns; key contacts still at the company, names split, with the cells to record', () => {
    const d = weekData();
    const out = contactList(d);
    const [head, ...rows] = parse(out.csv);
    expect(head).toEqual([...CONTACT_LIST_HEADERS]);
    expect(head).toEqual(['email', 'firstname', 'lastname', 'jobtitle', 'employeecompany', 'country', 'googleaid']);
    expect(rows.length).toBe(out.cells.length);
    const expected = audienceTargets(d).flatMap((v) => v.keyContacts.filter((c) => c.status !== 'left'));
    expect(rows.length).toBe(expected.length);
    for (const [i, c] of expected.entries()) expect(rows[i]!.slice(1, 3).join(' ')).toBe(c.name.trim().split(/\s+/).join(' '));
  });

  it('splits names as LinkedIn wants them', () => {
    expect(splitName('Ann Marie Lee')).toEqual(['Ann Marie', 'Lee']);
    expect(splitName('Cher')).toEqual(['Cher', '']);
  });
});
