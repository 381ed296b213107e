/**
 * The accounts list's in-memory index: one compact entry per account, kept in name order, with a
 * search key per account and per-tier position lists. Built once from the background's pages
 * (`listAccountIndex`) and patched per changed account, so neither a keystroke nor a tier filter
 * reads the database or walks every record. Pure: no DOM, no DB.
 */
import { normalizeCompanyName } from './normalize';
import type { Tier } from './schema';
import { compareKeys } from './order';

/** What the list needs of an account before its row is drawn (the rest comes per visible row). */
export interface AccountIndexEntry {
  id: string;
  name: string;
  /** The stored normalised name (`Account.nameKey`): the sort key and the searched name. */
  nameKey: string;
  domains: string[];
  tier: Tier;
  provisional: boolean;
  owner?: string;
}

export interface AccountFilter {
  query: string;
  tier?: Tier;
  /** Only accounts NOT in this set (the accounts whose coverage has no gap: "gaps only"). */
  exclude?: ReadonlySet<string>;
}

/** Name order, ties by id: the order of the `byNameKey` index the pages come from. */
export function compareEntries(a: Pick<AccountIndexEntry, 'nameKey' | 'id'>, b: Pick<AccountIndexEntry, 'nameKey' | 'id'>): number {
  return compareKeys(a.nameKey, b.nameKey) || compareKeys(a.id, b.id);
}

/** The query as the index compares it: a name key, and the raw text when it looks like a domain. */
export function searchTerms(query: string): { key: string; domain?: string } {
  const raw = query.trim().toLowerCase();
  const key = normalizeCompanyName(raw);
  // "acme.c" while typing a domain: match the text as typed (scheme and www. dropped), since the
  // name key turns dots into spaces.
  const domain = raw.includes('.') ? raw.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^www\d?\./, '') : undefined;
  return { key, domain: domain || undefined };
}

const SEP = '\u0001'; // never in a name key or a domain, so a term cannot match across two fields

export class AccountIndex {
  private entries: AccountIndexEntry[] = [];
  private haystacks: string[] = [];
  private byId = new Map<string, number>();
  /** Positions per tier, in name order; rebuilt once after a change, not per filter. */
  private tierPositions: Map<Tier, Int32Array> | null = null;
  private everything: Int32Array | null = null;
  /** The last search, to narrow from when the next query contains it (typing on). */
  private last: { key: string; domain?: string; tier?: Tier; exclude?: ReadonlySet<string>; result: Int32Array } | null = null;

  /** An index of entries in any order (sorted once here). */
  static from(entries: AccountIndexEntry[]): AccountIndex {
    const ix = new AccountIndex();
    ix.append([...entries].sort(compareEntries));
    return ix;
  }

  get size(): number {
    return this.entries.length;
  }

  at(position: number): AccountIndexEntry | undefined {
    return this.entries[position];
  }

  get(id: string): AccountIndexEntry | undefined {
    const at = this.byId.get(id);
    return at === undefined ? undefined : this.entries[at];
  }

  /** Entries that sort after everything held (the next page from the background). */
  append(page: AccountIndexEntry[]): void {
    for (const e of page) {
      const last = this.entries[this.entries.length - 1];
      if (this.byId.has(e.id) || (last && compareEntries(last, e) > 0)) {
        this.upsert(e); // out of order or already held (a change raced the paging): place it
        continue;
      }
      this.byId.set(e.id, this.entries.length);
      this.entries.push(e);
      this.haystacks.push(haystackOf(e));
    }
    this.changed();
  }

  /** Add or replace one account, keeping name order. */
  upsert(e: AccountIndexEntry): void {
    this.remove(e.id);
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(this.entries[mid]!, e) < 0) lo = mid + 1;
      else hi = mid;
    }
    this.entries.splice(lo, 0, e);
    this.haystacks.splice(lo, 0, haystackOf(e));
    this.reindexFrom(lo);
    this.changed();
  }

  remove(id: string): void {
    const at = this.byId.get(id);
    if (at === undefined) return;
    this.entries.splice(at, 1);
    this.haystacks.splice(at, 1);
    this.byId.delete(id);
    this.reindexFrom(at);
    this.changed();
  }

  /**
   * Positions (name order) of the accounts that match: the name key contains the query's key, or
   * a domain contains what was typed. A tier filter starts from that tier's list; a query that
   * extends the previous one only re-checks the previous result.
   */
  filter(f: AccountFilter): Int32Array {
    const { key, domain } = searchTerms(f.query);
    const last = this.last;
    let base: Int32Array;
    if (last && last.tier === f.tier && last.exclude === f.exclude && key.includes(last.key) && (last.domain === undefined || (domain ?? '').includes(last.domain))) {
      base = last.result;
    } else {
      base = f.tier ? this.positionsOf(f.tier) : this.all();
      if (f.exclude) base = base.filter((p) => !f.exclude!.has(this.entries[p]!.id));
    }
    const result = !key && !domain ? base : base.filter((p) => {
      const h = this.haystacks[p]!;
      return (!!key && h.includes(key)) || (!!domain && h.includes(domain));
    });
    this.last = { key, domain, tier: f.tier, exclude: f.exclude, result };
    return result;
  }

  private all(): Int32Array {
    if (!this.everything) this.everything = Int32Array.from({ length: this.entries.length }, (_, i) => i);
    return this.everything;
  }

  private positionsOf(tier: Tier): Int32Array {
    if (!this.tierPositions) {
      const lists = new Map<Tier, number[]>();
      this.entries.forEach((e, i) => {
        let l = lists.get(e.tier);
        if (!l) lists.set(e.tier, (l = []));
        l.push(i);
      });
      this.tierPositions = new Map([...lists].map(([t, l]) => [t, Int32Array.from(l)]));
    }
    return this.tierPositions.get(tier) ?? new Int32Array(0);
  }

  private reindexFrom(from: number): void {
    for (let i = from; i < this.entries.length; i++) this.byId.set(this.entries[i]!.id, i);
  }

  /** Positions moved: the derived lists and the last search no longer hold. */
  private changed(): void {
    this.tierPositions = null;
    this.everything = null;
    this.last = null;
  }
}

function haystackOf(e: AccountIndexEntry): string {
  // The stored key, and the name normalised again in case the key came from an older rule.
  const name = e.nameKey || normalizeCompanyName(e.name);
  return [name, ...e.domains].join(SEP);
}
