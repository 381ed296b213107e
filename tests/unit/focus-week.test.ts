import { describe, expect, it } from 'vitest';
import { focusReport, targetJudgement, workJudgement, workThisWeek } from '@/lib/domain/focus';
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
    expect(r.drift).toContain('Tier 4: 100 % of air-cover work against a 0 % plan: over');
  });

  it('judges the share of air-cover work as well as the share of targets', () => {
    // 20 targets on plan by count (Global 5 of 20 = 25 %), but Global got 3 of 25 ticks: 12 %.
    const tiers: Tier[] = [...Array(13).fill('tier1'), ...Array(2).fill('tier2'), ...Array(5).fill('global')];
    const work: Tier[] = [...Array(3).fill('global'), ...Array(17).fill('tier1'), ...Array(5).fill('tier2')];
    const r = focusReport(tiers, work, settings);
    const global = r.rows.find((x) => x.tier === 'global')!;
    expect(global).toMatchObject({ targetShare: 25, drift: 'ok', work: 3, workShare: 12, workDrift: 'under' });
    expect(workJudgement(global)).toBe('Global: 12 % of air-cover work against a 20–25 % plan: under');
    expect(targetJudgement(global)).toBe('Global: 25 % of targets against a 20–25 % plan: on plan');
    expect(r.drift).toContain('Global: 12 % of air-cover work against a 20–25 % plan: under');
    expect(r.rows.find((x) => x.tier === 'tier1')!).toMatchObject({ workShare: 68, workDrift: 'ok' });
    expect(r.rows.find((x) => x.tier === 'tier2')!).toMatchObject({ workShare: 20, workDrift: 'ok' });
  });

  it('counts as work only the ticks done this week, not standing facts carried in', () => {
    const monday = weekStart('2026-W48').getTime();
    const tick = (at: number, done = true) => ({ id: `t${at}`, weekId: '2026-W48', targetId: 't', item: 'visitedWebsite' as const, done, by: 'x', at });
    const ticks = [tick(monday + 1000), tick(monday - 1000), tick(monday + 2000, false)];
    expect(workThisWeek(ticks, '2026-W48').map((t) => t.id)).toEqual([`t${monday + 1000}`]);
  });

  it('no work logged: the work is not judged', () => {
    const r = focusReport(['tier1'], [], settings);
    expect(r.rows.every((x) => x.workDrift === 'ok')).toBe(true);
  });

  it('an empty week has no drift', () => {
    expect(focusReport([], [], settings).drift).toEqual([]);
  });
});
