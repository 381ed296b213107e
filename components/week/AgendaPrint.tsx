import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { getDb } from '@/lib/db/db';
import type { WeekId } from '@/lib/domain/schema';
import type { Agenda } from '@/lib/io/agenda';
import { agendaDom } from '@/lib/io/agenda-dom';
import { copyAgendaMarkdown, copyAgendaRich } from './copyAgenda';
import './agenda-print.css';
import { t } from '@/lib/i18n';

/**
 * The agenda as a printable page: the agenda model drawn as real tables and lists (the same tree
 * "Copy as rich text" copies), a toolbar that does not print, then the browser's print dialog.
 */
export function AgendaPrint({ weekId }: { weekId: WeekId }) {
  const agenda = useSignal<Agenda | null>(null);
  const error = useSignal<string | null>(null);
  const copied = useSignal<string | null>(null);
  const drawn = useSignal(false);
  const doc = useRef<HTMLDivElement>(null);
  useEffect(() => {
    Promise.all([getDb(), import('@/lib/io/csv-export'), import('@/lib/io/agenda')])
      .then(async ([db, { loadWeekData }, { buildAgenda }]) => buildAgenda(await loadWeekData(db, weekId, Date.now(), { contacts: 'keys' })))
      .then((a) => {
        agenda.value = a;
        document.title = a.title;
      })
      .catch((e: Error) => (error.value = e.message));
  }, [weekId]);
  useEffect(() => {
    if (!agenda.value || !doc.current) return;
    doc.current.replaceChildren(agendaDom(document, agenda.value));
    drawn.value = true;
    // Once drawn: the print dialog is what "Print agenda" promised.
    const t = setTimeout(() => window.print(), 100);
    return () => clearTimeout(t);
  }, [agenda.value]);
  const copy = async (how: (a: Agenda) => Promise<string>) => {
    try {
      copied.value = await how(agenda.value!);
    } catch (e) {
      copied.value = t('week.agenda.copyFailed', { error: (e as Error).message });
    }
  };
  if (error.value) return <p class="status error" role="alert">{error.value}</p>;
  return (
    // The test id once the agenda is drawn: "there" means "there to read".
    <main class="agenda" data-testid={drawn.value ? 'agenda-print' : undefined}>
      {!agenda.value && <p>{t('week.agenda.preparing')}</p>}
      {agenda.value && (
        <div class="row no-print" role="toolbar" aria-label={t('week.agenda.toolbar')}>
          <button class="primary" onClick={() => window.print()}>{t('week.agenda.print')}</button>
          <button data-testid="agenda-copy-rich" onClick={() => void copy(copyAgendaRich)}>{t('week.agenda.copyRich')}</button>
          <button data-testid="agenda-copy-md" onClick={() => void copy(copyAgendaMarkdown)}>{t('week.agenda.copyMarkdown')}</button>
          <span role="status" class="muted" data-testid="agenda-copied">{copied.value ?? ''}</span>
        </div>
      )}
      <div ref={doc} />
    </main>
  );
}
