/**
 * Governance of a strategic account (seeds 001 and 002): a cadence of touchpoints rather than an
 * annual document: multi-level account meetings, executive check-ins and planning sessions with
 * the customer present. Each has a rhythm, a last and a next date; what is overdue is said in
 * words on the card and in the weekly agenda.
 */
import type { Touchpoint, TouchpointKind } from './schema';

export const TOUCHPOINT_LABELS: Record<TouchpointKind, string> = {
  'account-meeting': 'Multi-level account meeting',
  'executive-checkin': 'Executive check-in',
  'planning-session': 'Planning session with the customer',
};

/** A sensible rhythm to start from: quarterly meetings, executives every two months, planning twice a year. */
export const DEFAULT_EVERY_DAYS: Record<TouchpointKind, number> = {
  'account-meeting': 90,
  'executive-checkin': 60,
  'planning-session': 180,
};

const DAY = 86_400_000;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Today as YYYY-MM-DD in local time (what a date input shows). */
export function todayIso(now = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * DAY).toISOString().slice(0, 10);
}

export interface TouchpointStatus {
  /** When it is due: the planned next date, else the last one plus the rhythm; none if never held nor planned. */
  due?: string;
  /** Days past due (0 = due today or later). */
  overdueDays: number;
  state: 'overdue' | 'due-soon' | 'planned' | 'never';
  sentence: string;
}

/** Within this many days of its date a touchpoint is "due soon". */
export const DUE_SOON_DAYS = 7;

export function touchpointStatus(tp: Touchpoint, today: string): TouchpointStatus {
  const label = TOUCHPOINT_LABELS[tp.kind].toLowerCase();
  const due = tp.next ?? (tp.last ? addDays(tp.last, tp.everyDays) : undefined);
  if (!due) return { overdueDays: 0, state: 'never', sentence: `${cap(label)} never held nor planned (every ${tp.everyDays} days)` };
  const diff = Math.round((dayMs(today) - dayMs(due)) / DAY);
  const lastText = tp.last ? `last ${tp.last}` : 'never held';
  if (diff > 0) return { due, overdueDays: diff, state: 'overdue', sentence: `${cap(label)} overdue by ${diff} day${diff === 1 ? '' : 's'} (due ${due}; ${lastText}; every ${tp.everyDays} days)` };
  const state = -diff <= DUE_SOON_DAYS ? 'due-soon' : 'planned';
  return { due, overdueDays: 0, state, sentence: `${cap(label)} ${tp.next ? 'planned for' : 'due'} ${due} (${lastText})` };
}

/** What needs doing, as sentences: overdue first (most overdue first), then the ones never held. */
export function governanceAlerts(touchpoints: readonly Touchpoint[] | undefined, today: string): string[] {
  const s = (touchpoints ?? []).map((tp) => touchpointStatus(tp, today));
  return [...s.filter((x) => x.state === 'overdue').sort((a, b) => b.overdueDays - a.overdueDays), ...s.filter((x) => x.state === 'never')].map((x) => x.sentence);
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
