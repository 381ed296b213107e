import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { getDb } from '@/lib/db/db';
import type { WeekId } from '@/lib/domain/schema';

/** Markdown inline escapes back to plain text for print (the agenda escapes user text). */
const unescape = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1').replace(/\*\*(.+?)\*\*/g, '$1');

/**
 * The agenda as a printable page: the Markdown turned into headings, lists and paragraphs as
 * text nodes (never as HTML), then the browser's print dialog.
 */
export function AgendaPrint({ weekId }: { weekId: WeekId }) {
  const lines = useSignal<string[] | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    Promise.all([getDb(), import('@/lib/io/csv-export')])
      .then(async ([db, { loadWeekData, meetingAgenda }]) => meetingAgenda(await loadWeekData(db, weekId)))
      .then((agenda) => {
        lines.value = agenda.split('\n');
        setTimeout(() => window.print(), 100);
      })
      .catch((e: Error) => (error.value = e.message));
  }, [weekId]);
  if (error.value) return <p class="status error" role="alert">{error.value}</p>;
  if (!lines.value) return <p>Preparing the agenda…</p>;
  const out = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(<ul key={out.length}>{list.map((l, i) => <li key={i}>{unescape(l)}</li>)}</ul>);
    list = [];
  };
  for (const line of lines.value) {
    const m = /^(#{1,4})\s+(.*)$/.exec(line);
    if (/^\s*[-*]\s+/.test(line)) {
      list.push(line.replace(/^\s*[-*]\s+/, ''));
      continue;
    }
    flush();
    if (m) {
      const H = (`h${m[1].length}` as 'h1');
      out.push(<H key={out.length}>{unescape(m[2])}</H>);
    } else if (line.trim()) out.push(<p key={out.length}>{unescape(line)}</p>);
  }
  flush();
  return <main class="agenda" data-testid="agenda-print">{out}</main>;
}
