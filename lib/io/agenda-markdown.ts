/**
 * The agenda as Markdown that pastes cleanly into email, Teams and Slack: headings, lists and
 * sentences only (a pipe table arrives as pipes in email and Slack), and user text SANITISED,
 * never escaped. A backslash escape (`\(`) is invisible only where Markdown is rendered; pasted
 * into an email it shows. So every character that would turn into markup is replaced by a plain
 * look-alike or dropped, and the text reads the same everywhere.
 */
import { timeBox, type Agenda, type AgendaBlock, type AgendaList, type AgendaTable } from './agenda';
import { buildAgenda } from './agenda';
import type { WeekData } from './csv-export';

/** Markup characters and their plain stand-ins. */
const STAND_INS: Record<string, string> = {
  '\\': '/', // escapes
  '`': "'", // code
  '*': '∗', // emphasis, lists (U+2217)
  _: '-', // emphasis (Slack: _italic_)
  '~': '∼', // strikethrough (U+223C)
  '[': '(', // links and images
  ']': ')',
  '<': '‹', // HTML, autolinks, Slack's <url|text>
  '>': '›', // HTML, block quotes
  '|': '/', // tables, Slack link text
};
/**
 * A markup character, or a web address (kept as it is, underscores and all, so it still works;
 * it cannot hold the characters that would close or escape it).
 */
const MARKUP = /(https?:\/\/[^\s\\`[\]<>|]+)|[\\`*_~[\]<>|]/gi;
/** What opens a block at the start of a line or a list item: heading, list, rule, numbered list. */
const BLOCK_START = /^(?:[#+=-]+|\d{1,9}[.)])(?=\s|$)\s*/;

/**
 * User text for one line of the agenda: line breaks and control characters become spaces, markup
 * characters their stand-ins, an HTML entity loses its power (`&amp;` would show as `&`), and
 * nothing at its start can open a block. The result contains no backslash at all.
 */
export function mdText(text: string | undefined): string {
  if (!text) return '';
  // eslint-disable-next-line no-control-regex
  let t = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  // MARKUP only matches characters STAND_INS lists; a space stands in should the two drift apart.
  t = t.replace(MARKUP, (c, url: string | undefined) => url ?? STAND_INS[c] ?? ' ');
  t = t.replace(/&(?=#?[a-z0-9]+;)/gi, '& ');
  t = t.replace(/\s+/g, ' ').trim();
  // "1. Plan" keeps its number ("1 Plan"); "# Plan", "- Plan" and "+ Plan" lose the marker.
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(BLOCK_START, (m) => (/^\d/.test(m) ? m.replace(/[.)]\s*$/, ' ') : '')).trim();
  }
  return t;
}

function list(out: string[], items: AgendaList['items'], empty: string) {
  if (!items.length) out.push(`- ${mdText(empty)}`);
  for (const i of items) {
    out.push(`- ${mdText(i.text)}`);
    for (const d of i.details ?? []) out.push(`  - ${mdText(d)}`);
  }
  out.push('');
}

function table(out: string[], t: AgendaTable) {
  out.push(`${mdText(t.caption)}:`, '');
  list(
    out,
    t.lines.map((text) => ({ text })),
    t.empty,
  );
}

function block(out: string[], b: AgendaBlock) {
  if (b.kind === 'text') out.push(mdText(b.text), '');
  else if (b.kind === 'table') table(out, b);
  else {
    if (b.title) out.push(`### ${mdText(b.title)}`, '');
    list(out, b.items, b.empty);
  }
}

/** The agenda model as Markdown. */
export function agendaMarkdown(a: Agenda): string {
  const out: string[] = [`# ${mdText(a.title)}`, '', mdText(a.summary), ''];
  out.push(`## Running order (${a.minutes} minutes)`, '');
  for (const s of a.sections) out.push(`- ${timeBox(s)} ${mdText(s.title)} (${s.minutes} min)`);
  out.push('');
  a.sections.forEach((s, i) => {
    out.push(`## ${i + 1}. ${mdText(s.title)}, ${timeBox(s)} (${s.minutes} min)`, '');
    for (const b of s.blocks) block(out, b);
  });
  return out.join('\n');
}

/** The weekly meeting's agenda as Markdown. */
export const meetingAgenda = (data: WeekData) => agendaMarkdown(buildAgenda(data));
