/**
 * The services account manager's 4 Rs (seed 001, James A. Alexander): Resolution, Retention,
 * Revenue, Relationships, with the seed's 15-statement self-assessment scored 1 (strongly
 * disagree) to 5 (strongly agree), its bands, and each R's best practices for the weakest one.
 */
import type { FourRReview } from './schema';

export const FOUR_RS = ['resolution', 'retention', 'revenue', 'relationships'] as const;
export type FourR = (typeof FOUR_RS)[number];

export const R_LABELS: Record<FourR, string> = { resolution: 'Resolution', retention: 'Retention', revenue: 'Revenue', relationships: 'Relationships' };

/** The seed's statements, in its order, with the R each belongs to. */
export const STATEMENTS: readonly { r: FourR; text: string }[] = [
  { r: 'resolution', text: 'We have a bulletproof (simple, fast, effective, accountable) process in place.' },
  { r: 'resolution', text: 'We grab the cape and don the red boots when appropriate.' },
  { r: 'resolution', text: 'We put priority on avoiding problems.' },
  { r: 'resolution', text: 'We collaborate with the account on “who does what, where and how” before issues arise.' },
  { r: 'retention', text: 'We do account-specific research to know what it takes to keep our customers happy.' },
  { r: 'retention', text: 'We conduct regular, multi-level account meetings to review goals, what is going well, and what isn’t.' },
  // The seed prints "roll"; its list of practices says "role", which is what it means.
  { r: 'revenue', text: 'We define the SAM’s (and everyone’s) role in getting new business.' },
  { r: 'revenue', text: 'We train and support new revenue-supporting behaviors.' },
  { r: 'revenue', text: 'We provide incentives.' },
  { r: 'revenue', text: 'We celebrate successes.' },
  { r: 'revenue', text: 'Before we assign new responsibilities, we take something less important away.' },
  { r: 'relationships', text: 'We require SAMs to use account-planning tools on key accounts.' },
  { r: 'relationships', text: 'We find reasons to meet with executives on a regular basis.' },
  { r: 'relationships', text: 'We measure relationship-building behaviors.' },
  { r: 'relationships', text: 'We train our SAMs on relationship-building skills.' },
];

/** The seed's best practices per R (those not "do the previous R really well"). */
export const PRACTICES: Record<FourR, readonly string[]> = {
  resolution: [
    'Put a bulletproof (simple, fast, effective, accountable) process in place.',
    'Grab the cape and don the red boots, when appropriate, to solve customer problems before they go south.',
    'Put priority on avoiding problems.',
    'Collaborate with the account on “who does what, when and how” before issues arise.',
  ],
  retention: ['Do resolution really well.', 'Do account-specific research to know what it takes to keep them happy.', 'Conduct regular, multi-level account meetings to review goals, what is going well, and what isn’t.'],
  revenue: [
    'Define the SAM’s (and everyone’s) role in getting new business.',
    'Train and support new behaviors.',
    'Provide incentives.',
    'Celebrate successes.',
    'Before you giveth, taketh away.',
  ],
  relationships: [
    'Require SAMs to use account-planning tools on key accounts.',
    'Find reasons to meet with executives on a regular basis.',
    'Measure relationship-building behaviors.',
    'Train and support new behaviors.',
  ],
};

export type Band = 'excellent' | 'good' | 'concern' | 'help';

/** The seed's bands on the total out of 75. */
export const BANDS: readonly { band: Band; min: number; label: string; advice: string }[] = [
  { band: 'excellent', min: 60, label: 'Excellent', advice: 'Excellent job! Keep it up.' },
  { band: 'good', min: 50, label: 'Good', advice: 'Good. Target areas of weakness.' },
  { band: 'concern', min: 40, label: 'Concern', advice: 'Concern. Take a hard look at your SAM strategy and organization.' },
  { band: 'help', min: 0, label: 'Call for help', advice: 'Yikes! Call for help immediately.' },
];

export function bandOf(total: number) {
  return BANDS.find((b) => total >= b.min)!;
}

export interface ReviewScore {
  total: number;
  max: number;
  band: (typeof BANDS)[number];
  perR: { r: FourR; total: number; max: number; average: number }[];
  /** The R with the lowest average score (ties: the earlier R, which the later ones build on). */
  weakest: { r: FourR; average: number; practices: readonly string[] };
}

export function scoreReview(scores: readonly number[]): ReviewScore {
  if (scores.length !== STATEMENTS.length) throw new Error(`A 4R review has ${STATEMENTS.length} scores, not ${scores.length}`);
  const perR = FOUR_RS.map((r) => {
    const own = scores.filter((_, i) => STATEMENTS[i]?.r === r);
    const total = own.reduce((a, b) => a + b, 0);
    return { r, total, max: own.length * 5, average: Math.round((total / own.length) * 10) / 10 };
  });
  const total = perR.reduce((a, b) => a + b.total, 0);
  const weak = perR.reduce((w, x) => (x.average < w.average ? x : w));
  return { total, max: STATEMENTS.length * 5, band: bandOf(total), perR, weakest: { r: weak.r, average: weak.average, practices: PRACTICES[weak.r] } };
}

/** The reviews oldest first with each total and its change from the one before, and a sentence. */
export function reviewTrend(reviews: readonly FourRReview[]): { points: { at: number; total: number; delta?: number }[]; sentence: string } {
  const sorted = [...reviews].sort((a, b) => a.at - b.at);
  const totals = sorted.map((r) => scoreReview(r.scores).total);
  const points = sorted.map((r, i) => {
    const total = totals[i] ?? 0;
    const before = i ? totals[i - 1] : undefined;
    return { at: r.at, total, ...(before !== undefined ? { delta: total - before } : {}) };
  });
  const last = points.at(-1);
  if (!last) return { points, sentence: 'No review yet.' };
  const band = bandOf(last.total).label.toLowerCase();
  if (last.delta === undefined) return { points, sentence: `${last.total} of 75 (${band}); take it again later to see the trend.` };
  const d = last.delta;
  const move = d > 0 ? `up ${d}` : d < 0 ? `down ${-d}` : 'unchanged';
  return { points, sentence: `${last.total} of 75 (${band}), ${move} since the review before (${points.length} reviews).` };
}
