/**
 * The weekly meeting's agenda (DOMAIN.md sections 3 and 4) as data: a 30-minute running order of
 * time-boxed sections, each made of tables, lists and sentences. The Markdown, the print view and
 * the rich-text copy are renderings of this one model (lib/io/agenda-markdown.ts,
 * lib/io/agenda-dom.ts), so they never disagree and none of them parses another.
 *
 * Every string in the model is plain text: renderers make it safe for their format.
 */
import { pct, targetProgress, ticksById } from '../domain/aircover';
import { DRIFT_WORDS, focusReport, planText, workThisWeek } from '../domain/focus';
import type { Target, Tier } from '../domain/schema';
import { TIER_LABELS } from '../domain/tier';
import { weekLabel } from '../domain/week';
import { strategicSummary } from '../domain/views';
import { investmentLine, rankInvestments } from '../domain/invest';
import type { Contact } from '../domain/schema';
import { isoDate, marketingOwner, salesOwner, STATUS_LABELS, targetViews, type TargetView, type WeekData } from './csv-export';

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
  { id: 'focus', title: 'Focus against plan', minutes: 5 },
  { id: 'strategic', title: 'Tier 1 and Global targets', minutes: 10 },
  { id: 'changes', title: 'New, carried over and dropped', minutes: 5 },
  { id: 'asks', title: 'Asks between the teams', minutes: 5 },
  { id: 'decisions', title: 'Decisions and next steps', minutes: 5 },
] as const;
export type SectionId = (typeof RUNNING_ORDER)[number]['id'];

/** "0:05" */
export const clock = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
/** "0:05–0:15" */
export const timeBox = (s: Pick<AgendaSection, 'start' | 'minutes'>) => `${clock(s.start)}–${clock(s.start + s.minutes)}`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const or = (v: string | undefined, fallback: string) => (v?.trim() ? v.trim() : fallback);
const STRATEGIC: Tier[] = ['tier1', 'global'];

/** "Next step: send the ROI deck (owner: Sam Rep)" and the rest of what the meeting records. */
function meetingDetails(t: Target): string[] {
  return [
    `Next step: ${or(t.nextStep, 'not set')}${t.nextStep?.trim() ? ` (owner: ${or(t.nextStepOwner, 'not set')})` : ''}`,
    `Ask of the other team: ${or(t.ask, 'none')}`,
    `Decision: ${or(t.decision, 'none yet')}`,
  ];
}

function marker(v: TargetView): string {
  const t = v.target;
  const since = v.carried ? `carried over${t.carriedFrom ? ` from ${t.carriedFrom}` : ''}` : 'new';
  const status = t.status === 'active' ? 'active' : `${STATUS_LABELS[t.status]}${t.statusReason ? `: ${t.statusReason}` : ''}`;
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
    caption: 'Focus by tier: share of targets and share of this week\'s air-cover work',
    head: ['Tier', 'Targets', 'Share of targets', 'Air-cover work', 'Share of work', 'Plan', 'Targets against plan', 'Work against plan'],
    numeric: [1, 2, 3, 4],
    rows: focus.rows.map((r) => [
      TIER_LABELS[r.tier],
      String(r.targets),
      `${r.targetShare} %`,
      String(r.work),
      `${r.workShare} %`,
      planText(r.band),
      DRIFT_WORDS[r.drift],
      focus.totalWork ? DRIFT_WORDS[r.workDrift] : 'no work logged',
    ]),
    lines: focus.rows.map(
      (r) =>
        `${TIER_LABELS[r.tier]}: ${plural(r.targets, 'target')}, ${r.targetShare} % of targets (${DRIFT_WORDS[r.drift]}); ` +
        `${r.workShare} % of air-cover work (${focus.totalWork ? DRIFT_WORDS[r.workDrift] : 'no work logged'}); plan ${planText(r.band)}`,
    ),
    empty: 'No targets yet this week.',
  };
  const drift: AgendaList = {
    kind: 'list',
    title: 'Drift to discuss',
    items: focus.drift.map((text) => ({ text })),
    empty: focus.totalTargets ? 'On plan: the list and the work both sit inside the bands.' : 'No targets yet this week.',
  };
  return [table, drift];
}

/** The strategic parts of a target's account in words (team, relationship gaps, governance). */
type Summaries = Map<string, ReturnType<typeof strategicSummary>>;

function summaries(data: WeekData, views: TargetView[]): Summaries {
  const byAccount = new Map<string, Contact[]>();
  for (const c of data.contacts) byAccount.set(c.accountId, [...(byAccount.get(c.accountId) ?? []), c]);
  const now = new Date(data.now);
  const out: Summaries = new Map();
  for (const v of views) if (v.account && v.tier) out.set(v.account.id, strategicSummary(v.account, byAccount.get(v.account.id) ?? [], v.tier.tier, now));
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

function targetItem(v: TargetView, ticks: ReturnType<typeof ticksById>, sums: Summaries): AgendaItem {
  const t = v.target;
  const progress = targetProgress(t, ticks).all;
  const details = [
    ...strategicDetails(v, sums),
    `Owners: sales ${or(salesOwner(v), 'not set')}, marketing ${or(marketingOwner(v), 'not set')}`,
    ...(v.tier ? [`Tier: ${v.tier.sentence}`] : []),
    `Coverage gaps: ${v.coverage.gaps.length ? v.coverage.gaps.join('; ') : 'none'}`,
    `Air cover: ${progress.done} of ${progress.total} (${pct(progress)} %)`,
    ...(v.keyContacts.length ? [`Key contacts: ${v.keyContacts.map((c) => (c.title ? `${c.name} (${c.title})` : c.name)).join(', ')}`] : []),
    ...(t.notes?.trim() ? [`Notes: ${t.notes}`] : []),
    ...meetingDetails(t),
  ];
  return { text: `${v.accountName} (${v.tier ? TIER_LABELS[v.tier.tier] : 'account not found'}; ${marker(v)})`, details };
}


function strategicSection(data: WeekData, views: TargetView[], ticks: ReturnType<typeof ticksById>): AgendaBlock[] {
  const sums = summaries(data, views);
  const strategic = views.filter((v) => v.tier && STRATEGIC.includes(v.tier.tier));
  const overdue = strategic.flatMap((v) => (sums.get(v.account!.id)?.governance ?? []).map((g) => ({ text: `${v.accountName}: ${g}` })));
  const live = views.filter((v) => v.account && v.tier && v.target.status !== 'dropped');
  const invest = rankInvestments(live.map((v) => ({ account: v.account!, tier: v.tier!.tier })), data.settings.investWeights).slice(0, 5);
  const others = views.filter((v) => !v.tier || !STRATEGIC.includes(v.tier.tier));
  const row = (v: TargetView) => {
    const p = targetProgress(v.target, ticks).all;
    return {
      cells: [v.tier ? TIER_LABELS[v.tier.tier] : 'not found', v.accountName, marker(v), `${p.done} of ${p.total}`, or(v.target.nextStep, 'not set'), or(v.target.nextStepOwner, '')],
      line: `${v.accountName} (${v.tier ? TIER_LABELS[v.tier.tier] : 'account not found'}; ${marker(v)}): air cover ${p.done} of ${p.total}; next step: ${or(v.target.nextStep, 'not set')}${v.target.nextStepOwner?.trim() ? ` (owner: ${v.target.nextStepOwner.trim()})` : ''}`,
    };
  };
  const rows = others.map(row);
  return [
    { kind: 'list', items: strategic.map((v) => targetItem(v, ticks, sums)), empty: 'No Tier 1 or Global targets this week.' },
    {
      kind: 'table',
      caption: 'The other targets, for reference',
      head: ['Tier', 'Account', 'Since / status', 'Air cover', 'Next step', 'Owner'],
      numeric: [],
      rows: rows.map((r) => r.cells),
      lines: rows.map((r) => r.line),
      empty: 'No other targets this week.',
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
  const nameOf = (t: Target) => accountName.get(t.accountId) ?? '(deleted account)';
  const reason = (t: Target) => t.statusReason?.trim() || 'no reason recorded';
  const thisWeek = new Set(data.targets.map((t) => t.accountId));
  const sorted = (list: string[]) => list.sort((a, b) => a.localeCompare(b)).map((text) => ({ text }));
  const dropped = [
    ...data.previousTargets.filter((t) => t.status === 'dropped').map((t) => `${nameOf(t)}: ${reason(t)}`),
    ...data.previousTargets.filter((t) => t.status === 'active' && !thisWeek.has(t.accountId)).map((t) => `${nameOf(t)}: not carried over, no reason recorded`),
    ...data.targets.filter((t) => t.status === 'dropped').map((t) => `${nameOf(t)} (this week): ${reason(t)}`),
  ];
  const done = [
    ...data.previousTargets.filter((t) => t.status === 'done').map((t) => `${nameOf(t)}: ${reason(t)}`),
    ...data.targets.filter((t) => t.status === 'done').map((t) => `${nameOf(t)} (this week): ${reason(t)}`),
  ];
  const newOnes = views.filter((v) => !v.carried).map((v) => v.accountName);
  const carried = views.filter((v) => v.carried).map((v) => v.accountName);
  const work = workThisWeek(data.ticks, data.weekId).length;
  return [
    { kind: 'list', title: `New (${newOnes.length})`, items: sorted(newOnes), empty: 'none' },
    { kind: 'list', title: `Carried over (${carried.length})`, items: sorted(carried), empty: 'none' },
    { kind: 'list', title: `Dropped (${dropped.length})`, items: sorted(dropped), empty: 'none' },
    { kind: 'list', title: `Done (${done.length})`, items: sorted(done), empty: 'none' },
    { kind: 'text', text: `Air cover added this week: ${plural(work, 'item')} ticked.` },
  ];
}

function asksSection(views: TargetView[]): AgendaBlock[] {
  const withAsk = views.filter((v) => v.target.ask?.trim());
  return [
    {
      kind: 'table',
      caption: 'What each team asks of the other',
      head: ['Account', 'Ask of the other team', 'Sales owner', 'Marketing owner'],
      rows: withAsk.map((v) => [v.accountName, v.target.ask!.trim(), or(salesOwner(v), 'not set'), or(marketingOwner(v), 'not set')]),
      lines: withAsk.map((v) => `${v.accountName}: ${v.target.ask!.trim()} (sales ${or(salesOwner(v), 'not set')}, marketing ${or(marketingOwner(v), 'not set')})`),
      empty: 'No asks recorded yet: go round both teams\' owners.',
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
      caption: 'Decisions and next steps, saved on the targets',
      head: ['Account', 'Decision', 'Next step', 'Owner'],
      rows: decided.map((v) => [v.accountName, or(v.target.decision, 'none yet'), or(v.target.nextStep, 'not set'), or(v.target.nextStepOwner, 'not set')]),
      lines: decided.map(
        (v) => `${v.accountName}: decision: ${or(v.target.decision, 'none yet')}; next step: ${or(v.target.nextStep, 'not set')} (owner: ${or(v.target.nextStepOwner, 'not set')})`,
      ),
      empty: 'No decisions yet: type them in the week view as you go; they are saved on the targets.',
    },
    {
      kind: 'list',
      title: `Still without a next step (${open.length})`,
      items: open.map((v) => ({ text: v.accountName })),
      empty: 'Every target has a next step.',
    },
  ];
}

/** The meeting's agenda for a week: every section time-boxed, in running order. */
export function buildAgenda(data: WeekData): Agenda {
  const views = targetViews(data);
  const ticks = ticksById(data.ticks);
  const week = views.reduce(
    (p, v) => {
      const all = targetProgress(v.target, ticks).all;
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
    const section = { ...s, start, blocks: blocks[s.id] };
    start += s.minutes;
    return section;
  });
  return {
    title: `Weekly alignment: ${weekLabel(data.weekId)}`,
    summary: `Exported ${isoDate(data.now)} · ${plural(views.length, 'target')} · air cover ${week.done} of ${week.total} (${pct(week)} %)`,
    minutes: start,
    sections,
  };
}
