import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accountQuery } from '@/lib/domain/identity';
import { newAccount } from '@/lib/domain/records';
import { AccountIndex } from '@/lib/io/import/match-index';

// A small vocabulary, so stored accounts, added accounts and queries share keys often.
const ref = fc.record({
  name: fc.constantFrom('Acme', 'Acme GmbH', 'Northwind', 'Contoso (YC S25)'),
  domains: fc.array(fc.constantFrom('acme.com', 'acme.de', 'northwind.io'), { maxLength: 2 }),
  linkedinSlug: fc.option(fc.constantFrom('acme', 'northwind'), { nil: undefined }),
  linkedinId: fc.option(fc.constantFrom('100', '200'), { nil: undefined }),
  crmIds: fc.option(fc.record({ hubspot: fc.constantFrom('1', '2') }), { nil: undefined }),
});

describe('AccountIndex.findAgain: a contacts import asks each row twice', () => {
  it('answers as find does, whatever was added between the two questions', () => {
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 6 }), fc.array(ref, { minLength: 1, maxLength: 6 }), fc.array(ref, { maxLength: 4 }), (stored, asked, added) => {
        const index = new AccountIndex(stored.map((r) => newAccount(r)));
        index.watch();
        const queries = asked.map((r) => accountQuery(r));
        const first = queries.map((q) => index.find(q));
        for (const r of added) index.add(newAccount(r));
        queries.forEach((q, i) => expect(index.findAgain(q, first[i]!)).toEqual(index.find(q)));
      }),
    );
  });

  it('finds an account added since under one of the query keys, before the stored one it found first', () => {
    const stored = newAccount({ name: 'Acme', domains: ['acme.com'] });
    const index = new AccountIndex([stored]);
    index.watch();
    const q = accountQuery({ name: 'Acme', domains: ['acme.com'], crmIds: { hubspot: '7' } });
    const other = accountQuery({ name: 'Acme', domains: ['acme.com'] });
    const [first, otherFirst] = [index.find(q), index.find(other)];
    expect(first.record).toBe(stored);
    const added = newAccount({ name: 'Zeta Labs', crmIds: { hubspot: '7' } });
    index.add(added);
    expect(index.findAgain(q, first).record).toBe(added);
    // Nothing was added under the other query's keys: its first answer, not looked up again.
    expect(index.findAgain(other, otherFirst)).toBe(otherFirst);
  });

  it('without watch() it keeps no notes and always looks again', () => {
    const index = new AccountIndex([newAccount({ name: 'Acme', domains: ['acme.com'] })]);
    const q = accountQuery({ name: 'Acme', crmIds: { hubspot: '7' } });
    const first = index.find(q);
    const added = newAccount({ name: 'Zeta Labs', crmIds: { hubspot: '7' } });
    index.add(added);
    expect(index.findAgain(q, first).record).toBe(added);
  });
});
