/**
 * Where to invest the costly air cover (special campaigns, content made for one account,
 * executive outreach): accounts ranked by tier, potential and the account team's rating on
 * positioning our offer, bringing marketing in and following up after air cover (seed 000: a
 * team that never positions what we offer is a risky place for scarce resources). The weights
 * are a setting; every rank comes with its reasons in words.
 */
import type { Account, Settings, Tier } from './schema';
import { TIER_LABELS } from './tier';

/** The air-cover items that cost real time or money. */
export const COSTLY_ITEMS = ['specialCampaign', 'strategyBlog', 'executiveOutreach'] as const;

const TIER_VALUE: Record<Tier, number> = { global: 1, tier1: 0.9, tier2: 0.5, tier3: 0.2, tier4: 0 };
const POTENTIAL_VALUE = { high: 1, medium: 0.6, low: 0.2 } as const;
/** Unknown potential or no rating yet: the middle, said as such. */
const UNKNOWN = 0.5;

export const RATING_WORDS = { positioning: 'positioning our offer', marketing: 'bringing marketing in', followUp: 'following up after air cover' } as const;

export interface Investment {
  accountId: string;
  name: string;
  tier: Tier;
  /** 0-100. */
  score: number;
  reasons: string[];
}

export function rateInvestment(a: Pick<Account, 'id' | 'name' | 'potential' | 'teamRating'>, tier: Tier, weights: Settings['investWeights']): Investment {
  const r = a.teamRating;
  const ratingAvg = r ? (r.positioning + r.marketing + r.followUp) / 3 : undefined;
  const f = {
    tier: TIER_VALUE[tier],
    potential: a.potential ? POTENTIAL_VALUE[a.potential] : UNKNOWN,
    rating: ratingAvg !== undefined ? (ratingAvg - 1) / 4 : UNKNOWN,
  };
  const total = weights.tier + weights.potential + weights.rating;
  const score = Math.round((100 * (weights.tier * f.tier + weights.potential * f.potential + weights.rating * f.rating)) / total);
  const reasons = [
    `${TIER_LABELS[tier]}`,
    a.potential ? `${a.potential} potential` : 'potential not set',
    r
      ? `team rated ${ratingAvg!.toFixed(1)} of 5 (${(Object.keys(RATING_WORDS) as (keyof typeof RATING_WORDS)[]).map((k) => `${RATING_WORDS[k]} ${r[k]}`).join(', ')}; by ${r.by}${r.why ? `: ${r.why}` : ''})`
      : 'account team not rated yet',
  ];
  if (r) {
    const weak = (Object.keys(RATING_WORDS) as (keyof typeof RATING_WORDS)[]).filter((k) => r[k] <= 2);
    if (weak.length) reasons.push(`risky: weak at ${weak.map((k) => RATING_WORDS[k]).join(' and ')}`);
  }
  return { accountId: a.id, name: a.name, tier, score, reasons };
}

/** Highest score first (ties by name); Tier 4 is left to nurture, never ranked. */
export function rankInvestments(accounts: { account: Pick<Account, 'id' | 'name' | 'potential' | 'teamRating'>; tier: Tier }[], weights: Settings['investWeights']): Investment[] {
  return accounts
    .filter((x) => x.tier !== 'tier4')
    .map((x) => rateInvestment(x.account, x.tier, weights))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
}

/** "Contoso Retail (82): Global; high potential; team rated 4.3 of 5 (…)" */
export function investmentLine(i: Investment): string {
  return `${i.name} (${i.score}): ${i.reasons.join('; ')}`;
}
