/**
 * The weekly meeting's agenda (DOMAIN.md sections 3 and 4) as data: a 30-minute running order of
 * time-boxed sections, each made of tables, lists and sentences. The Markdown, the print view and
 * the rich-text copy are renderings of this one model (lib/io/agenda-markdown.ts,
 * lib/io/agenda-dom.ts), so they never disagree and none of them parses another.
 *
 * Every string in the model is plain text: renderers make it safe for their format.
 */
import { NO_TICKS, pct, targetProgress, ticksByTarget } from '../domain/aircover';
import { driftWord, focusReport, planText, workThisWeek } from '../domain/focus';
import type { Target, Tier } from '../domain/schema';
import { weekLabel } from '../domain/week';
import { isoDate, marketingOwner, salesOwner, targetViews, type TargetView, type WeekData } from './csv-export';
import { t as tr, uiLocale } from '../i18n';
import { tierLabel } from '../i18n/labels';
import { strategicSummaryOf } from '../domain/views';
import { investmentLine, rankInvestments } from '../domain/invest';

export interface AgendaTable {
  kind: 'table';
  caption: string;
  head: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned in print). */
  numeric?: number[];
  /**
   * The same rows as sentences, for Markdown: tables do not survive a paste into email or Slack,
   * sentences do.
   */
  lines: string[];
  /** Said instead of an empty table. */
  empty: string;
}

export interface AgendaItem {
  text: string;
  /** "Label: value" lines under the item. */
  details?: string[];
}

export interface AgendaList {
  kind: 'list';
  title?: string;
  items: AgendaItem[];
  /** Said instead of an empty list. */
  empty: string;
}

export interface AgendaText {
  kind: 'text';
  text: string;
}

export type AgendaBlock = AgendaTable | AgendaList | AgendaText;

export interface AgendaSection {
  id: SectionId;
  title: string;
  /** Minutes from the start of the meeting. */
  start: number;
  minutes: number;
  blocks: AgendaBlock[];
}

export interface Agenda {
  title: string;
  summary: string;
  minutes: number;
  sections: AgendaSection[];
}

/** The running order: about 30 minutes (DOMAIN.md section 3). */
export const RUNNING_ORDER = [
  { id: 'focus', minutes: 5 },
  { id: 'strategic', minutes: 10 },
  { id: 'changes', minutes: 5 },
  { id: 'asks', minutes: 5 },
  { id: 'decisions', minutes: 5 },
] as const;

/** A section's heading in the interface language. */
function sectionTitle(id: SectionId): string {
  switch (id) {
    case 'focus': return tr('agenda.section.focus');
    case 'strategic': return tr('agenda.section.strategic');
    case 'changes': return tr('agenda.section.changes');
    case 'asks': return tr('agenda.section.asks');
    case 'decisions': return tr('agenda.section.decisions');
  }
}
export type SectionId = (typeof RUNNING_ORDER)[number]['id'];

/** "0:05" */
export const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
/** "0:05–0:15" */
export const timeBox = (s: Pick<AgendaSection, 'start' | 'minutes'>) => `${clock(s.start)}–${clock(s.start + s.minutes)}`;

const or = (v: string | undefined, fallback: string) => (v?.trim() ? v.trim() : fallback);
const STRATEGIC: Tier[] = ['tier1', 'global'];

/** "Next step: send the ROI deck (owner: Sam Rep)" and the rest of what the meeting records. */
function meetingDetails(t: Target): string[] {
  return [
    tr('agenda.nextStep', { step: or(t.nextStep, tr('agenda.notSet')) }) + (t.nextStep?.trim() ? ` ${tr('agenda.owner', { name: or(t.nextStepOwner, tr('agenda.notSet')) })}` : ''),
    tr('agenda.ask', { ask: or(t.ask, tr('agenda.none')) }),
    tr('agenda.decision', { decision: or(t.decision, tr('agenda.noneYet')) }),
  ];
}

function marker(v: TargetView): string {
  const t = v.target;
  const since = v.carried ? (t.carriedFrom ? tr('agenda.carriedFrom', { week: t.carriedFrom }) : tr('agenda.carriedOver')) : tr('agenda.new');
  const status = t.status === 'active' ? tr('agenda.active') : `${t.status === 'done' ? tr('label.targetStatus.done') : tr('label.targetStatus.dropped')}${t.statusReason ? `: ${t.statusReason}` : ''}`;
  return `${since}; ${status}`;
}

function focusSection(data: WeekData, views: TargetView[]): AgendaBlock[] {
  const tierOf = new Map(views.map((v) => [v.target.id, v.tier?.tier]));
  const work = workThisWeek(data.ticks, data.weekId);
  const focus = focusReport(
    views.filter((v) => v.target.status !== 'dropped' && v.tier).map((v) => v.tier!.tier),
    work.map((t) => tierOf.get(t.targetId)).filter((t): t is Tier => !!t),
    data.settings,
  );
  const table: AgendaTable = {
    kind: 'table',
    caption: tr('agenda.focusCaption'),
    head: [tr('agenda.head.tier'), tr('agenda.head.targets'), tr('agenda.head.shareTargets'), tr('agenda.head.work'), tr('agenda.head.shareWork'), tr('agenda.head.plan'), tr('agenda.head.targetsVsPlan'), tr('agenda.head.workVsPlan')],
    numeric: [1, 2, 3, 4],
    rows: focus.rows.map((r) => [
      tierLabel(r.tier),
      String(r.targets),
      `${r.targetShare} %`,
      String(r.work),
      `${r.workShare} %`,
      planText(r.band),
      driftWord(r.drift),
      focus.totalWork ? driftWord(r.workDrift) : tr('agenda.noWork'),
    ]),
    lines: focus.rows.map(
      (r) =>
        tr('agenda.focusLine', {
          tier: tierLabel(r.tier),
          targets: tr('agenda.targets', r.targets, { count: r.targets }),
          share: r.targetShare,
          drift: driftWord(r.drift),
          workShare: r.workShare,
          workDrift: focus.totalWork ? driftWord(r.workDrift) : tr('agenda.noWork'),
          plan: planText(r.band),
        }),
    ),
    empty: tr('agenda.noTargets'),
  };
  const drift: AgendaList = {
    kind: 'list',
    title: tr('agenda.drift'),
    items: focus.drift.map((text) => ({ text })),
    empty: focus.totalTargets ? tr('agenda.onPlan') : tr('agenda.noTargets'),
  };
  return [table, drift];
}

/** The strategic parts of a target's account in words (team, relationship gaps, governance). */
type Summaries = Map<string, ReturnType<typeof strategicSummaryOf>>;

/** From each account's coverage summary (its relationship map's people): no contact is read. */
function summaries(data: WeekData, views: TargetView[]): Summaries {
  const now = new Date(data.now);
  const out: Summaries = new Map();
  for (const v of views) if (v.account && v.tier) out.set(v.account.id, strategicSummaryOf(v.account, v.summary, v.tier.tier, now));
  return out;
}

function strategicDetails(v: TargetView, sums: Summaries): string[] {
  const s = v.account && sums.get(v.account.id);
  if (!s?.strategic) return [];
  return [
    `Account team: ${s.teamLine || 'nobody on it yet'}`,
    `Relationship gaps: ${s.relationshipGaps.length ? s.relationshipGaps.join('; ') : 'none'}`,
    `Governance: ${s.governance.length ? s.governance.join('; ') : 'on schedule'}`,
  ];
}

function targetItem(v: TargetView, ticks: ReturnType<typeof ticksByTarget>, sums: Summaries): AgendaItem {
  const t = v.target;
  const progress = targetProgress(t, ticks.get(t.id) ?? NO_TICKS).all;
  const details = [
    ...strategicDetails(v, sums),
    tr('agenda.owners', { sales: or(salesOwner(v), tr('agenda.notSet')), marketing: or(marketingOwner(v), tr('agenda.notSet')) }),
    ...(v.tier ? [tr('agenda.tier', { sentence: v.tier.sentence })] : []),
    tr('agenda.gaps', { gaps: v.coverage.gaps.length ? v.coverage.gaps.join('; ') : tr('agenda.none') }),
    tr('agenda.aircover', { done: progress.done, total: progress.total, pct: pct(progress) }),
    ...(v.keyContacts.length ? [tr('agenda.keyContacts', { names: v.keyContacts.map((c) => (c.title ? `${c.name} (${c.title})` : c.name)).join(', ') })] : []),
    ...(t.notes?.trim() ? [tr('agenda.notes', { notes: t.notes })] : []),
    ...meetingDetails(t),
  ];
  return { text: tr('agenda.item', { name: v.accountName, tier: v.tier ? tierLabel(v.tier.tier) : tr('agenda.accountNotFound'), marker: marker(v) }), details };
}


function strategicSection(data: WeekData, views: TargetView[], ticks: ReturnType<typeof ticksByTarget>): AgendaBlock[] {
  const sums = summaries(data, views);
  const strategic = views.filter((v) => v.tier && STRATEGIC.includes(v.tier.tier));
  const overdue = strategic.flatMap((v) => (sums.get(v.account!.id)?.governance ?? []).map((g) => ({ text: `${v.accountName}: ${g}` })));
  const live = views.filter((v) => v.account && v.tier && v.target.status !== 'dropped');
  const invest = rankInvestments(live.map((v) => ({ account: v.account!, tier: v.tier!.tier })), data.settings.investWeights).slice(0, 5);
  const others = views.filter((v) => !v.tier || !STRATEGIC.includes(v.tier.tier));
  const row = (v: TargetView) => {
    const p = targetProgress(v.target, ticks.get(v.target.id) ?? NO_TICKS).all;
    return {
      cells: [v.tier ? tierLabel(v.tier.tier) : tr('agenda.notFound'), v.accountName, marker(v), tr('agenda.doneOf', { done: p.done, total: p.total }), or(v.target.nextStep, tr('agenda.notSet')), or(v.target.nextStepOwner, '')],
      line:
        tr('agenda.otherLine', { name: v.accountName, tier: v.tier ? tierLabel(v.tier.tier) : tr('agenda.accountNotFound'), marker: marker(v), done: p.done, total: p.total, step: or(v.target.nextStep, tr('agenda.notSet')) }) +
        (v.target.nextStepOwner?.trim() ? ` ${tr('agenda.owner', { name: v.target.nextStepOwner.trim() })}` : ''),
    };
  };
  const rows = others.map(row);
  return [
    { kind: 'list', items: strategic.map((v) => targetItem(v, ticks, sums)), empty: tr('agenda.noStrategic') },
    {
      kind: 'table',
      caption: tr('agenda.othersCaption'),
      head: [tr('agenda.head.tier'), tr('agenda.head.account'), tr('agenda.head.since'), tr('agenda.head.aircover'), tr('agenda.head.nextStep'), tr('agenda.head.owner')],
      numeric: [],
      rows: rows.map((r) => r.cells),
      lines: rows.map((r) => r.line),
      empty: tr('agenda.noOthers'),
    },
    { kind: 'list', title: 'Governance overdue', items: overdue, empty: 'Every strategic target\'s touchpoints are on schedule.' },
    {
      kind: 'list',
      title: 'Where to invest the costly air cover (special campaigns, content made for them, executive outreach)',
      items: invest.map((i) => ({ text: investmentLine(i) })),
      empty: 'No targets to rank this week.',
    },
  ];
}

function changesSection(data: WeekData, views: TargetView[]): AgendaBlock[] {
  const accountName = new Map(data.accounts.map((a) => [a.id, a.name]));
  const nameOf = (t: Target) => accountName.get(t.accountId) ?? tr('agenda.deletedAccount');
  const reason = (t: Target) => t.statusReason?.trim() || tr('agenda.noReason');
  const thisWeek = new Set(data.targets.map((t) => t.accountId));
  const sorted = (list: string[]) => list.sort((a, b) => a.localeCompare(b)).map((text) => ({ text }));
  const dropped = [
    ...data.previousTargets.filter((t) => t.status === 'dropped').map((t) => `${nameOf(t)}: ${reason(t)}`),
    ...data.previousTargets.filter((t) => t.status === 'active' && !thisWeek.has(t.accountId)).map((t) => tr('agenda.notCarried', { name: nameOf(t) })),
    ...data.targets.filter((t) => t.status === 'dropped').map((t) => tr('agenda.thisWeek', { name: nameOf(t), reason: reason(t) })),
  ];
  const done = [
    ...data.previousTargets.filter((t) => t.status === 'done').map((t) => `${nameOf(t)}: ${reason(t)}`),
    ...data.targets.filter((t) => t.status === 'done').map((t) => tr('agenda.thisWeek', { name: nameOf(t), reason: reason(t) })),
  ];
  const newOnes = views.filter((v) => !v.carried).map((v) => v.accountName);
  const carried = views.filter((v) => v.carried).map((v) => v.accountName);
  const work = workThisWeek(data.ticks, data.weekId).length;
  return [
    { kind: 'list', title: tr('agenda.listNew', { count: newOnes.length }), items: sorted(newOnes), empty: tr('agenda.none') },
    { kind: 'list', title: tr('agenda.listCarried', { count: carried.length }), items: sorted(carried), empty: tr('agenda.none') },
    { kind: 'list', title: tr('agenda.listDropped', { count: dropped.length }), items: sorted(dropped), empty: tr('agenda.none') },
    { kind: 'list', title: tr('agenda.listDone', { count: done.length }), items: sorted(done), empty: tr('agenda.none') },
    { kind: 'text', text: tr('agenda.workAdded', work, { count: work }) },
  ];
}

function asksSection(views: TargetView[]): AgendaBlock[] {
  const withAsk = views.filter((v) => v.target.ask?.trim());
  return [
    {
      kind: 'table',
      caption: tr('agenda.asksCaption'),
      head: [tr('agenda.head.account'), tr('agenda.head.ask'), tr('agenda.head.salesOwner'), tr('agenda.head.marketingOwner')],
      rows: withAsk.map((v) => [v.accountName, v.target.ask!.trim(), or(salesOwner(v), tr('agenda.notSet')), or(marketingOwner(v), tr('agenda.notSet'))]),
      lines: withAsk.map((v) => tr('agenda.askLine', { name: v.accountName, ask: v.target.ask!.trim(), sales: or(salesOwner(v), tr('agenda.notSet')), marketing: or(marketingOwner(v), tr('agenda.notSet')) })),
      empty: tr('agenda.noAsks'),
    },
  ];
}

function decisionsSection(views: TargetView[]): AgendaBlock[] {
  const live = views.filter((v) => v.target.status !== 'dropped');
  const decided = live.filter((v) => v.target.decision?.trim() || v.target.nextStep?.trim());
  const open = live.filter((v) => !v.target.nextStep?.trim());
  return [
    {
      kind: 'table',
      caption: tr('agenda.decisionsCaption'),
      head: [tr('agenda.head.account'), tr('agenda.head.decision'), tr('agenda.head.nextStep'), tr('agenda.head.owner')],
      rows: decided.map((v) => [v.accountName, or(v.target.decision, tr('agenda.noneYet')), or(v.target.nextStep, tr('agenda.notSet')), or(v.target.nextStepOwner, tr('agenda.notSet'))]),
      lines: decided.map((v) =>
        tr('agenda.decisionLine', { name: v.accountName, decision: or(v.target.decision, tr('agenda.noneYet')), step: or(v.target.nextStep, tr('agenda.notSet')), owner: or(v.target.nextStepOwner, tr('agenda.notSet')) }),
      ),
      empty: tr('agenda.noDecisions'),
    },
    {
      kind: 'list',
      title: tr('agenda.noNextStep', { count: open.length }),
      items: open.map((v) => ({ text: v.accountName })),
      empty: tr('agenda.allHaveNext'),
    },
  ];
}

/** The meeting's agenda for a week: every section time-boxed, in running order. */
export function buildAgenda(data: WeekData): Agenda {
  const views = targetViews(data);
  const ticks = ticksByTarget(data.ticks);
  const week = views.reduce(
    (p, v) => {
      const all = targetProgress(v.target, ticks.get(v.target.id) ?? NO_TICKS).all;
      return { done: p.done + all.done, total: p.total + all.total };
    },
    { done: 0, total: 0 },
  );
  const blocks: Record<SectionId, AgendaBlock[]> = {
    focus: focusSection(data, views),
    strategic: strategicSection(data, views, ticks),
    changes: changesSection(data, views),
    asks: asksSection(views),
    decisions: decisionsSection(views),
  };
  let start = 0;
  const sections = RUNNING_ORDER.map((s): AgendaSection => {
    const section = { ...s, title: sectionTitle(s.id), start, blocks: blocks[s.id] };
    start += s.minutes;
    return section;
  });
  return {
    title: tr('agenda.title', { week: weekLabel(data.weekId, uiLocale()) }),
    summary: tr('agenda.summary', { date: isoDate(data.now), targets: tr('agenda.targets', views.length, { count: views.length }), done: week.done, total: week.total, pct: pct(week) }),
    minutes: start,
    sections,
  };
}
