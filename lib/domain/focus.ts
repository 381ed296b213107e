/**
 * Focus report for a week (DOMAIN.md section 1): each tier's share of the week's targets and of the
 * air-cover work done, against the focus bands, with drift called out in words. Both shares are
 * judged: a list can look right by target count while the work goes elsewhere.
 */
import type { AirCoverTick, Settings, Tier, WeekId } from './schema';
import { TIER_ORDER } from './tier';
import { t } from '../i18n';
import { tierLabel } from '../i18n/labels';
import { weekStartTime } from './week';

export type Drift = 'under' | 'over' | 'ok';

export interface FocusRow {
  tier: Tier;
  targets: number;
  targetShare: number; // percent, rounded
  work: number;
  workShare: number;
  band: { min: number; max: number };
  /** 'under' / 'over' the band for the share of targets, or 'ok'. */
  drift: Drift;
  /** The same for the share of air-cover work ('ok' when no work was logged). */
  workDrift: Drift;
}

export interface FocusReport {
  rows: FocusRow[];
  totalTargets: number;
  totalWork: number;
  /** Drift in words, worst first. Empty when the week is on plan. */
  drift: string[];
}

const round = (n: number) => Math.round(n);

/** "20–25 %", or "0 %" for a band of one value. */
export const planText = (b: { min: number; max: number }) => (b.min === b.max ? `${b.min} %` : `${b.min}–${b.max} %`);

export const driftWord = (d: Drift) => (d === 'under' ? t('focus.drift.under') : d === 'over' ? t('focus.drift.over') : t('focus.drift.ok'));

/** Half a point of slack: a rounded 60 % against a 60–70 % band is on plan. */
const judge = (share: number, b: { min: number; max: number }): Drift => (share < b.min - 0.5 ? 'under' : share > b.max + 0.5 ? 'over' : 'ok');

/**
 * The ticks that count as this week's air-cover work: done, and done this week. A standing fact
 * carried in from an earlier week (lib/domain/carry.ts) is marked so and keeps its old time: it
 * is progress, not work done again.
 */
export function workThisWeek(ticks: AirCoverTick[], weekId: WeekId): AirCoverTick[] {
  const from = weekStartTime(weekId);
  return ticks.filter((t) => t.done && !t.carriedFrom && t.at >= from);
}

/** "Global: 12 % of air-cover work against a 20–25 % plan: under" */
export function workJudgement(r: FocusRow): string {
  return t('focus.work', { tier: tierLabel(r.tier), share: r.workShare, plan: planText(r.band), drift: driftWord(r.workDrift) });
}

/** "Global: 25 % of targets against a 20–25 % plan: on plan" */
export function targetJudgement(r: FocusRow): string {
  return t('focus.targets', { tier: tierLabel(r.tier), share: r.targetShare, plan: planText(r.band), drift: driftWord(r.drift) });
}

/**
 * @param targetTiers the tier of each active or done target of the week
 * @param workTiers the tier of the target behind each tick of this week's work (workThisWeek)
 */
export function focusReport(targetTiers: Tier[], workTiers: Tier[], settings: Pick<Settings, 'focusBands'>): FocusReport {
  const totalTargets = targetTiers.length;
  const totalWork = workTiers.length;
  const count = (list: Tier[], t: Tier) => list.reduce((n, x) => n + (x === t ? 1 : 0), 0);
  const rows = TIER_ORDER.map((tier): FocusRow => {
    const targets = count(targetTiers, tier);
    const work = count(workTiers, tier);
    const band = settings.focusBands[tier] ?? { min: 0, max: 100 };
    const targetShare = totalTargets ? (100 * targets) / totalTargets : 0;
    const workShare = totalWork ? (100 * work) / totalWork : 0;
    return {
      tier,
      targets,
      targetShare: round(targetShare),
      work,
      workShare: round(workShare),
      band,
      drift: totalTargets ? judge(targetShare, band) : 'ok',
      workDrift: totalWork ? judge(workShare, band) : 'ok',
    };
  });

  const words: { size: number; text: string }[] = [];
  for (const r of rows) {
    if (r.drift === 'ok') continue;
    const label = tierLabel(r.tier);
    let text = t('focus.driftText', { tier: label, share: r.targetShare, plan: planText(r.band) });
    if (r.tier === 'tier4' && r.drift === 'over') text += t('focus.nurture');
    else if (r.drift === 'under') text += t('focus.add', { tier: label });
    else text += t('focus.trim');
    words.push({ size: Math.abs(r.targetShare - (r.drift === 'under' ? r.band.min : r.band.max)), text });
  }
  for (const r of rows) {
    if (r.workDrift === 'ok') continue;
    // Work drift weighs half: the list is what the meeting can change at once.
    words.push({ size: Math.abs(r.workShare - (r.workDrift === 'under' ? r.band.min : r.band.max)) / 2, text: workJudgement(r) });
  }
  return { rows, totalTargets, totalWork, drift: words.sort((a, b) => b.size - a.size).map((w) => w.text) };
}
