/**
 * Focus report for a week (DOMAIN.md section 1): each tier's share of the week's targets and of the
 * air-cover work done, against the focus bands, with drift called out in words.
 */
import type { Settings, Tier } from './schema';
import { TIER_LABELS, TIER_ORDER } from './tier';

export interface FocusRow {
  tier: Tier;
  targets: number;
  targetShare: number; // percent, rounded
  work: number;
  workShare: number;
  band: { min: number; max: number };
  /** 'under' / 'over' the band for targets, or 'ok'. */
  drift: 'under' | 'over' | 'ok';
}

export interface FocusReport {
  rows: FocusRow[];
  totalTargets: number;
  totalWork: number;
  /** Drift in words, worst first. Empty when the week is on plan. */
  drift: string[];
}

const round = (n: number) => Math.round(n);

/**
 * @param targetTiers the tier of each active or done target of the week
 * @param workTiers the tier of the target behind each done air-cover tick
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
    const drift = !totalTargets ? 'ok' : targetShare < band.min - 0.5 ? 'under' : targetShare > band.max + 0.5 ? 'over' : 'ok';
    return { tier, targets, targetShare: round(targetShare), work, workShare: totalWork ? round((100 * work) / totalWork) : 0, band, drift };
  });

  const words: { size: number; text: string }[] = [];
  const plan = (b: { min: number; max: number }) => (b.min === b.max ? `${b.min} %` : `${b.min}–${b.max} %`);
  for (const r of rows) {
    if (r.drift === 'ok') continue;
    const label = TIER_LABELS[r.tier];
    let text = `${label} is ${r.targetShare} % of this week's targets; the plan says ${plan(r.band)}`;
    if (r.tier === 'tier4' && r.drift === 'over') text += ', nurture them instead';
    else if (r.drift === 'under') text += `, add ${label} accounts`;
    else text += ', trim the list';
    words.push({ size: Math.abs(r.targetShare - (r.drift === 'under' ? r.band.min : r.band.max)), text });
  }
  if (totalWork) {
    for (const r of rows) {
      const b = r.band;
      if (r.workShare > b.max + 10 || r.workShare < b.min - 10) {
        words.push({
          size: Math.abs(r.workShare - (r.workShare > b.max ? b.max : b.min)) / 2,
          text: `${TIER_LABELS[r.tier]} got ${r.workShare} % of the air-cover work; the plan says ${plan(b)}`,
        });
      }
    }
  }
  return { rows, totalTargets, totalWork, drift: words.sort((a, b) => b.size - a.size).map((w) => w.text) };
}
