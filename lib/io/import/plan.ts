/**
 * Planning an import: build the records a file's rows describe and decide, for each, whether it
 * is new or the same as a stored record or an earlier row. Nothing is written.
 */
import { departmentFromTitle, suggestBuyingRole } from '../../domain/department';
import { accountQuery, accountQueryOf, type AccountQuery } from '../../domain/identity';
import { companyDomainFromEmail, normalizeDomain, normalizeEmail } from '../../domain/normalize';
import { newAccount, newContact } from '../../domain/records';
import type { Account, Contact, CrmSystem, Tier } from '../../domain/schema';
import type { ColumnMapping, FieldKey, ImportKind, SourceSystem } from '../csv-columns';
import { abortError, type RowError } from './parse';
import type { RowProblem } from './problems';
import type { AccountKeys, LookupFns } from './lookups';
import { fillAccount, fillContact } from './merge';
import { AccountIndex, ContactIndex } from './match-index';
import { crmSystemOf, firstId, parseConnected, parseDepartment, parseEmployees, parseLinkedinUrl, parseTier, parseXHandle, parseYear } from './values';

// ---------------------------------------------------------------- planning

export interface PlannedWrite<T> {
  /** 'add': a new record; 'merge': gaps of a stored record filled (re-applied on write). */
  op: 'add' | 'merge';
  record: T;
}

export interface ImportCounts {
  added: number;
  merged: number;
  skipped: number;
}

export interface ImportPlan {
  kind: ImportKind;
  accounts: PlannedWrite<Account>[];
  contacts: PlannedWrite<Contact>[];
  /** Rows (and minimal accounts made for unknown companies, counted as added). */
  counts: ImportCounts;
  /**
   * Tier overrides the plan sets (from a Tier column), and Tier cells left alone because the
   * account already has an override (an import never overwrites).
   */
  tierOverrides: { set: number; kept: number };
  detail: { accounts: { added: number; merged: number }; contacts: { added: number; merged: number } };
  errors: RowError[];
  now: number;
}

export interface PlanOptions {
  now?: number;
  /**
   * The file's name: a Tier column's overrides are credited to the file ("CSV import: <name>"),
   * not to whoever clicked import, who did not choose those tiers.
   */
  sourceFile?: string;
  /** Record numbers of the rows (from parseCsv); default: row i is record i + 2. */
  rowNumbers?: number[];
  /** Cancels planning between rows (at most ~50 ms after the abort). */
  signal?: AbortSignal;
  /** The work done so far, 0 to 1: building the records, looking up stored ones, matching. */
  onProgress?(fraction: number): void;
}

/**
 * In a worker, a long synchronous loop would keep a Cancel message waiting: give the event loop
 * a turn every ~50 ms of work, report progress then, and stop if the import was cancelled.
 * The loops ask every PACE_ROWS rows: an await per row cost 200,000 promises and microtask turns.
 */
const PACE_ROWS = 64;

function pacer(opts: PlanOptions) {
  let last = performance.now();
  return async (fraction: number) => {
    if (performance.now() - last < 50) return;
    opts.onProgress?.(fraction);
    await new Promise((r) => setTimeout(r, 0));
    last = performance.now();
    if (opts.signal?.aborted) throw abortError();
  };
}

type Mapping = Pick<ColumnMapping, 'kind' | 'mapping'> & { system?: SourceSystem };

function cellReader(mapping: Mapping['mapping']) {
  const columns = new Map<FieldKey, number[]>();
  for (const [i, f] of Object.entries(mapping)) if (f) columns.set(f, [...(columns.get(f) ?? []), Number(i)]);
  return (row: string[], f: FieldKey): string => {
    for (const i of columns.get(f) ?? []) {
      const v = row[i]?.trim();
      if (v) return v;
    }
    return '';
  };
}

const zodMessage = (e: unknown) => {
  const issue = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
  return issue ? `${issue.path.map(String).join('.') || 'value'}: ${issue.message}` : ((e as Error)?.message ?? String(e));
};

class Planner {
  readonly accounts = new Map<string, PlannedWrite<Account> & { changed: boolean }>();
  readonly contacts = new Map<string, PlannedWrite<Contact> & { changed: boolean }>();
  readonly errors: RowError[] = [];
  readonly counts: ImportCounts = { added: 0, merged: 0, skipped: 0 };
  readonly detail = { accounts: { added: 0, merged: 0 }, contacts: { added: 0, merged: 0 } };
  readonly tierOverrides = { set: 0, kept: 0 };
  constructor(readonly now: number) {}

  skip(row: number, problem: RowProblem) {
    this.counts.skipped++;
    this.errors.push({ row, problem, skipped: true });
  }
  /** The row was imported, with something the user should know. */
  note(row: number, problem: RowProblem) {
    this.errors.push({ row, problem, skipped: false });
  }

  /** The working copy of an account (stored or new in this file). */
  account(a: Account): Account {
    return this.accounts.get(a.id)?.record ?? a;
  }
  addAccount(a: Account, index: AccountIndex) {
    if (a.tierOverride) this.tierOverrides.set++;
    this.accounts.set(a.id, { op: 'add', record: a, changed: true });
    index.add(a);
    this.counts.added++;
    this.detail.accounts.added++;
  }
  mergeAccount(found: Account, extra: Account, index: AccountIndex): Account {
    const current = this.account(found);
    const filled = fillAccount(current, extra, this.now);
    if (extra.tierOverride) this.tierOverrides[current.tierOverride ? 'kept' : 'set']++;
    const entry = this.accounts.get(current.id);
    const next = filled ?? current;
    this.accounts.set(current.id, { op: entry?.op ?? 'merge', record: next, changed: !!filled || !!entry?.changed });
    if (filled) index.add(next);
    return next;
  }
  contact(c: Contact): Contact {
    return this.contacts.get(c.id)?.record ?? c;
  }
  addContact(c: Contact, index: ContactIndex) {
    this.contacts.set(c.id, { op: 'add', record: c, changed: true });
    index.add(c);
  }
  mergeContact(found: Contact, extra: Contact, index: ContactIndex) {
    const current = this.contact(found);
    const filled = fillContact(current, extra, this.now);
    const entry = this.contacts.get(current.id);
    this.contacts.set(current.id, { op: entry?.op ?? 'merge', record: filled ?? current, changed: !!filled || !!entry?.changed });
    if (filled) index.add(filled);
  }

  plan(kind: ImportKind): ImportPlan {
    const writes = <T>(m: Map<string, PlannedWrite<T> & { changed: boolean }>) =>
      [...m.values()].filter((w) => w.changed).map(({ op, record }) => ({ op, record }));
    return {
      kind,
      accounts: writes(this.accounts),
      contacts: writes(this.contacts),
      counts: this.counts,
      detail: this.detail,
      tierOverrides: this.tierOverrides,
      errors: this.errors.sort((a, b) => a.row - b.row),
      now: this.now,
    };
  }
}

interface CompanyRef {
  name: string;
  crmIds: Partial<Record<CrmSystem, string>>;
  domains: string[];
  linkedinSlug?: string;
  linkedinId?: string;
  owner?: string;
  /** The domain came from the person's email: good for finding a company, not for creating one. */
  domainFromEmail?: boolean;
}

/** The look-up shape of a company reference. */
function companyQuery(c: CompanyRef): AccountQuery {
  return accountQuery({ name: c.name, crmIds: c.crmIds, domains: c.domains, linkedinSlug: c.linkedinSlug, linkedinId: c.linkedinId });
}

/** Every key a batch of queries needs looked up in storage. */
function keysOfQueries(queries: AccountQuery[]): AccountKeys {
  return {
    crmKeys: queries.flatMap((q) => q.crmKeys),
    domains: queries.flatMap((q) => q.domains),
    linkedinSlugs: queries.map((q) => q.linkedinSlug).filter((x): x is string => !!x),
    linkedinIds: queries.map((q) => q.linkedinId).filter((x): x is string => !!x),
    nameKeys: queries.flatMap((q) => q.nameKeys),
  };
}

/** A Tier column's override: from that file, on that date (tier.ts words it for people). */
export function csvOverride(tier: Tier, sourceFile: string | undefined, now: number) {
  return { tier, reason: "the file's Tier column", by: sourceFile ? `CSV import: ${sourceFile.slice(0, 200)}` : 'CSV import', at: now };
}

/**
 * Build the records a file's rows describe and decide, for each, whether it is new or the same as
 * a stored record or an earlier row (CRM id, domain, LinkedIn, then name for accounts; CRM id,
 * LinkedIn slug, email, then name within the account for contacts). Nothing is written.
 */
export async function planImport(rows: string[][], mapping: Mapping, existing: LookupFns, opts: PlanOptions = {}): Promise<ImportPlan> {
  const now = opts.now ?? Date.now();
  const rowNo = (i: number) => opts.rowNumbers?.[i] ?? i + 2;
  const cell = cellReader(mapping.mapping);
  const system = mapping.system ?? 'generic';
  const p = new Planner(now);
  const crmOf = (v: string) => (v ? { [crmSystemOf(v, system)]: v } : {});
  const pace = pacer(opts);

  if (mapping.kind === 'accounts') {
    const drafts: { row: number; account: Account }[] = [];
    const draftOne = (r: string[], i: number) => {
      const row = rowNo(i);
      const name = cell(r, 'name');
      if (!name) return p.skip(row, { code: 'noCompanyName' });
      const domains: string[] = [];
      let linkedinSlug: string | undefined;
      let linkedinId: string | undefined = /^\d{1,30}$/.test(cell(r, 'linkedinId')) ? cell(r, 'linkedinId') : undefined;
      const li = parseLinkedinUrl(cell(r, 'linkedinUrl'), 'company');
      if (li?.kind === 'company') [linkedinSlug, linkedinId] = [li.slug, linkedinId ?? li.id];
      for (const part of cell(r, 'domain').split(/[\s,;]+/)) {
        const inUrl = parseLinkedinUrl(part, 'company');
        if (/linkedin\.com/i.test(part) && inUrl?.kind === 'company') [linkedinSlug, linkedinId] = [linkedinSlug ?? inUrl.slug, linkedinId ?? inUrl.id];
        else {
          const d = normalizeDomain(part);
          if (d) domains.push(d);
        }
      }
      const tierText = cell(r, 'tier');
      const tier = parseTier(tierText);
      if (tier === null) p.note(row, { code: 'unknownTier', value: tierText.slice(0, 40) });
      const industry = cell(r, 'industry');
      const crmId = cell(r, 'crmId');
      try {
        const account = newAccount(
          {
            name,
            domains,
            linkedinSlug,
            linkedinId,
            crmIds: crmOf(crmId),
            employees: parseEmployees(cell(r, 'employees')),
            founded: parseYear(cell(r, 'founded')),
            team: cell(r, 'owner') ? { owner: cell(r, 'owner') } : {},
            tierOverride: tier ? csvOverride(tier, opts.sourceFile, now) : undefined,
            notes: industry ? `Industry: ${industry}` : undefined,
          },
          now,
        );
        drafts.push({ row, account });
      } catch (e) {
        p.skip(row, { code: 'invalidValue', detail: zodMessage(e) });
      }
    };
    for (let i = 0; i < rows.length; i++) {
      draftOne(rows[i]!, i);
      if (i % PACE_ROWS === 0) await pace((0.3 * i) / rows.length);
    }

    // Each row's look-up keys worked out once (name variants are regexes): for the stored look-up and the match.
    const queries = drafts.map((d) => accountQueryOf(d.account));
    const stored = await existing.accounts(keysOfQueries(queries), (f) => opts.onProgress?.(0.3 + 0.3 * f));
    const index = new AccountIndex(stored);
    for (let i = 0; i < drafts.length; i++) {
      const { row, account } = drafts[i]!;
      if (i % PACE_ROWS === 0) await pace(0.6 + (0.4 * i) / drafts.length);
      const found = index.find(queries[i]!);
      if (found.ambiguous) {
        p.skip(row, { code: 'ambiguousAccount', name: account.name });
      } else if (found.record) {
        p.mergeAccount(found.record, account, index);
        p.counts.merged++;
        p.detail.accounts.merged++;
      } else p.addAccount(account, index);
    }
    return p.plan('accounts');
  }

  // Contacts.
  const drafts: { row: number; contact: Contact; company: CompanyRef }[] = [];
  const draftOne = (r: string[], i: number) => {
    const row = rowNo(i);
    const name = cell(r, 'fullName') || [cell(r, 'firstName'), cell(r, 'lastName')].filter(Boolean).join(' ');
    if (!name) return p.skip(row, { code: 'noContactName' });
    const title = cell(r, 'title');
    const email = normalizeEmail(cell(r, 'email'));
    const li = parseLinkedinUrl(cell(r, 'linkedinUrl'), 'person');
    const companyLi = parseLinkedinUrl(cell(r, 'accountLinkedinUrl'), 'company');
    const accountDomain = normalizeDomain(cell(r, 'accountDomain'));
    const emailDomain = companyDomainFromEmail(email);
    const accountCrm = firstId(cell(r, 'accountCrmId'));
    const company: CompanyRef = {
      name: cell(r, 'accountName'),
      crmIds: crmOf(accountCrm),
      domains: accountDomain ? [accountDomain] : [],
      linkedinSlug: companyLi?.kind === 'company' ? companyLi.slug : undefined,
      linkedinId: companyLi?.kind === 'company' ? companyLi.id : undefined,
      owner: cell(r, 'owner') || undefined,
    };
    if (!company.domains.length && emailDomain && !company.name) [company.domains, company.domainFromEmail] = [[emailDomain], true];
    try {
      const contact = newContact(
        {
          accountId: 'pending',
          name,
          title: title || undefined,
          department: parseDepartment(cell(r, 'department')) ?? departmentFromTitle(title),
          buyingRole: suggestBuyingRole(title),
          linkedinSlug: li?.kind === 'person' ? li.slug : undefined,
          email,
          xHandle: parseXHandle(cell(r, 'xHandle')),
          crmIds: crmOf(cell(r, 'crmId')),
          connected: parseConnected(cell(r, 'connected')) ?? false,
        },
        now,
      );
      drafts.push({ row, contact, company });
    } catch (e) {
      p.skip(row, { code: 'invalidValue', detail: zodMessage(e) });
    }
  };
  for (let i = 0; i < rows.length; i++) {
    draftOne(rows[i]!, i);
    if (i % PACE_ROWS === 0) await pace((0.3 * i) / rows.length);
  }

  // Most rows of a contacts file share their company with others (4 a company in the benchmark):
  // one query, and one first answer, per distinct company reference.
  const byRef = new Map<string, AccountQuery>();
  const queries = drafts.map(({ company: c }) => {
    const ref = JSON.stringify([c.name, c.crmIds, c.domains, c.linkedinSlug ?? '', c.linkedinId ?? '']);
    let q = byRef.get(ref);
    if (!q) byRef.set(ref, (q = companyQuery(c)));
    return q;
  });
  const storedAccounts = await existing.accounts(keysOfQueries([...byRef.values()]), (f) => opts.onProgress?.(0.3 + 0.15 * f));
  const accountIndex = new AccountIndex(storedAccounts);
  accountIndex.watch(); // the first answers below are kept for the match unless an account added since changes them
  // Which stored accounts the rows point to, so their contacts can be matched by name.
  const answers = new Map<AccountQuery, ReturnType<AccountIndex['find']>>();
  const firstFinds = queries.map((q) => {
    let found = answers.get(q);
    if (!found) answers.set(q, (found = accountIndex.find(q)));
    return found;
  });
  const storedIds = new Set(firstFinds.map((f) => f.record?.id).filter((x): x is string => !!x));
  const storedContacts = await existing.contacts({
    crmKeys: drafts.flatMap((d) => d.contact.crmKeys),
    linkedinSlugs: drafts.map((d) => d.contact.linkedinSlug).filter((x): x is string => !!x),
    emails: drafts.map((d) => d.contact.email).filter((x): x is string => !!x),
    accountIds: [...storedIds],
  }, (f) => opts.onProgress?.(0.45 + 0.15 * f));
  const contactIndex = new ContactIndex(storedContacts);

  const matchOne = ({ row, contact, company }: (typeof drafts)[number], i: number) => {
    const strong = contactIndex.findStrong(contact);
    if (strong) {
      p.mergeContact(strong, contact, contactIndex);
      p.counts.merged++;
      p.detail.contacts.merged++;
      return;
    }
    const found = accountIndex.findAgain(queries[i]!, firstFinds[i]!); // queries is drafts, mapped one to one
    if (found.ambiguous) return p.skip(row, { code: 'ambiguousAccount', name: company.name });
    let account = found.record && p.account(found.record);
    if (!account) {
      if (!company.name) return p.skip(row, { code: 'noContactCompany' });
      try {
        account = newAccount(
          {
            name: company.name,
            domains: company.domainFromEmail ? [] : company.domains,
            linkedinSlug: company.linkedinSlug,
            linkedinId: company.linkedinId,
            crmIds: company.crmIds,
            team: company.owner ? { owner: company.owner } : {},
          },
          now,
        );
      } catch (e) {
        return p.skip(row, { code: 'companyNotCreated', detail: zodMessage(e) });
      }
      p.addAccount(account, accountIndex);
    }
    // The draft is this plan's own object: set its account in place (a copy per row was 200,000 objects).
    contact.accountId = account.id;
    const byName = contactIndex.findByName(contact, account.id);
    if (byName.ambiguous) return p.skip(row, { code: 'ambiguousContact', account: account.name, name: contact.name });
    if (byName.record) {
      p.mergeContact(byName.record, contact, contactIndex);
      p.counts.merged++;
      p.detail.contacts.merged++;
    } else {
      p.addContact(contact, contactIndex);
      p.counts.added++;
      p.detail.contacts.added++;
    }
  };
  for (let i = 0; i < drafts.length; i++) {
    matchOne(drafts[i]!, i);
    if (i % PACE_ROWS === 0) await pace(0.6 + (0.4 * i) / drafts.length);
  }
  return p.plan('contacts');
}
