import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accountLookups, accountQuery, accountQueryOf, cleanCompanyName, companyNameKeys, companyNameVariants, everyVariant, resolveAccount, type AccountIndexName,
} from '../../lib/domain/identity';
import { newAccount } from '../../lib/domain/records';
import type { Account } from '../../lib/domain/schema';

/** The identity rules over records in memory: what each index would return. */
function resolve(q: ReturnType<typeof accountQuery>, accounts: Account[]) {
  const byIndex = (index: AccountIndexName, key: string) =>
    accounts.filter((a) => {
      switch (index) {
        case 'byCrm': return a.crmKeys.includes(key);
        case 'byLinkedinId': return a.linkedinId === key;
        case 'byLinkedinSlug': return a.linkedinSlug === key;
        case 'byDomain': return a.domains.includes(key);
        case 'byNameKey': return a.nameKey === key;
      }
    });
  return resolveAccount(q, byIndex);
}

describe('how companies are written', () => {
  it.each([
    ['Acme (YC S25)', 'Acme'],
    ["Acme - We're hiring", 'Acme'],
    ['Acme – We’re hiring!', 'Acme'],
    ['Acme (by Globex)', 'Acme'],
    ['Acme | Data for everyone', 'Acme'],
    ['Acme · Software Development', 'Acme'],
    ["Acme (YC S25) - We're hiring", 'Acme'],
    ['Acme GmbH - Wir stellen ein', 'Acme GmbH'],
    ['Northwind Analytics', 'Northwind Analytics'],
    ['Procter & Gamble', 'Procter & Gamble'],
    ['Rolls-Royce', 'Rolls-Royce'],
  ])('%s is also tried as %s', (shown, clean) => {
    expect(cleanCompanyName(shown)).toBe(clean);
    expect(companyNameVariants(shown)[0]).toBe(shown.replace(/\s+/g, ' ').trim());
  });

  it('tries the name as written first, then without the extras, without repeats', () => {
    expect(companyNameKeys("Acme (YC S25) - We're hiring")).toEqual(['acme yc s25 we re hiring', 'acme yc s25', 'acme']);
    expect(companyNameKeys('Acme Inc.')).toEqual(['acme']);
    expect(companyNameKeys('  ')).toEqual([]);
  });

  it('every variant is a whole prefix of the shown name: nothing is guessed or added', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (shown) => {
        const flat = shown.replace(/\s+/g, ' ').trim();
        for (const v of companyNameVariants(shown)) expect(flat.startsWith(v)).toBe(true);
      }),
    );
  });

  it('the shortcut for names with no bracket, separator or hiring word gives what every step gives', () => {
    // Names built from the characters and words the extras are made of, so both paths are taken.
    const part = fc.constantFrom('Acme', ' ', '-', ' - ', '|', ' | ', '·', ' · ', ' – ', '(YC S25)', '[x]', ')', 'hiring', "We're Hiring", 'wir stellen ein', 'On recrute', 'Ltd.', 'É', '\t');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.array(part, { maxLength: 8 }).map((p) => p.join(''))), (shown) => {
        expect(companyNameVariants(shown)).toEqual(everyVariant(shown));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('accountQueryOf: the query of an account record', () => {
  it('is the query accountQuery builds from the same fields', () => {
    const text = fc.constantFrom('Acme', 'ACME Inc.', 'https://www.Acme.com/', 'acme.de', '', ' ', 'Müller GmbH (YC S25)', '001000000000001AAA', '42', 'a/b');
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), text, fc.option(fc.constantFrom('100', '2345')), fc.record({ salesforce: text, hubspot: text }, { requiredKeys: [] }), (name, domains, slug, linkedinId, crmIds) => {
        let a: Account;
        try {
          a = newAccount({ name: name || 'x', domains, linkedinSlug: slug || undefined, linkedinId: linkedinId ?? undefined, crmIds });
        } catch {
          return; // a value the schema refuses is no record
        }
        const q = accountQuery({ name: a.name, crmIds: a.crmIds, domains: a.domains, linkedinSlug: a.linkedinSlug, linkedinId: a.linkedinId });
        expect({ ...accountQueryOf(a), crmIds: q.crmIds }).toEqual(q);
        // Found by its own keys; a record with none (a blank name, nothing else) has nothing to be found by.
        const keyless = accountLookups(accountQueryOf(a)).length === 0;
        expect(resolveAccount(accountQueryOf(a), () => [a]).account).toBe(keyless ? undefined : a);
      }),
    );
  });
});

describe('resolveAccount: one order for the page, the CSV import and the bundle merge', () => {
  const acme = newAccount({ name: 'Acme', domains: ['acme.com'], linkedinId: '100', linkedinSlug: 'acme', crmIds: { salesforce: '001000000000001AAA' } });
  const acmeEu = newAccount({ name: 'Acme Europe', domains: ['acme.eu'], linkedinId: '200' });
  const other = newAccount({ name: 'Other', domains: ['other.com'] });
  const all = [acme, acmeEu, other];

  it('takes the most certain key: CRM id, LinkedIn id, slug, domain, name', () => {
    expect(resolve(accountQuery({ crmIds: { salesforce: '001000000000001' }, domains: ['other.com'] }), all)).toMatchObject({ account: acme, via: 'crm' });
    expect(resolve(accountQuery({ linkedinId: '200', domains: ['acme.com'] }), all)).toMatchObject({ account: acmeEu, via: 'linkedin-id' });
    expect(resolve(accountQuery({ linkedinSlug: 'ACME', domains: ['other.com'] }), all)).toMatchObject({ account: acme, via: 'linkedin-slug' });
    expect(resolve(accountQuery({ domains: ['https://www.acme.eu/about'], name: 'Acme' }), all)).toMatchObject({ account: acmeEu, via: 'domain' });
    expect(resolve(accountQuery({ name: 'Acme (YC S25)' }), all)).toMatchObject({ account: acme, via: 'name' });
  });

  it('a record whose ids contradict the query is never a hit, even by domain or name', () => {
    // Same domain, different LinkedIn id: two different companies that share a website.
    expect(resolve(accountQuery({ domains: ['acme.com'], linkedinId: '999' }), all)).toEqual({});
    // Same name, different Salesforce id.
    expect(resolve(accountQuery({ name: 'Acme', crmIds: { salesforce: '001000000000009' } }), all)).toEqual({});
    // A conflicting hit on one key does not stop a clean hit on the next.
    expect(resolve(accountQuery({ domains: ['acme.com', 'other.com'], linkedinId: '999' }), all)).toMatchObject({ account: other, via: 'domain' });
  });

  it('two accounts on one name ask; a name as written beats its cleaned form', () => {
    const twin = newAccount({ name: 'ACME Inc' });
    expect(resolve(accountQuery({ name: 'Acme' }), [...all, twin]).ambiguous?.map((a) => a.id).sort()).toEqual([acme.id, twin.id].sort());
    const yc = newAccount({ name: 'Acme (YC S25)' });
    expect(resolve(accountQuery({ name: 'Acme (YC S25)' }), [...all, yc])).toMatchObject({ account: yc, via: 'name' });
  });

  it('lists every key it needs in one round', () => {
    const q = accountQuery({ name: 'Acme - We\'re hiring', domains: ['acme.com', 'bad domain'], linkedinId: 'x1', linkedinSlug: 'Acme' });
    expect(accountLookups(q)).toEqual([
      { index: 'byLinkedinSlug', key: 'acme' },
      { index: 'byDomain', key: 'acme.com' },
      { index: 'byNameKey', key: 'acme we re hiring' },
      { index: 'byNameKey', key: 'acme' },
    ]);
  });
});
