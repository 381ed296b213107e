import { describe, expect, it } from 'vitest';
import { focusReport } from '@/lib/domain/focus';
import { defaultSettings, type Tier } from '@/lib/domain/schema';
import { currentWeekId, nextWeek, previousWeek, weekIdOf, weekLabel, weekStart } from '@/lib/domain/week';

describe('ISO weeks', () => {
  it.each([
    ['2026-11-22', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2027-01-01', '2026-W53'],
  ])('%s is in %s', (d, w) => expect(weekIdOf(new Date(`${d}T12:00:00`))).toBe(w));

  it('steps across year ends', () => {
    expect(nextWeek('2026-W53')).toBe('2027-W01');
    expect(previousWeek('2025-W01')).toBe('2024-W52');
    expect(weekStart('2026-W48').getDay()).toBe(1);
    expect(weekLabel('2026-W48')).toBe('2026-W48 (23 Nov – 29 Nov 2026)');
    expect(currentWeekId(new Date('2026-11-25T10:00:00'))).toBe('2026-W48');
  });
});

describe('focusReport', () => {
  const settings = defaultSettings();
  it('is on plan with the seed figures', () => {
    const tiers: Tier[] = [...Array(13).fill('tier1'), ...Array(2).fill('tier2'), 'tier3', ...Array(4).fill('global')];
    const r = focusReport(tiers, [], settings);
    expect(r.drift).toEqual([]);
    expect(r.rows.find((x) => x.tier === 'tier1')!.targetShare).toBe(65);
  });

  it('calls out Tier 4 on the list and missing Tier 1', () => {
    const tiers: Tier[] = ['tier1', 'tier1', 'tier2', 'tier2', 'tier2', 'tier3', 'tier4', 'global'];
    const r = focusReport(tiers, ['tier4', 'tier4', 'tier4'], settings);
    expect(r.drift).toContain("Tier 4 is 13 % of this week's targets; the plan says 0 %, nurture them instead");
    expect(r.drift).toContain("Tier 1 is 25 % of this week's targets; the plan says 60–70 %, add Tier 1 accounts");
    expect(r.drift.some((d) => d.startsWith('Tier 4 got 100 % of the air-cover work'))).toBe(true);
  });

  it('an empty week has no drift', () => {
    expect(focusReport([], [], settings).drift).toEqual([]);
  });
});
