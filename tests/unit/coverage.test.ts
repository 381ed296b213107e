import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCoverage, CORE_DEPARTMENTS, coverageMatrix, matrixKey } from '@/lib/domain/coverage';
import { BUYING_ROLES, DEPARTMENTS, defaultSettings, type Contact } from '@/lib/domain/schema';

const settings = defaultSettings();
const NOW = Date.UTC(2026, 10, 22);
type C = Parameters<typeof computeCoverage>[0][number];
const c = (p: Partial<C>): C => ({ department: 'other', buyingRole: 'unknown', status: 'active', connected: false, createdAt: NOW, ...p });

describe('computeCoverage', () => {
  it('says every gap in words', () => {
    const cov = computeCoverage(
      [
        c({ department: 'marketing', connected: true }),
        c({ department: 'marketing' }),
        c({ department: 'it', status: 'left' }),
        c({ department: 'sales', status: 'unverified', lastVerified: NOW - 400 * 86_400_000 }),
      ],
      settings,
      NOW,
    );
    expect(cov.named).toBe(3);
    expect(cov.departments).toEqual(['marketing', 'sales']);
    expect(cov.gaps).toEqual([
      '3 of 5 names: 2 more needed',
      '2 departments of 3: no one in Executive, Finance, IT',
      'no decision maker',
      '2 of 3 not connected on LinkedIn',
      '1 left the company',
      '1 unverified for over 180 days',
    ]);
    expect(cov.level).toBe('thin');
  });

  it('no gaps for a well-covered account', () => {
    const cs = ['executive', 'finance', 'it', 'marketing', 'sales'].map((d, i) =>
      c({ department: d as Contact['department'], connected: true, buyingRole: i === 0 ? 'decision-maker' : 'user' }),
    );
    const cov = computeCoverage(cs, settings, NOW);
    expect(cov.gaps).toEqual([]);
    expect(cov.level).toBe('ok');
  });

  it('no named contacts is a gap of its own', () => {
    expect(computeCoverage([], settings, NOW).gaps[0]).toBe('no named contacts');
  });

  it('property: counts match the contacts', () => {
    const contactArb = fc.record({
      department: fc.constantFrom(...DEPARTMENTS),
      buyingRole: fc.constantFrom(...BUYING_ROLES),
      status: fc.constantFrom('active' as const, 'left' as const, 'unverified' as const),
      connected: fc.boolean(),
      createdAt: fc.integer({ min: NOW - 1000 * 86_400_000, max: NOW }),
      lastVerified: fc.option(fc.integer({ min: NOW - 1000 * 86_400_000, max: NOW }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 30 }), (cs) => {
        const cov = computeCoverage(cs, settings, NOW);
        const current = cs.filter((x) => x.status !== 'left');
        return (
          cov.named === current.length &&
          cov.left === cs.length - current.length &&
          cov.connected === current.filter((x) => x.connected).length &&
          cov.departments.length === new Set(current.map((x) => x.department).filter((d) => d !== 'other')).size &&
          cov.decisionMaker === current.some((x) => x.buyingRole === 'decision-maker') &&
          cov.staleUnverified <= current.filter((x) => x.status === 'unverified').length
        );
      }),
      { numRuns: 1000 },
    );
  });
});

describe('coverage as departments × buying roles', () => {
  it('counts current names per cell, keeps empty core departments as gaps, skips those who left', () => {
    const m = coverageMatrix(
      [
        { department: 'finance', buyingRole: 'decision-maker', status: 'active' },
        { department: 'finance', buyingRole: 'decision-maker', status: 'unverified' },
        { department: 'finance', buyingRole: 'influencer', status: 'left' },
        { department: 'legal', buyingRole: 'blocker', status: 'active' },
      ],
      ['decision-maker', 'influencer', 'blocker'],
    );
    expect(m.departments).toEqual([...CORE_DEPARTMENTS, 'legal']);
    expect(m.counts[matrixKey('finance', 'decision-maker')]).toBe(2);
    expect(m.counts[matrixKey('finance', 'influencer')]).toBeUndefined();
    expect(m.counts[matrixKey('legal', 'blocker')]).toBe(1);
  });
});
