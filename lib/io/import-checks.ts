/**
 * What a bundle or backup must be beyond its schema before anything is written: counts within
 * limits (checked on the raw JSON, before the per-record parse costs anything), no id twice, no
 * reference to a record the file does not hold, and no edit time in the future (a forged
 * "year 9999" edit would win every later newer-edit-wins merge). Each refusal names what and
 * where; the caller writes nothing.
 */
import type { Backup, Bundle } from './bundle';

export const IMPORT_LIMITS = {
  bundle: { accounts: 100_000, contacts: 500_000, weeks: 1, targets: 10_000, ticks: 2_000_000, links: 200_000 },
  backup: { accounts: 1_000_000, contacts: 2_000_000, weeks: 10_000, targets: 1_000_000, ticks: 5_000_000, links: 1_000_000 },
  /** Clocks differ between colleagues' machines: this much ahead of ours is still "now". */
  futureMarginMs: 10 * 60_000,
} as const;

type Noun = 'bundle' | 'backup';
type Stores = 'accounts' | 'contacts' | 'weeks' | 'targets' | 'ticks' | 'links';

/** Refuse oversized lists on the raw JSON, before any record is parsed. */
export function countProblems(json: unknown, noun: Noun): string[] {
  const limits = IMPORT_LIMITS[noun];
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const problems: string[] = [];
  for (const [store, max] of Object.entries(limits) as [Stores, number][]) {
    const list = store === 'weeks' && noun === 'bundle' ? (o.week ? [o.week] : []) : o[store];
    if (Array.isArray(list) && list.length > max) {
      problems.push(`${store}: ${list.length.toLocaleString('en-US')} records, more than the ${max.toLocaleString('en-US')} a ${noun} may hold`);
    }
  }
  return problems;
}

type Content = Pick<Backup, 'accounts' | 'contacts' | 'targets' | 'ticks' | 'links'> & { weeks: Backup['weeks']; weekId?: Bundle['weekId'] };

/** Duplicate ids, dangling references and future times, at most `max` of them, each with its place. */
export function contentProblems(c: Content, now: number, max = 5): string[] {
  const problems: string[] = [];
  const add = (p: string) => problems.length < max && problems.push(p);
  const latest = now + IMPORT_LIMITS.futureMarginMs;
  const future = (where: string, t: number | undefined) => {
    if (t !== undefined && t > latest) add(`${where} is ${isoOrRaw(t)}, later than now`);
  };
  const ids = <T,>(store: string, list: T[], key: (r: T) => string) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      const k = key(r);
      if (seen.has(k)) add(`${store}[${i}]: the id "${k}" appears twice`);
      seen.add(k);
    });
    return seen;
  };
  const accountIds = ids('accounts', c.accounts, (a) => a.id);
  const contactIds = ids('contacts', c.contacts, (x) => x.id);
  const weekIds = ids('weeks', c.weeks, (w) => w.id);
  const targetIds = ids('targets', c.targets, (t) => t.id);
  ids('ticks', c.ticks, (t) => t.id);
  ids('links', c.links, (l) => l.pageKey);

  for (const [store, list] of [['accounts', c.accounts], ['contacts', c.contacts], ['targets', c.targets]] as const) {
    list.forEach((r, i) => {
      future(`${store}[${i}].createdAt`, r.createdAt);
      future(`${store}[${i}].updatedAt`, r.updatedAt);
      for (const [field, t] of Object.entries(r.edits ?? {})) future(`${store}[${i}].edits.${field}`, t);
    });
  }
  c.weeks.forEach((w, i) => {
    future(`weeks[${i}].updatedAt`, w.updatedAt);
    future(`weeks[${i}].createdAt`, w.createdAt);
  });
  c.ticks.forEach((t, i) => future(`ticks[${i}].at`, t.at));
  c.links.forEach((l, i) => future(`links[${i}].createdAt`, l.createdAt));

  c.contacts.forEach((x, i) => {
    if (!accountIds.has(x.accountId)) add(`contacts[${i}]: its account "${x.accountId}" is not in the file`);
  });
  // The relationship map and governance point at contacts of the same account.
  const accountOf = new Map(c.contacts.map((x) => [x.id, x.accountId]));
  c.contacts.forEach((x, i) => {
    if (!x.reportsTo) return;
    if (x.reportsTo === x.id) add(`contacts[${i}]: reports to themself`);
    else if (!accountOf.has(x.reportsTo)) add(`contacts[${i}]: the contact they report to, "${x.reportsTo}", is not in the file`);
    else if (accountOf.get(x.reportsTo) !== x.accountId) add(`contacts[${i}]: reports to "${x.reportsTo}", a contact of another account`);
  });
  c.accounts.forEach((a, i) => {
    (a.touchpoints ?? []).forEach((tp, j) => {
      const stranger = tp.theirs.find((id) => accountOf.get(id) !== a.id);
      if (stranger) add(`accounts[${i}].touchpoints[${j}]: "${stranger}" took part for the customer but is not a contact of this account in the file`);
    });
    (a.reviews ?? []).forEach((r, j) => future(`accounts[${i}].reviews[${j}].at`, r.at));
  });
  c.targets.forEach((t, i) => {
    if (!accountIds.has(t.accountId)) add(`targets[${i}]: its account "${t.accountId}" is not in the file`);
    if (c.weekId ? t.weekId !== c.weekId : !weekIds.has(t.weekId)) add(`targets[${i}]: its week ${t.weekId} is not ${c.weekId ? `the bundle's week ${c.weekId}` : 'in the file'}`);
    const missing = t.keyContactIds.find((id) => !contactIds.has(id));
    if (missing) add(`targets[${i}]: its key contact "${missing}" is not in the file`);
  });
  c.ticks.forEach((t, i) => {
    if (!targetIds.has(t.targetId)) add(`ticks[${i}]: its target "${t.targetId}" is not in the file`);
    if (t.contactId && !contactIds.has(t.contactId)) add(`ticks[${i}]: its contact "${t.contactId}" is not in the file`);
  });
  c.links.forEach((l, i) => {
    if (!(l.kind === 'account' ? accountIds : contactIds).has(l.targetId)) add(`links[${i}]: its ${l.kind} "${l.targetId}" is not in the file`);
  });
  return problems;
}

function isoOrRaw(t: number): string {
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString().slice(0, 10);
}

/** The earliest of many numbers without spreading them into arguments (a stack limit at ~100k). */
export function earliest(values: Iterable<number>): number | undefined {
  let min: number | undefined;
  for (const v of values) if (min === undefined || v < min) min = v;
  return min;
}
