import { describe, expect, it } from 'vitest';
import { AccountIndex, type AccountIndexEntry, compareEntries, searchTerms } from '@/lib/domain/account-index';
import { normalizeCompanyName } from '@/lib/domain/normalize';
import type { Tier } from '@/lib/domain/schema';

const entry = (id: string, name: string, tier: Tier = 'tier2', domains: string[] = []): AccountIndexEntry => ({
  id, name, nameKey: normalizeCompanyName(name), domains, tier, provisional: false,
});
const names = (ix: AccountIndex, positions: Int32Array) => [...positions].map((p) => ix.at(p)!.name);

function sample() {
  const ix = new AccountIndex();
  const list = [
    entry('a1', 'Acme Robotics, Inc.', 'tier1', ['acme-robotics.com']),
    entry('a2', 'Northwind Analytics', 'tier2', ['northwind.io', 'nwa.com']),
    entry('a3', 'Contoso Retail', 'tier4', ['contoso.com']),
    entry('a4', 'Zürich Versicherung AG', 'global', ['zurich.ch']),
    entry('a5', 'Acme Foods', 'tier2', ['acmefoods.com']),
  ].sort(compareEntries);
  ix.append(list);
  return ix;
}

describe('the accounts list index', () => {
  it('keeps name order and finds names by any part, however they are written', () => {
    const ix = sample();
    expect(names(ix, ix.filter({ query: '' }))).toEqual(['Acme Foods', 'Acme Robotics, Inc.', 'Contoso Retail', 'Northwind Analytics', 'Zürich Versicherung AG']);
    expect(names(ix, ix.filter({ query: 'acme' }))).toEqual(['Acme Foods', 'Acme Robotics, Inc.']);
    expect(names(ix, ix.filter({ query: 'ROBOTICS inc' }))).toEqual(['Acme Robotics, Inc.']);
    expect(names(ix, ix.filter({ query: 'zurich' }))).toEqual(['Zürich Versicherung AG']);
    expect(names(ix, ix.filter({ query: 'analytics' }))).toEqual(['Northwind Analytics']);
    expect(names(ix, ix.filter({ query: 'nobody' }))).toEqual([]);
  });

  it('finds a domain as it is typed, with or without a scheme and www.', () => {
    const ix = sample();
    expect(names(ix, ix.filter({ query: 'nwa.c' }))).toEqual(['Northwind Analytics']);
    expect(names(ix, ix.filter({ query: 'https://www.contoso.com' }))).toEqual(['Contoso Retail']);
    expect(searchTerms('https://www.Contoso.com')).toEqual({ key: 'https www contoso com', domain: 'contoso.com' });
  });

  it('filters by tier from the tier lists, alone and with a query, and leaves out excluded ids', () => {
    const ix = sample();
    expect(names(ix, ix.filter({ query: '', tier: 'tier2' }))).toEqual(['Acme Foods', 'Northwind Analytics']);
    expect(names(ix, ix.filter({ query: 'acme', tier: 'tier2' }))).toEqual(['Acme Foods']);
    expect(names(ix, ix.filter({ query: '', tier: 'tier3' }))).toEqual([]);
    expect(names(ix, ix.filter({ query: '', exclude: new Set(['a2', 'a3']) }))).toEqual(['Acme Foods', 'Acme Robotics, Inc.', 'Zürich Versicherung AG']);
  });

  it('typing on narrows to exactly what a fresh search finds, also when a key loses its legal suffix', () => {
    const ix = sample();
    const fresh = (q: string) => {
      const other = sample();
      return names(other, other.filter({ query: q }));
    };
    for (const typed of ['a', 'ac', 'acme', 'acme ', 'acme r', 'acme ro', 'acme rob', 'c', 'co', 'con', 'cont', 'contoso.', 'contoso.c', 'contoso.co', 'n', 'nw', 'nwa', 'nwa.', 'inc', 'in', 'i']) {
      expect(names(ix, ix.filter({ query: typed })), typed).toEqual(fresh(typed));
    }
  });

  it('places an added or changed account in name order and forgets a removed one', () => {
    const ix = sample();
    ix.filter({ query: 'acme' }); // a cached search must not survive the change
    ix.upsert(entry('a6', 'Acme Aerospace', 'tier1'));
    ix.upsert({ ...ix.get('a3')!, name: 'Aardvark Retail', nameKey: 'aardvark retail', tier: 'tier1' });
    ix.remove('a4');
    ix.remove('missing');
    expect(names(ix, ix.filter({ query: '' }))).toEqual(['Aardvark Retail', 'Acme Aerospace', 'Acme Foods', 'Acme Robotics, Inc.', 'Northwind Analytics']);
    expect(names(ix, ix.filter({ query: 'acme' }))).toEqual(['Acme Aerospace', 'Acme Foods', 'Acme Robotics, Inc.']);
    expect(names(ix, ix.filter({ query: '', tier: 'tier1' }))).toEqual(['Aardvark Retail', 'Acme Aerospace', 'Acme Robotics, Inc.']);
    expect(ix.get('a4')).toBeUndefined();
    expect(ix.size).toBe(5);
  });

  it('builds from entries in any order', () => {
    const ix = AccountIndex.from([entry('z', 'Zeta'), entry('b2', 'Beta'), entry('a', 'Alpha'), entry('b1', 'Beta')]);
    expect([...ix.filter({ query: '' })].map((p) => ix.at(p)!.id)).toEqual(['a', 'b1', 'b2', 'z']);
  });

  it('takes a page that overlaps what it holds (a change raced the paging) without doubles', () => {
    const ix = sample();
    ix.append([entry('a2', 'Northwind Analytics', 'tier1', ['northwind.io']), entry('a0', 'Aaron Ltd')]);
    expect(names(ix, ix.filter({ query: '' }))).toEqual(['Aaron Ltd', 'Acme Foods', 'Acme Robotics, Inc.', 'Contoso Retail', 'Northwind Analytics', 'Zürich Versicherung AG']);
    expect(ix.get('a2')!.tier).toBe('tier1');
  });
});
