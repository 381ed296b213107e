/**
 * Explainable tiers (DOMAIN.md section 1). Pure: the same account and settings give the same
 * result everywhere (card, side panel, exports).
 *
 * Rules: Global when flagged (or, with no flag, employees at or above a threshold), whatever the
 * boxes. Otherwise the tier counts checked boxes of all seven: all seven (product fit included)
 * is Tier 1, at least two thirds Tier 2, at least one third Tier 3, fewer Tier 4. An unknown box
 * is not counted as checked, so the tier shown is the one the evidence supports; the range says
 * what it would be if the unknowns went either way. A manual override with a reason wins.
 */
import { FACTOR_KEYS } from './constants';
import { formatNumber, t } from '../i18n';
import { factorLabel as shownFactorLabel, tierLabel } from '../i18n/labels';
import type { Account, FactorKey, FactorState, Factors, Settings, Tier, TierOverride } from './schema';

export const TIER_LABELS: Record<Tier, string> = {
  global: 'Global',
  tier1: 'Tier 1',
  tier2: 'Tier 2',
  tier3: 'Tier 3',
  tier4: 'Tier 4',
};
export const TIER_SHORT: Record<Tier, string> = { global: 'G', tier1: 'T1', tier2: 'T2', tier3: 'T3', tier4: 'T4' };
/** Display order: the tiers that get the most focus first. */
export const TIER_ORDER: Tier[] = ['tier1', 'global', 'tier2', 'tier3', 'tier4'];

/** Higher is better; Global sits apart from the box-counting tiers. */
const RANK: Record<Tier, number> = { tier4: 1, tier3: 2, tier2: 3, tier1: 4, global: 5 };
export const tierRank = (t: Tier) => RANK[t];

export const DEFAULT_FACTOR_LABELS: Record<FactorKey, string> = {
  productFit: 'Product fit',
  website: 'Website',
  employeeSize: 'Employee size',
  tenure: 'Tenure',
  pricingFit: 'Pricing fit',
  priorSpend: 'Prior spend',
  prioritiesFit: 'Priorities fit',
};

export function factorLabel(key: FactorKey, settings?: Pick<Settings, 'factorLabels'>): string {
  return settings?.factorLabels?.[key] ?? DEFAULT_FACTOR_LABELS[key];
}

export type TierSettings = Pick<Settings, 'tierThresholds' | 'employeeBand' | 'factorLabels'>;

export interface FactorExplanation {
  key: FactorKey;
  label: string;
  state: FactorState;
  /** 'data' when filled from the account's employees or founded year, 'manual' otherwise. */
  source: 'data' | 'manual';
  /** Why, when filled from data: "1,200 employees, band 100–5,000". */
  detail?: string;
}

/** An account's tier and the one sentence saying why (`decideTier`): what the week and exports show. */
export interface TierDecision {
  tier: Tier;
  /** The tier the boxes give, before any override. */
  computed: Tier;
  override?: { tier: Tier; reason: string; by: string; at: number };
  /** Worst and best tier the unknown boxes allow (equal when nothing is unknown). */
  range: { worst: Tier; best: Tier };
  provisional: boolean;
  checked: FactorKey[];
  unchecked: FactorKey[];
  unknown: FactorKey[];
  globalReason?: string;
  /** One sentence: "Tier 2: 5 of 7 boxes; tenure unknown, could be Tier 1". */
  sentence: string;
}

/** The tier with every box explained (`computeTier`): what the card and the account editor show. */
export interface TierResult extends TierDecision {
  factors: FactorExplanation[];
}

const fmt = (n: number) => formatNumber(n);

/** Factors with employee size and tenure filled from data where the account has it. */
export function effectiveFactors(
  account: Pick<Account, 'factors' | 'employees' | 'founded'>,
  settings: TierSettings,
  now = new Date(),
): FactorExplanation[] {
  return FACTOR_KEYS.map((key): FactorExplanation => {
    const label = shownFactorLabel(key, settings);
    const state = factorState(key, account, settings, now);
    if (key === 'employeeSize' && account.employees !== undefined) {
      const { min, max } = settings.employeeBand;
      return { key, label, source: 'data', state, detail: t('tier.detail.employees', { count: fmt(account.employees), min: fmt(min), max: fmt(max) }) };
    }
    if (key === 'tenure' && account.founded !== undefined) {
      const years = now.getFullYear() - account.founded;
      return { key, label, source: 'data', state, detail: t('tier.detail.tenure', years, { year: account.founded, count: years, need: settings.tierThresholds.tenureYears }) };
    }
    return { key, label, source: 'manual', state };
  });
}

/** The box-counting tier for a number of checked boxes (of seven) and product fit. */
export function tierFromBoxes(checkedCount: number, productFit: boolean, settings: TierSettings, total = FACTOR_KEYS.length): Tier {
  if (checkedCount >= total && productFit) return 'tier1';
  const share = checkedCount / total;
  // A small epsilon so 2/3 of 6 boxes with a threshold of 0.6666… still counts.
  if (share + 1e-9 >= settings.tierThresholds.tier2) return 'tier2';
  if (share + 1e-9 >= settings.tierThresholds.tier3) return 'tier3';
  return 'tier4';
}

/**
 * The tiers the boxes allow: `worst` counts only the checked boxes (the tier shown), `best` counts
 * every unknown box as checked and an unknown product fit as a fit. Different: provisional.
 */
function boxRange(checked: number, unknown: number, fit: FactorState, settings: TierSettings): { worst: Tier; best: Tier } {
  return { worst: tierFromBoxes(checked, fit === 'checked', settings), best: tierFromBoxes(checked + unknown, fit !== 'unchecked', settings) };
}

/** One box's state: employee size and tenure come from the account's data where it has it. */
function factorState(key: FactorKey, account: Pick<Account, 'factors' | 'employees' | 'founded'>, settings: TierSettings, now: Date): FactorState {
  if (key === 'employeeSize' && account.employees !== undefined) {
    const { min, max } = settings.employeeBand;
    return account.employees >= min && account.employees <= max ? 'checked' : 'unchecked';
  }
  if (key === 'tenure' && account.founded !== undefined) {
    return now.getFullYear() - account.founded >= settings.tierThresholds.tenureYears ? 'checked' : 'unchecked';
  }
  return account.factors[key] ?? 'unknown';
}

/** Global whatever the boxes: marked so, or (unless marked not) employees above the setting. */
function isGlobal(account: Pick<Account, 'global' | 'employees'>, settings: TierSettings): boolean {
  if (account.global === true) return true;
  return account.global === undefined && account.employees !== undefined && account.employees >= settings.tierThresholds.globalEmployees;
}

function globalReason(account: Pick<Account, 'global' | 'employees'>, settings: TierSettings): string | undefined {
  if (!isGlobal(account, settings)) return undefined;
  if (account.global === true) return t('tier.global.marked');
  return t('tier.global.employees', { count: fmt(account.employees!), min: fmt(settings.tierThresholds.globalEmployees) });
}

/**
 * The tier alone, by the same rules as `computeTier` but without its words (no labels, no
 * sentence, no number formatting): what a list of tens of thousands of accounts needs per row.
 */
export function tierOf(
  account: Pick<Account, 'factors' | 'employees' | 'founded' | 'global' | 'tierOverride'>,
  settings: TierSettings,
  now = new Date(),
): Pick<TierResult, 'tier' | 'provisional'> {
  if (account.tierOverride) return { tier: account.tierOverride.tier, provisional: false };
  if (isGlobal(account, settings)) return { tier: 'global', provisional: false };
  let checked = 0;
  let unknown = 0;
  for (const key of FACTOR_KEYS) {
    const state = factorState(key, account, settings, now);
    if (state === 'checked') checked++;
    else if (state === 'unknown') unknown++;
  }
  const { worst, best } = boxRange(checked, unknown, factorState('productFit', account, settings, now), settings);
  return { tier: worst, provisional: worst !== best };
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('common.and')} ${items[items.length - 1]}`;
}

/** A time as a local calendar date, "2026-11-25": who set an override and when is read by people. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * The one sentence an override is shown with, everywhere (card, account editor, exports):
 * "Tier 1 by override: strategic logo — Ana, 2026-11-25; computed Tier 2". Said once: nothing
 * else restates the override.
 */
export function overrideSentence(o: Pick<TierOverride, 'tier' | 'reason' | 'by' | 'at'>, computed: Tier): string {
  return t('tier.override', { tier: tierLabel(o.tier), reason: o.reason, by: o.by || t('common.someone'), date: localDate(o.at), computed: tierLabel(computed) });
}

/** "Override to Tier 1 cleared: the boxes are right now — Ana, 2026-11-26" */
export function clearedSentence(c: Pick<TierOverride, 'tier' | 'reason' | 'by' | 'at'>): string {
  return t('tier.cleared', { tier: tierLabel(c.tier), reason: c.reason, by: c.by || t('common.someone'), date: localDate(c.at) });
}

type TierInputs = Pick<Account, 'factors' | 'employees' | 'founded' | 'global' | 'tierOverride'>;

/**
 * Box sentences already said, by settings and language: the 1,000 accounts of a week share a few
 * dozen ("Tier 2: 5 of 7 boxes; tenure unknown, could be Tier 1"), each ~5 message look-ups.
 */
const boxSentences = new WeakMap<TierSettings, Map<string, string>>();

function boxSentence(computed: Tier, best: Tier, checked: number, unknown: FactorKey[], settings: TierSettings): string {
  let said = boxSentences.get(settings);
  if (!said) boxSentences.set(settings, (said = new Map()));
  const key = `${t('meta.locale')}|${computed}|${best}|${checked}|${unknown.join(',')}`;
  let sentence = said.get(key);
  if (sentence !== undefined) return sentence;
  const total = FACTOR_KEYS.length;
  sentence = t('tier.sentence.boxes', { tier: tierLabel(computed), checked, total });
  if (computed === 'tier1') sentence += t('tier.sentence.fit');
  if (unknown.length) {
    sentence += t('tier.sentence.unknown', { list: listWords(unknown.map((k) => shownFactorLabel(k, settings).toLowerCase())) });
    sentence += best !== computed ? t('tier.sentence.couldBe', { tier: tierLabel(best) }) : t('tier.sentence.still', { tier: tierLabel(computed) });
  }
  if (computed === 'tier4') sentence += t('tier.sentence.nurture');
  said.set(key, sentence);
  return sentence;
}

/** The tier with every box explained, for one account on screen (card, account editor). */
export function computeTier(account: TierInputs, settings: TierSettings, now = new Date()): TierResult {
  return { ...decideTier(account, settings, now), factors: effectiveFactors(account, settings, now) };
}

/**
 * The tier and its sentence, without each box's label and detail (`effectiveFactors`, ~10 message
 * look-ups per account): what the week and the exports show for 1,000 targets, where those
 * look-ups were most of the week's computing (BENCHMARKS.md "The week digest").
 */
export function decideTier(account: TierInputs, settings: TierSettings, now = new Date()): TierDecision {
  const factors = FACTOR_KEYS.map((key) => ({ key, state: factorState(key, account, settings, now) }));
  const checked = factors.filter((f) => f.state === 'checked').map((f) => f.key);
  const unchecked = factors.filter((f) => f.state === 'unchecked').map((f) => f.key);
  const unknown = factors.filter((f) => f.state === 'unknown').map((f) => f.key);
  const fit = factors.find((f) => f.key === 'productFit')!.state;

  const gReason = globalReason(account, settings);
  let computed: Tier;
  let range: TierResult['range'];
  let sentence: string;
  if (gReason) {
    computed = 'global';
    range = { worst: 'global', best: 'global' };
    sentence = t('tier.sentence.global', { reason: gReason, checked: checked.length, total: factors.length });
  } else {
    range = boxRange(checked.length, unknown.length, fit, settings);
    computed = range.worst;
    sentence = boxSentence(computed, range.best, checked.length, unknown, settings);
  }

  const o = account.tierOverride;
  if (o) sentence = overrideSentence(o, computed);
  return {
    tier: o?.tier ?? computed,
    computed,
    override: o ? { ...o } : undefined,
    range,
    provisional: !o && range.worst !== range.best,
    checked,
    unchecked,
    unknown,
    globalReason: gReason,
    sentence,
  };
}

/** Empty factor set: every box unknown. */
const UNKNOWN_FACTORS = Object.freeze(Object.fromEntries(FACTOR_KEYS.map((k) => [k, 'unknown'])) as Factors);

/** Every factor unknown: a fresh object each time, as callers may fill it in. */
export function unknownFactors(): Factors {
  return { ...UNKNOWN_FACTORS };
}
