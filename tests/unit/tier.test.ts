import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTOR_KEYS, defaultSettings, type Account, type FactorState, type Factors } from '@/lib/domain/schema';
import { computeTier, tierRank, unknownFactors, clearedSentence, localDate, overrideSentence } from '@/lib/domain/tier';

const settings = defaultSettings();
const NOW = new Date('2026-11-22T12:00:00Z');

function acct(f: Partial<Factors>, extra: Partial<Account> = {}) {
  return { factors: { ...unknownFactors(), ...f }, ...extra } as Pick<Account, 'factors' | 'employees' | 'founded' | 'global' | 'tierOverride'>;
}
const all = (s: FactorState) => Object.fromEntries(FACTOR_KEYS.map((k) => [k, s])) as Factors;

describe('computeTier', () => {
  it('Tier 1 when every box is checked, product fit included', () => {
    const r = computeTier(acct(all('checked')), settings, NOW);
    expect(r.tier).toBe('tier1');
    expect(r.provisional).toBe(false);
    expect(r.sentence).toBe('Tier 1: 7 of 7 boxes, product fit included');
  });

  it('Tier 2 for five of seven, and says it could be Tier 1 when the rest are unknown', () => {
    const r = computeTier(acct({ productFit: 'checked', website: 'checked', employeeSize: 'checked', pricingFit: 'checked', prioritiesFit: 'checked' }), settings, NOW);
    expect(r.tier).toBe('tier2');
    expect(r.range).toEqual({ worst: 'tier2', best: 'tier1' });
    expect(r.provisional).toBe(true);
    expect(r.sentence).toBe('Tier 2: 5 of 7 boxes; tenure and prior spend unknown, could be Tier 1');
  });

  it('Tier 3 at a third, Tier 4 below, with nurture advice', () => {
    expect(computeTier(acct({ ...all('unchecked'), productFit: 'checked', website: 'checked', pricingFit: 'checked' }), settings, NOW).tier).toBe('tier3');
    const t4 = computeTier(acct({ ...all('unchecked'), productFit: 'checked' }), settings, NOW);
    expect(t4.tier).toBe('tier4');
    expect(t4.sentence).toContain('nurture');
  });

  it('fills employee size and tenure from data', () => {
    const r = computeTier(acct(all('checked'), { employees: 20, founded: 2024 }), settings, NOW);
    const size = r.factors.find((f) => f.key === 'employeeSize')!;
    expect(size).toMatchObject({ state: 'unchecked', source: 'data' });
    expect(size.detail).toBe('20 employees, band 100–5,000');
    expect(r.factors.find((f) => f.key === 'tenure')).toMatchObject({ state: 'unchecked', source: 'data' });
    expect(r.tier).toBe('tier2');
  });

  it('follows the employee band setting', () => {
    const a = acct({ ...all('checked') }, { employees: 8000 });
    expect(computeTier(a, settings, NOW).tier).toBe('tier2');
    expect(computeTier(a, { ...settings, employeeBand: { min: 100, max: 10_000 } }, NOW).tier).toBe('tier1');
  });

  it('Global from the flag or the employees threshold, not when the flag says no', () => {
    expect(computeTier(acct({}, { global: true }), settings, NOW).tier).toBe('global');
    const big = computeTier(acct({}, { employees: 80_000 }), settings, NOW);
    expect(big.tier).toBe('global');
    expect(big.sentence).toContain('80,000 employees');
    expect(computeTier(acct({}, { employees: 80_000, global: false }), settings, NOW).tier).not.toBe('global');
  });

  it('a manual override wins and is shown as one', () => {
    const r = computeTier(acct(all('unchecked'), { tierOverride: { tier: 'tier1', reason: 'Strategic logo', by: 'Ana', at: 1 } }), settings, NOW);
    expect(r.tier).toBe('tier1');
    expect(r.computed).toBe('tier4');
    expect(r.sentence).toBe(`Tier 1 by override: Strategic logo — Ana, ${localDate(1)}; computed Tier 4`);
  });

  it('override provenance: who and when, in one sentence; a cleared override says why', () => {
    const at = new Date(2026, 10, 25, 9, 30).getTime();
    const fromCsv = { tier: 'tier2' as const, reason: "the file's Tier column", by: 'CSV import: hubspot-companies.csv', at };
    expect(computeTier(acct(all('unchecked'), { tierOverride: fromCsv }), settings, NOW).sentence).toBe(
      "Tier 2 by override: the file's Tier column — CSV import: hubspot-companies.csv, 2026-11-25; computed Tier 4",
    );
    expect(overrideSentence({ ...fromCsv, by: '' }, 'tier3')).toBe("Tier 2 by override: the file's Tier column — someone, 2026-11-25; computed Tier 3");
    expect(clearedSentence({ tier: 'tier1', reason: 'The boxes are right now', by: 'Ana', at })).toBe('Override to Tier 1 cleared: The boxes are right now — Ana, 2026-11-25');
  });

  const stateArb = fc.constantFrom<FactorState>('checked', 'unchecked', 'unknown');
  const factorsArb = fc.record(Object.fromEntries(FACTOR_KEYS.map((k) => [k, stateArb])) as Record<keyof Factors, fc.Arbitrary<FactorState>>);

  it('property: checking one more box never lowers the tier', () => {
    fc.assert(
      fc.property(factorsArb, fc.constantFrom(...FACTOR_KEYS), (f, key) => {
        fc.pre(f[key] !== 'checked');
        const before = computeTier(acct(f), settings, NOW);
        const after = computeTier(acct({ ...f, [key]: 'checked' }), settings, NOW);
        return tierRank(after.tier) >= tierRank(before.tier) && tierRank(after.range.best) >= tierRank(before.range.best);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: the range always holds the tier, and unknowns are what make it wide', () => {
    fc.assert(
      fc.property(factorsArb, fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }), (f, employees) => {
        const r = computeTier(acct(f, { employees }), settings, NOW);
        const within = tierRank(r.range.worst) <= tierRank(r.computed) && tierRank(r.computed) <= tierRank(r.range.best);
        return within && (r.unknown.length > 0 || r.range.worst === r.range.best);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: checked, unchecked and unknown partition the seven boxes', () => {
    fc.assert(
      fc.property(factorsArb, (f) => {
        const r = computeTier(acct(f), settings, NOW);
        return r.checked.length + r.unchecked.length + r.unknown.length === FACTOR_KEYS.length;
      }),
    );
  });
});
