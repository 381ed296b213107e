/** The file's and the stored records in memory, by each identity key; `lib/domain/identity.ts` decides. */
import { accountLookups, crmIdsConflict, resolveAccount, type AccountIndexName, type AccountQuery } from '../../domain/identity';
import type { Account, Contact } from '../../domain/schema';
import { normalizePersonName } from './values';

// ---------------------------------------------------------------- matching indexes

export function contactsConflict(a: Pick<Contact, 'crmIds' | 'linkedinSlug'>, b: Pick<Contact, 'crmIds' | 'linkedinSlug'>): boolean {
  return crmIdsConflict(a.crmIds, b.crmIds) || (!!a.linkedinSlug && !!b.linkedinSlug && a.linkedinSlug !== b.linkedinSlug);
}

/** One shared empty answer: a miss allocates nothing (an import of 200,000 rows misses a lot). */
const NONE: readonly never[] = Object.freeze([]);

class MultiMap<V extends { id: string }> {
  private m = new Map<string, V[]>();
  add(key: string | undefined, v: V) {
    if (!key) return;
    const list = this.m.get(key);
    if (!list) this.m.set(key, [v]);
    else {
      const i = list.findIndex((x) => x.id === v.id);
      if (i >= 0) list[i] = v;
      else list.push(v);
    }
  }
  get(key: string | undefined): readonly V[] {
    return (key && this.m.get(key)) || NONE;
  }
}

type Found<T> = { record?: T; ambiguous?: boolean };

/** How `AccountIndex` notes a key an account was added under (index names hold no "|"). */
const noteOf = (index: AccountIndexName, key: string) => `${index}|${key}`;

/** Accounts in memory by each identity index; the identity rules decide (`lib/domain/identity.ts`). */
export class AccountIndex {
  private by: Record<AccountIndexName, MultiMap<Account>> = {
    byCrm: new MultiMap(),
    byLinkedinId: new MultiMap(),
    byLinkedinSlug: new MultiMap(),
    byDomain: new MultiMap(),
    byNameKey: new MultiMap(),
  };
  /** "index|key" of every key an account was added under since `watch()` (see `findAgain`). */
  private changed?: Set<string>;
  constructor(list: Account[] = []) {
    list.forEach((a) => this.add(a));
  }
  /** From now on, note the keys accounts are added under, so `findAgain` can keep an answer. */
  watch() {
    this.changed = new Set();
  }
  add(a: Account) {
    a.crmKeys.forEach((k) => this.addUnder('byCrm', k, a));
    a.domains.forEach((d) => this.addUnder('byDomain', d, a));
    this.addUnder('byLinkedinSlug', a.linkedinSlug, a);
    this.addUnder('byLinkedinId', a.linkedinId, a);
    this.addUnder('byNameKey', a.nameKey, a);
  }
  private addUnder(index: AccountIndexName, key: string | undefined, a: Account) {
    if (!key) return;
    this.by[index].add(key, a);
    this.changed?.add(noteOf(index, key));
  }
  find(q: AccountQuery): Found<Account> {
    const r = resolveAccount(q, (index, key) => this.by[index].get(key));
    return r.ambiguous ? { ambiguous: true } : { record: r.account };
  }
  /**
   * `find` again for a query answered (`earlier`) after `watch()`: the same answer unless an
   * account was added since under one of the query's keys, since an answer depends only on what
   * those keys hold. An import of 200,000 contacts asks each row's company twice (which stored
   * accounts to read contacts of, then the match): this halves that. Not watching (an accounts
   * import adds 50,000 accounts and asks once): no notes kept, and this is `find`.
   */
  findAgain(q: AccountQuery, earlier: Found<Account>): Found<Account> {
    const changed = this.changed;
    if (!changed) return this.find(q);
    if (changed.size === 0) return earlier;
    for (const { index, key } of accountLookups(q)) if (changed.has(noteOf(index, key))) return this.find(q);
    return earlier;
  }
}

export class ContactIndex {
  private crm = new MultiMap<Contact>();
  private slug = new MultiMap<Contact>();
  private email = new MultiMap<Contact>();
  private name = new MultiMap<Contact>();
  constructor(list: Contact[] = []) {
    list.forEach((c) => this.add(c));
  }
  add(c: Contact) {
    c.crmKeys.forEach((k) => this.crm.add(k, c));
    this.slug.add(c.linkedinSlug, c);
    this.email.add(c.email, c);
    this.name.add(`${c.accountId}|${normalizePersonName(c.name)}`, c);
  }
  /** CRM id, LinkedIn slug, email: certain enough to match whatever the company column says. */
  findStrong(q: Contact): Contact | undefined {
    for (const k of q.crmKeys) {
      const hit = this.crm.get(k)[0];
      if (hit) return hit;
    }
    const ok = (list: readonly Contact[]) => list.find((c) => !contactsConflict(c, q));
    return ok(this.slug.get(q.linkedinSlug)) ?? ok(this.email.get(q.email));
  }
  findByName(q: Contact, accountId: string): Found<Contact> {
    const list = this.name.get(`${accountId}|${normalizePersonName(q.name)}`).filter((c) => !contactsConflict(c, q));
    if (list.length === 1) return { record: list[0] };
    return list.length > 1 ? { ambiguous: true } : {};
  }
}
