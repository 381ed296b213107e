/**
 * Exports for both teams (DOMAIN.md section 4): the sales pack and marketing pack (CSV), the
 * week's bundle (JSON), and the full backup and its restore; the week snapshot and its target
 * views, which the meeting agenda (lib/io/agenda.ts) builds on too.
 * The week exports are pure functions of a WeekData snapshot.
 */
// First: the week view (app, side panel) loads zod only through this module, on demand.
import '../zod-jitless';
import { abortOn, describeStorageError, type DB, type WriteOptions } from '../db/db';
import { DATA_STORES } from '../db/schema';
import { rebuildCoverage } from '../db/coverage';
import { GROUP_LABELS, ITEM_GROUP, ITEM_LABELS, targetCells, tickId, tickIdPrefix, ticksById, ticksByTarget } from '../domain/aircover';
import { BUYING_ROLE_LABELS, DEPARTMENT_LABELS, type AirCoverItem } from '../domain/constants';
import { coverageOf, summarizeCoverage, type Coverage, type CoverageSummary } from '../domain/coverage';
import {
  SCHEMA_VERSION,
  type Account,
  type AirCoverTick,
  type Contact,
  type PageLink,
  type Settings,
  type Target,
  type Tier,
  type Week,
  type WeekId,
} from '../domain/schema';
import { decideTier, TIER_LABELS, TIER_ORDER, type TierDecision } from '../domain/tier';
import { previousWeek } from '../domain/week';
import { getSettings } from '../db/settings';
import { BACKUP_FORMAT, BUNDLE_FORMAT, BundleError, checkBackup, parseBackup, type Backup, type Bundle } from './bundle';
import { RECORD_STORES, accountsIn, contactsIn } from '../db/records';
import { watchWrites } from '../db/packed';
import { readWeekAccountContacts, saveWeekAccountContacts } from '../db/week-account-contacts';
import { DIGEST_STORES, dropWeekDigests, readWeekRecords, resolveKeyContacts, saveWeekContacts, saveWeekDigest } from '../db/week-digest';
import { dropKeptWeeks, readWeek, TARGET_STORES, TICK_STORES } from '../db/kept-weeks';
import { keepNameOrderOfAll } from '../db/account-name-order';
import { Utf8Writer } from './utf8';

// ---------------------------------------------------------------- CSV

export type Cell = string | number | boolean | Date | undefined | null;

/** A cell a spreadsheet would run as a formula (or that starts with a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isoDateTime = (ms: number) => new Date(ms).toISOString();

/** Text of one cell: numbers as they are, times as ISO 8601, formula-like text defused with a leading '. */
export function cellText(v: Cell): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return FORMULA_START.test(v) ? `'${v}` : v;
}

/** Quoted when it holds a quote, comma or line break, or starts with U+FEFF (readers would take it for a BOM). */
const quote = (s: string) => (/[",\r\n]|^\uFEFF/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * Cells as CSV text, comma-separated: each defused and quoted. Joined with commas, pieces made by
 * it make a line, so a big export can build each repeated piece (an account, a contact) once.
 */
export function csvCells(cells: readonly Cell[]): string {
  let text = '';
  for (let i = 0; i < cells.length; i++) text += (i ? ',' : '') + quote(cellText(cells[i]));
  return text;
}

/** One line of CSV; a line of one empty cell is `""`, since readers skip an empty line. */
const csvLine = (cells: readonly Cell[]) => (cells.length === 1 && cellText(cells[0]) === '' ? '""' : csvCells(cells));

/** A CSV file from its lines (each made by `csvCells`): UTF-8 BOM, CRLF. */
export const csvFile = (lines: string[]) => '\uFEFF' + lines.join('\r\n') + '\r\n';

/** CSV for Excel, Google Sheets and LibreOffice: UTF-8 BOM, RFC 4180 quoting, CRLF, formulas defused. */
export function toCsv(headers: string[], rows: Cell[][]): string {
  return csvFile([csvLine(headers), ...rows.map(csvLine)]);
}

// ---------------------------------------------------------------- the week snapshot

export interface WeekData {
  weekId: WeekId;
  /** At least the accounts of this week's and last week's targets. */
  accounts: Account[];
  /**
   * At least the contacts of those accounts; or, loaded with `{ contacts: 'keys' }`, only this
   * week's key contacts (the packs and the agenda need no others: coverage comes from `coverage`).
   */
  contacts: Contact[];
  /** The accounts' coverage summaries (none: no contacts). Absent: made from `contacts`. */
  coverage?: Map<string, CoverageSummary>;
  /** This week's targets. */
  targets: Target[];
  /** This week's ticks. */
  ticks: AirCoverTick[];
  /** Last week's targets, for the changes since last week. */
  previousTargets: Target[];
  settings: Settings;
  now: number;
  week?: Week;
  links?: PageLink[];
}

export interface LoadOptions {
  /**
   * 'all' (the bundle): every contact of this week's accounts. 'keys' (the packs, the agenda, the audience
   * lists): only the targets' key contacts, one get each; coverage comes from the stored summaries
   * either way, so no export reads every contact of 1,000 accounts to say their gaps.
   */
  contacts?: 'all' | 'keys';
}

/** Read a week's snapshot from the database in one read-only transaction. */
export async function loadWeekData(db: DB, weekId: WeekId, now = Date.now(), opts: LoadOptions = {}): Promise<WeekData> {
  const settings = await getSettings(db);
  const tx = db.transaction([...DIGEST_STORES, 'weeks', ...TARGET_STORES, ...TICK_STORES, 'links']);
  const [targets, previousTargets, ticks, week] = await Promise.all([
    readWeek(db, tx, 'targets', weekId),
    readWeek(db, tx, 'targets', previousWeek(weekId)),
    readWeek(db, tx, 'ticks', weekId),
    tx.objectStore('weeks').get(weekId),
  ]);
  const accountIds = [...new Set([...targets, ...previousTargets].map((t) => t.accountId))];
  const contactStore = contactsIn(tx);
  const keyContacts = targets.flatMap((t) => t.keyContactIds.map((id) => ({ accountId: t.accountId, id })));
  // The week's accounts and summaries, and its key contacts, from what the week keeps of them
  // where it is still true (lib/db/week-digest.ts).
  const recordsRead = readWeekRecords(tx, weekId, { accountIds, keyContacts: opts.contacts === 'keys' ? keyContacts : undefined });
  const readContacts =
    opts.contacts === 'keys'
      ? // A key contact belongs to its target's account: one page read each, no id look-up. One
        // that moved to another account since is not a key contact of this target any more.
        recordsRead
          .then(async ({ keyContacts: known, keyContactsMissing, keyContactsOwn, contactStamp }) => {
            const { all } = await resolveKeyContacts(() => contactStore, known, keyContacts);
            // All read in this one transaction: stored for the week's next opening and export
            // (also when last week's answered for all of them: then this week has none kept).
            if (keyContactsMissing || (!keyContactsOwn && all.size)) void saveWeekContacts(db, weekId, contactStamp, all);
            return [...all.values()];
          })
          .then((cs) => [...new Map(cs.filter((c): c is Contact => !!c).map((c) => [c.id, c])).values()])
      : // Every contact of this week's accounts (the bundle's): kept in one value once read.
        readWeekAccountContacts(tx, weekId, [...new Set(targets.map((t) => t.accountId))]).then(({ contacts, fresh }) => {
          if (fresh) void saveWeekAccountContacts(db, fresh);
          return contacts;
        });
  const [records, contacts, allLinks] = await Promise.all([
    recordsRead,
    readContacts,
    // Links made by hand are few: one read of them all beats a look-up per contact.
    tx.objectStore('links').getAll(),
  ]);
  if (records.fresh) void saveWeekDigest(db, records.fresh);
  const wanted = new Set<string>([...accountIds, ...contacts.map((c) => c.id)]);
  return {
    weekId,
    accounts: accountIds.flatMap((id) => records.accounts.get(id) ?? []),
    contacts,
    coverage: records.summaries,
    targets,
    ticks,
    previousTargets,
    settings,
    now,
    week,
    links: allLinks.filter((l) => wanted.has(l.targetId)),
  };
}

/** An account's coverage summary from a snapshot: the stored one, else made from its contacts. */
export function summaryIn(data: Pick<WeekData, 'coverage' | 'contacts'>): (accountId: string) => CoverageSummary | undefined {
  if (data.coverage) return (id) => data.coverage!.get(id);
  const byAccount = new Map<string, Contact[]>();
  for (const c of data.contacts) byAccount.set(c.accountId, [...(byAccount.get(c.accountId) ?? []), c]);
  return (id) => summarizeCoverage(id, byAccount.get(id) ?? []);
}

export interface TargetView {
  target: Target;
  account?: Account;
  accountName: string;
  tier?: TierDecision;
  coverage: Coverage;
  /** The account's coverage summary (undefined: no contacts), for what else is said from it. */
  summary?: CoverageSummary;
  keyContacts: Contact[];
  /** On last week's list too (carried over), or new this week. */
  carried: boolean;
}

export const STATUS_LABELS: Record<Target['status'], string> = { active: 'active', done: 'done', dropped: 'dropped' };

const tierIndex = (t?: Tier) => (t ? TIER_ORDER.indexOf(t) : TIER_ORDER.length);

/** Each target with its account, tier, coverage and key contacts; by tier, then account name. */
export function targetViews(data: WeekData): TargetView[] {
  const accounts = new Map(data.accounts.map((a) => [a.id, a]));
  const contacts = new Map(data.contacts.map((c) => [c.id, c]));
  const summaryOf = summaryIn(data);
  const lastWeek = new Set(data.previousTargets.map((t) => t.accountId));
  const now = new Date(data.now);
  return data.targets
    .map((target): TargetView => {
      const account = accounts.get(target.accountId);
      const summary = summaryOf(target.accountId);
      return {
        target,
        account,
        accountName: account?.name ?? '(deleted account)',
        tier: account && decideTier(account, data.settings, now),
        coverage: coverageOf(summary, data.settings, data.now),
        summary,
        keyContacts: target.keyContactIds.map((id) => contacts.get(id)).filter((c): c is Contact => !!c),
        carried: !!target.carriedFrom || lastWeek.has(target.accountId),
      };
    })
    .sort((a, b) => tierIndex(a.tier?.tier) - tierIndex(b.tier?.tier) || a.accountName.localeCompare(b.accountName));
}

export const linkedinProfileUrl = (slug?: string) => (slug ? `https://www.linkedin.com/in/${encodeURIComponent(slug)}/` : '');
export const linkedinCompanyUrl = (a?: Pick<Account, 'linkedinSlug' | 'linkedinId'>) =>
  a?.linkedinSlug ? `https://www.linkedin.com/company/${encodeURIComponent(a.linkedinSlug)}/` : a?.linkedinId ? `https://www.linkedin.com/company/${a.linkedinId}/` : '';
export const xProfileUrl = (handle?: string) => (handle ? `https://x.com/${encodeURIComponent(handle)}` : '');

export const salesOwner = (v: TargetView) => v.target.salesOwner || v.account?.team.owner || '';
export const marketingOwner = (v: TargetView) => v.target.marketingOwner || v.account?.team.marketingOwner || '';

// ---------------------------------------------------------------- sales pack

export const SALES_PACK_HEADERS = [
  'Week', 'Account', 'Tier', 'Tier reason', 'Sales owner', 'Marketing owner', 'Target status', 'Contact', 'Title', 'Department',
  'Buying role', 'LinkedIn URL', 'Email', 'Coverage gaps', 'Air cover done',
];

/**
 * One row per key contact of each target still on the list (active or done); dropped targets are
 * left out. The cells a target's rows share are made into CSV text once, as in the marketing pack.
 */
export function salesPack(data: WeekData): string {
  const ticks = ticksById(data.ticks);
  const lines = [csvLine(SALES_PACK_HEADERS)];
  for (const v of targetViews(data)) {
    if (v.target.status === 'dropped') continue;
    const base = csvCells([data.weekId, v.accountName, v.tier ? TIER_LABELS[v.tier.tier] : '', v.tier?.sentence ?? '', salesOwner(v), marketingOwner(v), STATUS_LABELS[v.target.status]]);
    const gaps = v.coverage.gaps.join('; ');
    const cells = targetCells(v.target.keyContactIds);
    const done = (contactId?: string) => {
      const own = cells.filter((c) => c.contactId === contactId);
      const labels = own.filter((c) => ticks.get(tickId(v.target.id, contactId, c.item))?.done).map((c) => ITEM_LABELS[c.item]);
      return `${labels.length} of ${own.length}` + (labels.length ? `: ${labels.join('; ')}` : '');
    };
    if (!v.keyContacts.length) {
      lines.push(`${base},${csvCells(['', '', '', '', '', '', gaps, done(undefined)])}`);
      continue;
    }
    for (const c of v.keyContacts) {
      lines.push(`${base},${csvCells([c.name, c.title, DEPARTMENT_LABELS[c.department], BUYING_ROLE_LABELS[c.buyingRole], linkedinProfileUrl(c.linkedinSlug), c.email, gaps, done(c.id)])}`);
    }
  }
  return csvFile(lines);
}

// ---------------------------------------------------------------- marketing pack

/**
 * The last columns come back (lib/io/pack-import.ts): the marketer fills "Evidence link" and/or
 * "Evidence note" (and "Done by" when not the one importing) for the tasks done; the cell key says
 * which checklist cell a row is, whatever else is edited, sorted or deleted in the sheet.
 */
export const PACK_EVIDENCE_HEADERS = ['Evidence link', 'Evidence note', 'Done by', 'Tiercover cell (do not edit)'] as const;
export const MARKETING_PACK_HEADERS = [
  'Week', 'Account', 'Tier', 'Contact', 'Group', 'Item', 'LinkedIn URL', 'X handle URL', 'Email', 'Marketing owner', 'Sales owner', ...PACK_EVIDENCE_HEADERS,
];

/** About 250 bytes a marketing pack row; the writer grows if they are longer. */
const PACK_ROW_BYTES = 256;

/**
 * One row per air-cover task not yet done, for the active targets: the file's UTF-8 bytes.
 * 1,000 targets make ~25,000 rows (~6 MB), so no row is made as text: the pieces a subject's
 * rows share (the account's cells and the subject's name; its links, the owners and its cell key
 * up to the item) and each item's cells are encoded once and copied onto each row (`Utf8Writer`).
 */
export function marketingPack(data: WeekData): Uint8Array<ArrayBuffer> {
  const ticks = ticksByTarget(data.ticks);
  const targets = targetViews(data)
    .filter((v) => v.target.status === 'active')
    .map((v) => ({ v, cells: targetCells(v.keyContacts.map((c) => c.id)) }));
  const out = new Utf8Writer(targets.reduce((n, t) => n + t.cells.length, 1) * PACK_ROW_BYTES);
  out.append(`\uFEFF${csvLine(MARKETING_PACK_HEADERS)}\r\n`);
  /** An item's group and label cells. */
  const itemCells = new Map<AirCoverItem, Uint8Array>();
  /** An item as the last part of a cell key, ending the row. */
  const itemEnds = new Map<AirCoverItem, Uint8Array>();
  const once = <K>(map: Map<K, Uint8Array>, key: K, text: () => string) => {
    let bytes = map.get(key);
    if (!bytes) map.set(key, (bytes = out.encode(text())));
    return bytes;
  };
  for (const { v, cells } of targets) {
    const own = ticks.get(v.target.id);
    const account = csvCells([data.weekId, v.accountName, v.tier ? TIER_LABELS[v.tier.tier] : '']);
    const owners = csvCells([marketingOwner(v), salesOwner(v), '', '', '']);
    /**
     * A subject's rows: the account's cells and the subject's name, then the item, then its
     * links, the owners and the cell key. The key is its subject's prefix and the item; an item
     * is a plain word, so the key needs quoting or defusing only if the prefix does, and then
     * (never for ids we make) each key is written as its own cell.
     */
    const subject = (name: string, links: string, contactId?: string) => {
      const prefix = tickIdPrefix(v.target.id, contactId);
      const plain = csvCells([prefix]) === prefix;
      return { prefix, plain, head: out.encode(`${account},${name},`), tail: out.encode(`,${links},${owners},${plain ? prefix : ''}`) };
    };
    const subjects = new Map([[undefined as string | undefined, subject(csvCells(['(account)']), csvCells([linkedinCompanyUrl(v.account), '', '']))]]);
    for (const c of v.keyContacts) subjects.set(c.id, subject(csvCells([c.name]), csvCells([linkedinProfileUrl(c.linkedinSlug), xProfileUrl(c.xHandle), c.email]), c.id));
    for (const { contactId, item } of cells) {
      const who = subjects.get(contactId)!; // the cells are made from the same key contacts
      if (own?.get(who.prefix + item)?.done) continue;
      out.put(who.head);
      out.put(once(itemCells, item, () => csvCells([GROUP_LABELS[ITEM_GROUP[item]], ITEM_LABELS[item]])));
      out.put(who.tail);
      if (who.plain) out.put(once(itemEnds, item, () => `${item}\r\n`));
      else out.append(`${csvCells([who.prefix + item])}\r\n`);
    }
  }
  return out.bytes();
}

// ---------------------------------------------------------------- bundle

/** Everything about the week for the other team: its targets' accounts and contacts, targets, ticks. */
export function bundle(data: WeekData & { exportedBy?: string }): Bundle {
  const accountIds = new Set(data.targets.map((t) => t.accountId));
  const contacts = data.contacts.filter((c) => accountIds.has(c.accountId));
  const contactIds = new Set(contacts.map((c) => c.id));
  const targetIds = new Set(data.targets.map((t) => t.id));
  return {
    format: BUNDLE_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: isoDateTime(data.now),
    exportedBy: data.exportedBy ?? data.settings.yourName,
    weekId: data.weekId,
    ...(data.week ? { week: data.week } : {}),
    accounts: data.accounts.filter((a) => accountIds.has(a.id)),
    contacts,
    targets: data.targets,
    ticks: data.ticks.filter((t) => targetIds.has(t.targetId)),
    links: (data.links ?? []).filter((l) => (l.kind === 'account' ? accountIds : contactIds).has(l.targetId)),
  };
}

// ---------------------------------------------------------------- backup

/** Every record of every store, settings and page links included, read in one transaction. */
export async function fullBackup(db: DB, now = Date.now()): Promise<Backup> {
  const tx = db.transaction([...DATA_STORES]);
  const [accounts, contacts, weeks, targets, ticks, links, settings] = await Promise.all([
    accountsIn(tx).getAll(),
    contactsIn(tx).getAll(),
    tx.objectStore('weeks').getAll(),
    tx.objectStore('targets').getAll(),
    tx.objectStore('ticks').getAll(),
    tx.objectStore('links').getAll(),
    tx.objectStore('settings').get('settings'),
  ]);
  return { format: BACKUP_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: isoDateTime(now), accounts, contacts, weeks, targets, ticks, links, settings: settings ?? null };
}

/**
 * Replace all data with a backup: checked completely first, then written in ONE transaction that
 * clears every store and puts every record, so a failure or a cancel leaves the old data as it was.
 */
export async function restoreBackup(db: DB, json: string | Backup, opts: WriteOptions = {}): Promise<RestoredCounts> {
  return writeBackup(db, typeof json === 'string' ? parseBackup(json) : checkBackup(json), opts);
}

export type RestoredCounts = Record<'accounts' | 'contacts' | 'weeks' | 'targets' | 'ticks' | 'links', number>;

/** `restoreBackup`'s writing, for a backup already checked (`parseBackup`). */
export async function writeBackup(db: DB, backup: Backup, opts: WriteOptions = {}): Promise<RestoredCounts> {
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw new BundleError('The restore was cancelled. Your data was not changed.');
  const tx = db.transaction([...DATA_STORES, 'meta'], 'readwrite');
  const stop = abortOn(tx, signal);
  // The packed pages and key buckets are nearly all of a big restore's writing (lib/db/packed.ts).
  let shown = 0;
  if (onProgress) watchWrites(tx, (written, of) => onProgress((shown = Math.max(shown, written / of))));
  // Clearing the packed stores empties accounts and contacts; their pages are read after it. The
  // week digests and the kept weeks' ticks (copies of the old data) go too.
  const writes: Promise<unknown>[] = [...DATA_STORES.map((s) => tx.objectStore(s).clear()), ...dropWeekDigests(tx), dropKeptWeeks(tx)];
  const put = <T>(store: Exclude<(typeof DATA_STORES)[number], (typeof RECORD_STORES)[number]>, list: T[]) => {
    for (const r of list) writes.push(tx.objectStore(store).put(r as never));
  };
  // The accounts' name order is kept with them: the Accounts tab's next opening reads none.
  writes.push(accountsIn(tx).putMany(backup.accounts).then(() => keepNameOrderOfAll(tx, backup.accounts)), contactsIn(tx).putMany(backup.contacts));
  put('weeks', backup.weeks);
  put('targets', backup.targets);
  put('ticks', backup.ticks);
  put('links', backup.links);
  if (backup.settings) put('settings', [backup.settings]);
  const done = tx.done;
  done.catch(() => undefined); // reported through the writes
  try {
    await Promise.all(writes);
    await rebuildCoverage(tx, backup.contacts);
    await done;
  } catch (e) {
    if (signal?.aborted) throw new BundleError('The restore was cancelled. Your data was not changed.', e);
    throw new BundleError(`The backup could not be restored: ${describeStorageError(e)}. Your data was not changed.`, e);
  } finally {
    stop();
  }
  const { accounts, contacts, weeks, targets, ticks, links } = backup;
  return { accounts: accounts.length, contacts: contacts.length, weeks: weeks.length, targets: targets.length, ticks: ticks.length, links: links.length };
}

/** Suggested file names. */
export const exportFileName = (kind: 'sales' | 'marketing' | 'agenda' | 'bundle' | 'backup', weekId?: WeekId, now = Date.now()) =>
  ({
    sales: `tiercover-${weekId}-sales-pack.csv`,
    marketing: `tiercover-${weekId}-marketing-pack.csv`,
    agenda: `tiercover-${weekId}-agenda.md`,
    bundle: `tiercover-${weekId}-bundle.json`,
    backup: `tiercover-backup-${isoDate(now)}.json`,
  })[kind];
