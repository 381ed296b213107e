import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACTOR_KEYS, defaultSettings, type FactorState, type Factors } from '@/lib/domain/schema';
import { computeTier, tierOf } from '@/lib/domain/tier';

const settings = defaultSettings();
const state = fc.constantFrom<FactorState>('checked', 'unchecked', 'unknown');
const factors = fc.record(Object.fromEntries(FACTOR_KEYS.map((k) => [k, state])) as Record<keyof Factors, fc.Arbitrary<FactorState>>);
const account = fc.record({
  factors,
  employees: fc.option(fc.integer({ min: 1, max: 200_000 }), { nil: undefined }),
  founded: fc.option(fc.integer({ min: 1900, max: 2026 }), { nil: undefined }),
  global: fc.option(fc.boolean(), { nil: undefined }),
  tierOverride: fc.option(fc.record({ tier: fc.constantFrom('global', 'tier1', 'tier2', 'tier3', 'tier4' as const), reason: fc.constant('why'), by: fc.constant('Ana'), at: fc.constant(1) }), { nil: undefined }),
});

describe('tierOf: the tier alone, for lists of thousands', () => {
  it('gives the tier and provisional flag computeTier gives, for any account', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    fc.assert(
      fc.property(account, (a) => {
        const full = computeTier(a, settings, now);
        expect(tierOf(a, settings, now)).toEqual({ tier: full.tier, provisional: full.provisional });
      }),
      { numRuns: 2_000 },
    );
  });
});
