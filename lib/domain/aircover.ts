/** The air-cover checklist (DOMAIN.md section 3) and its progress. */
import { AIR_COVER_GROUPS, DEFAULT_STANDING_ITEMS, type AirCoverGroup, type AirCoverItem } from './constants';

export { DEFAULT_STANDING_ITEMS };
import type { AirCoverTick } from './schema';
import { t } from '../i18n';

export const GROUP_LABELS: Record<AirCoverGroup, string> = {
  social: 'Social',
  content: 'Content',
  email: 'Email',
  other: 'Other',
};

export const ITEM_LABELS: Record<AirCoverItem, string> = {
  followedPersonal: 'Followed on their personal profiles',
  companyPageFollow: 'Our company page follows / is followed by theirs',
  mentionedInPost: 'Mentioned in one of our posts',
  engagedWithPosts: 'Their posts liked, commented or shared',
  contentMentionsThem: 'Content that mentions them',
  publishedRelevantContent: 'Published content they would care about',
  strategyBlog: 'Blog on their strategy or use case',
  onNewsletter: 'On the newsletter',
  inRecentCampaign: 'In a recent campaign',
  specialCampaign: 'Special campaign made for them',
  analyticsShowReads: 'Analytics show they read (opens, clicks)',
  visitedWebsite: 'Visited our website',
  pagesViewed: 'Pages they viewed',
  someoneKnowsOrg: 'Someone here knows the organisation',
  executiveOutreach: 'An executive reached out personally',
};

/** Column headings for the grid: short enough to read at a glance, the full label on hover. */
export const ITEM_SHORT: Record<AirCoverItem, string> = {
  followedPersonal: 'Followed',
  companyPageFollow: 'Page follows',
  mentionedInPost: 'Mentioned',
  engagedWithPosts: 'Engaged',
  contentMentionsThem: 'Mentions them',
  publishedRelevantContent: 'Relevant content',
  strategyBlog: 'Strategy blog',
  onNewsletter: 'Newsletter',
  inRecentCampaign: 'Campaign',
  specialCampaign: 'Special campaign',
  analyticsShowReads: 'Reads',
  visitedWebsite: 'Visited site',
  pagesViewed: 'Pages viewed',
  someoneKnowsOrg: 'Knows the org',
  executiveOutreach: 'Exec outreach',
};

/** Items that invite a link or a note (shown with a field). */
export const ITEM_WANTS_LINK: Partial<Record<AirCoverItem, 'link' | 'note'>> = {
  mentionedInPost: 'link',
  contentMentionsThem: 'link',
  publishedRelevantContent: 'link',
  strategyBlog: 'link',
  specialCampaign: 'link',
  pagesViewed: 'note',
  someoneKnowsOrg: 'note',
  executiveOutreach: 'note',
};

/** Items that apply to the account as a whole rather than to one person. */
export const ACCOUNT_ITEMS: AirCoverItem[] = ['companyPageFollow', 'strategyBlog', 'visitedWebsite', 'pagesViewed', 'someoneKnowsOrg'];

export const ITEM_GROUP: Record<AirCoverItem, AirCoverGroup> = Object.fromEntries(
  (Object.entries(AIR_COVER_GROUPS) as [AirCoverGroup, readonly AirCoverItem[]][]).flatMap(([g, items]) =>
    items.map((i) => [i, g]),
  ),
) as Record<AirCoverItem, AirCoverGroup>;

export const ACCOUNT_SUBJECT = 'account';

/** Deterministic id: one record per checklist cell, so two tabs ticking different cells never collide. */
export function tickId(targetId: string, contactId: string | undefined, item: AirCoverItem): string {
  return tickIdPrefix(targetId, contactId) + item;
}

/** The part of a tick id its subject's cells share: the id is this, then the item. */
export function tickIdPrefix(targetId: string, contactId: string | undefined): string {
  return `${targetId}|${contactId ?? ACCOUNT_SUBJECT}|`;
}

/** `tickId` read back, for a tick id of this target: its subject (a contact id or `ACCOUNT_SUBJECT`) and item. */
export function tickIdParts(id: string, targetId: string): { subject: string; item: string } | undefined {
  const bar = id.lastIndexOf('|');
  if (bar <= targetId.length || !id.startsWith(targetId) || id[targetId.length] !== '|') return undefined;
  return { subject: id.slice(targetId.length + 1, bar), item: id.slice(bar + 1) };
}

export interface Progress {
  done: number;
  total: number;
}
export const pct = (p: Progress) => (p.total ? Math.round((100 * p.done) / p.total) : 0);

/** Does this item apply to the account (else to each key contact)? */
export const isAccountItem = (item: AirCoverItem) => ACCOUNT_ITEMS.includes(item);

/** The items that apply to each key contact, in the checklist's order. */
const PERSON_ITEMS = (Object.keys(ITEM_LABELS) as AirCoverItem[]).filter((i) => !isAccountItem(i));

/** Cells of a target's checklist: every item for each key contact, plus the account items. */
export function targetCells(keyContactIds: string[]): { contactId?: string; item: AirCoverItem }[] {
  return [
    ...ACCOUNT_ITEMS.map((item) => ({ item })),
    ...keyContactIds.flatMap((contactId) => PERSON_ITEMS.map((item) => ({ contactId, item }))),
  ];
}

export interface TargetProgress {
  all: Progress;
  groups: Record<AirCoverGroup, Progress>;
  /** Standing facts (carried week to week) and this week's activity: `all` is their sum. */
  standing: Progress;
  weekly: Progress;
}

export const emptyProgress = (): TargetProgress => ({
  all: { done: 0, total: 0 },
  groups: { social: { done: 0, total: 0 }, content: { done: 0, total: 0 }, email: { done: 0, total: 0 }, other: { done: 0, total: 0 } },
  standing: { done: 0, total: 0 },
  weekly: { done: 0, total: 0 },
});

/**
 * Progress of one target, overall, per group and split into standing and weekly items. A
 * carried standing tick counts as done: the fact is still true this week. `ticks` are the
 * target's own by id (`ticksByTarget`); another target's are skipped, but each costs a look.
 */
export function targetProgress(
  target: { id: string; keyContactIds: string[] },
  ticks: ReadonlyMap<string, AirCoverTick>,
  standingItems: readonly AirCoverItem[] = DEFAULT_STANDING_ITEMS,
): TargetProgress {
  const p = emptyProgress();
  const done = ticks.size ? doneCells(target, ticks) : undefined;
  for (const { item, group, standing, perContact } of itemPlaces(standingItems)) {
    const cells = perContact ? target.keyContactIds.length : 1;
    const d = done?.get(item) ?? 0;
    for (const bucket of [p.all, p.groups[group], standing ? p.standing : p.weekly]) {
      bucket.total += cells;
      bucket.done += d;
    }
  }
  return p;
}

/** Where each item counts: its group, standing or weekly, once or once per key contact. */
interface ItemPlace {
  item: AirCoverItem;
  group: AirCoverGroup;
  standing: boolean;
  perContact: boolean;
}
const placesBySetting = new WeakMap<readonly AirCoverItem[], ItemPlace[]>();
/** Worked out once per standing-items setting (one array for a whole week; settings are replaced, never changed in place), not per target. */
function itemPlaces(standingItems: readonly AirCoverItem[]): ItemPlace[] {
  let places = placesBySetting.get(standingItems);
  if (!places) {
    const standing = new Set(standingItems);
    places = [...ACCOUNT_ITEMS, ...PERSON_ITEMS].map((item) => ({ item, group: ITEM_GROUP[item], standing: standing.has(item), perContact: !isAccountItem(item) }));
    placesBySetting.set(standingItems, places);
  }
  return places;
}

/**
 * How many of a target's checklist cells are ticked done, by item: each tick's id names its cell
 * (`tickIdParts`), counted if the target has that cell (as often as it has it). A target has 25
 * cells with two key contacts and a few ticks; looking up each cell's id instead cost 10–30 ms of
 * a 1,000-target week's opening (BENCHMARKS.md).
 */
function doneCells(target: { id: string; keyContactIds: string[] }, ticks: ReadonlyMap<string, AirCoverTick>): Map<AirCoverItem, number> {
  const done = new Map<AirCoverItem, number>();
  const bump = (item: AirCoverItem) => done.set(item, (done.get(item) ?? 0) + 1);
  for (const [id, tick] of ticks) {
    const cell = tick.done === true ? tickIdParts(id, target.id) : undefined;
    if (!cell || !Object.hasOwn(ITEM_GROUP, cell.item)) continue;
    const item = cell.item as AirCoverItem;
    if (isAccountItem(item)) {
      if (cell.subject === ACCOUNT_SUBJECT) bump(item);
    } else {
      for (const contactId of target.keyContactIds) if (contactId === cell.subject) bump(item);
    }
  }
  return done;
}

/** Sum of several targets' progress (a week, a tier). */
export function addProgress(a: TargetProgress, b: TargetProgress): TargetProgress {
  const add = (x: Progress, y: Progress) => ({ done: x.done + y.done, total: x.total + y.total });
  return {
    all: add(a.all, b.all),
    groups: { social: add(a.groups.social, b.groups.social), content: add(a.groups.content, b.groups.content), email: add(a.groups.email, b.groups.email), other: add(a.groups.other, b.groups.other) },
    standing: add(a.standing, b.standing),
    weekly: add(a.weekly, b.weekly),
  };
}

/** "6 of 9 standing · 2 of 14 this week": both kinds, said apart, so 0 % on a Monday reads right. */
export function progressSentence(p: Pick<TargetProgress, 'standing' | 'weekly'>): string {
  return t('aircover.progress', { standingDone: p.standing.done, standingTotal: p.standing.total, weeklyDone: p.weekly.done, weeklyTotal: p.weekly.total });
}

export function ticksById(ticks: AirCoverTick[]): Map<string, AirCoverTick> {
  return new Map(ticks.map((t) => [t.id, t]));
}

/** A week's ticks by target, each target's by id: what `targetProgress` reads fastest. */
export function ticksByTarget(ticks: readonly AirCoverTick[]): Map<string, Map<string, AirCoverTick>> {
  const out = new Map<string, Map<string, AirCoverTick>>();
  for (const tick of ticks) {
    let own = out.get(tick.targetId);
    if (!own) out.set(tick.targetId, (own = new Map()));
    own.set(tick.id, tick);
  }
  return out;
}

/** A target with no ticks. */
export const NO_TICKS: ReadonlyMap<string, AirCoverTick> = new Map();
