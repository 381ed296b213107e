/** The file's and the stored records in memory, by each identity key; `lib/domain/identity.ts` decides. */
import { crmIdsConflict, resolveAccount, type AccountIndexName, type AccountQuery } from '../../domain/identity';
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

/** Accounts in memory by each identity index; the identity rules decide (`lib/domain/identity.ts`). */
export class AccountIndex {
  private by: Record<AccountIndexName, MultiMap<Account>> = {
    byCrm: new MultiMap(),
    byLinkedinId: new MultiMap(),
    byLinkedinSlug: new MultiMap(),
    byDomain: new MultiMap(),
    byNameKey: new MultiMap(),
  };
  constructor(list: Account[] = []) {
    list.forEach((a) => this.add(a));
  }
  add(a: Account) {
    a.crmKeys.forEach((k) => this.by.byCrm.add(k, a));
    a.domains.forEach((d) => this.by.byDomain.add(d, a));
    this.by.byLinkedinSlug.add(a.linkedinSlug, a);
    this.by.byLinkedinId.add(a.linkedinId, a);
    this.by.byNameKey.add(a.nameKey, a);
  }
  find(q: AccountQuery): Found<Account> {
    const r = resolveAccount(q, (index, key) => this.by[index].get(key));
    return r.ambiguous ? { ambiguous: true } : { record: r.account };
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
