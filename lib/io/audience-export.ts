/**
 * The week's targets for LinkedIn ads: a Matched Audiences company list and contact list, in the
 * columns of LinkedIn's upload templates (Campaign Manager > Audiences > Create audience > Upload
 * a list > download the company or contact template). Unused template columns stay, empty: LinkedIn
 * matches on what is filled. Pure functions of a WeekData snapshot, like the packs.
 */
import type { Tier } from '../domain/schema';
import { linkedinCompanyUrl, targetViews, toCsv, type Cell, type TargetView, type WeekData } from './csv-export';

/** LinkedIn's company list template, in its order. */
export const COMPANY_LIST_HEADERS = [
  'companyname', 'companywebsite', 'companyemaildomain', 'linkedincompanypageurl', 'stocksymbol', 'industry', 'city', 'state', 'companycountry', 'zipcode',
] as const;

/** LinkedIn's contact list template, in its order. */
export const CONTACT_LIST_HEADERS = ['email', 'firstname', 'lastname', 'jobtitle', 'employeecompany', 'country', 'googleaid'] as const;

/** The active targets of the week, of the chosen tiers (all when none is chosen). */
export function audienceTargets(data: WeekData, tiers: readonly Tier[] = []): TargetView[] {
  return targetViews(data).filter((v) => v.target.status === 'active' && v.account && (!tiers.length || (v.tier && tiers.includes(v.tier.tier))));
}

/** "Ann Marie Lee" -> ["Ann Marie", "Lee"]: LinkedIn wants first and last name apart. */
export function splitName(name: string): [string, string] {
  const parts = name.trim().split(/\s+/);
  return parts.length < 2 ? [parts[0] ?? '', ''] : [parts.slice(0, -1).join(' '), parts[parts.length - 1]!];
}

export function companyList(data: WeekData, tiers: readonly Tier[] = []): { csv: string; rows: number } {
  const rows: Cell[][] = audienceTargets(data, tiers).map((v) => {
    const domain = v.account!.domains[0] ?? '';
    return [v.accountName, domain, domain, linkedinCompanyUrl(v.account), '', '', '', '', '', ''];
  });
  return { csv: toCsv([...COMPANY_LIST_HEADERS], rows), rows: rows.length };
}

/** The key contacts still at their company. Without an email LinkedIn matches on name, title and company. */
export function contactList(data: WeekData, tiers: readonly Tier[] = []): { csv: string; rows: number; cells: { targetId: string; contactId: string }[] } {
  const rows: Cell[][] = [];
  const cells: { targetId: string; contactId: string }[] = [];
  for (const v of audienceTargets(data, tiers)) {
    for (const c of v.keyContacts) {
      if (c.status === 'left') continue;
      const [first, last] = splitName(c.name);
      rows.push([c.email, first, last, c.title, v.accountName, '', '']);
      cells.push({ targetId: v.target.id, contactId: c.id });
    }
  }
  return { csv: toCsv([...CONTACT_LIST_HEADERS], rows), rows: rows.length, cells };
}
