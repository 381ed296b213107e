/** The air-cover checklist (DOMAIN.md section 3) and its progress. */
import { AIR_COVER_GROUPS, type AirCoverGroup, type AirCoverItem } from './constants';
import type { AirCoverTick } from './schema';

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
  return `${targetId}|${contactId ?? ACCOUNT_SUBJECT}|${item}`;
}

export interface Progress {
  done: number;
  total: number;
}
export const pct = (p: Progress) => (p.total ? Math.round((100 * p.done) / p.total) : 0);

/** Cells of a target's checklist: every item for each key contact, plus the account items. */
export function targetCells(keyContactIds: string[]): { contactId?: string; item: AirCoverItem }[] {
  const personItems = (Object.keys(ITEM_LABELS) as AirCoverItem[]).filter((i) => !ACCOUNT_ITEMS.includes(i));
  return [
    ...ACCOUNT_ITEMS.map((item) => ({ item })),
    ...keyContactIds.flatMap((contactId) => personItems.map((item) => ({ contactId, item }))),
  ];
}

export function isDone(ticks: Map<string, AirCoverTick>, targetId: string, contactId: string | undefined, item: AirCoverItem) {
  return ticks.get(tickId(targetId, contactId, item))?.done === true;
}

/** Progress of one target, overall and per group. */
export function targetProgress(
  target: { id: string; keyContactIds: string[] },
  ticks: Map<string, AirCoverTick>,
): { all: Progress; groups: Record<AirCoverGroup, Progress> } {
  const groups = { social: { done: 0, total: 0 }, content: { done: 0, total: 0 }, email: { done: 0, total: 0 }, other: { done: 0, total: 0 } };
  const all = { done: 0, total: 0 };
  for (const cell of targetCells(target.keyContactIds)) {
    const g = groups[ITEM_GROUP[cell.item]];
    const d = isDone(ticks, target.id, cell.contactId, cell.item) ? 1 : 0;
    g.total++;
    g.done += d;
    all.total++;
    all.done += d;
  }
  return { all, groups };
}

export function ticksById(ticks: AirCoverTick[]): Map<string, AirCoverTick> {
  return new Map(ticks.map((t) => [t.id, t]));
}
