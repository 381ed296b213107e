/** ISO 8601 weeks (Monday first, week 1 holds the year's first Thursday), via date-fns. */
import { addWeeks, getISOWeek, getISOWeekYear, setISOWeek, startOfISOWeek, startOfISOWeekYear } from 'date-fns';
import type { WeekId } from './schema';

export function weekIdOf(date: Date): WeekId {
  return `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
}

export function currentWeekId(now = new Date()): WeekId {
  return weekIdOf(now);
}

/** Monday 00:00 local time of the week. */
export function weekStart(id: WeekId): Date {
  return new Date(weekStartTime(id));
}

const weekStarts = new Map<WeekId, number>();
/**
 * `weekStart` as a time, kept per week id: the week's focus asks it once per target (1,000 in a
 * big week), and the date arithmetic costs ~20 µs each.
 */
export function weekStartTime(id: WeekId): number {
  let ms = weekStarts.get(id);
  if (ms === undefined) {
    const m = /^(\d{4})-W(\d{2})$/.exec(id);
    if (!m) throw new Error(`Not an ISO week: ${id}`);
    // Jan 4th is always in week 1 of its ISO year.
    const base = startOfISOWeekYear(new Date(Number(m[1]), 0, 4));
    ms = startOfISOWeek(setISOWeek(base, Number(m[2]))).getTime();
    weekStarts.set(id, ms);
  }
  return ms;
}

export function shiftWeek(id: WeekId, by: number): WeekId {
  return weekIdOf(addWeeks(weekStart(id), by));
}

export const previousWeek = (id: WeekId): WeekId => shiftWeek(id, -1);
export const nextWeek = (id: WeekId): WeekId => shiftWeek(id, 1);

/** "2026-W48 (23 Nov – 29 Nov 2026)" */
export function weekLabel(id: WeekId, locale = 'en-GB'): string {
  const start = weekStart(id);
  const end = addWeeks(start, 1);
  end.setDate(end.getDate() - 1);
  const f = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  return `${id} (${f.format(start)} – ${f.format(end)} ${end.getFullYear()})`;
}
