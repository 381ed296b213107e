import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db/db';
import type { WeekId } from '@/lib/domain/schema';
import { download } from '../download';
import { t } from '@/lib/i18n';
import { CrmExportBar } from './CrmExportBar';
import { AudienceExportBar } from './AudienceExportBar';
import { PackImport } from './PackImport';

type Kind = 'sales' | 'marketing' | 'agenda' | 'bundle' | 'copy';

/** The week's files for both teams: sales pack, marketing pack, agenda (print view, rich-text copy), bundle. */
export function ExportBar({ weekId }: { weekId: WeekId }) {
  const error = useSignal<string | null>(null);
  const done = useSignal<string | null>(null);
  const busy = useSignal(false);
  const save = async (kind: Kind) => {
    // The benchmark reads how long an export takes from the click to the file handed to the browser.
    performance.mark('tiercover:export-start');
    busy.value = true;
    error.value = null;
    done.value = null;
    try {
      // The export code (and papaparse, zod) loads on the first export, not with the week.
      const [{ bundle, exportFileName, loadWeekData, marketingPack, salesPack }, { buildAgenda }, { agendaMarkdown }] = await Promise.all([
        import('@/lib/io/csv-export'),
        import('@/lib/io/agenda'),
        import('@/lib/io/agenda-markdown'),
      ]);
      // Only the bundle carries every contact; the packs and the agenda need the key contacts and
      // each account's coverage summary.
      performance.mark('tiercover:export-read-start');
      const data = await loadWeekData(await getDb(), weekId, Date.now(), { contacts: kind === 'bundle' ? 'all' : 'keys' });
      // The benchmark reads these: how much of an export is reading the week.
      performance.measure('tiercover:export-read', 'tiercover:export-read-start');
      if (kind === 'copy') {
        const { copyAgendaRich } = await import('./copyAgenda');
        done.value = await copyAgendaRich(buildAgenda(data));
        return;
      }
      const file = exportFileName(kind, weekId);
      if (kind === 'sales') download(file, salesPack(data), 'text/csv;charset=utf-8');
      if (kind === 'marketing') download(file, marketingPack(data), 'text/csv;charset=utf-8');
      if (kind === 'agenda') download(file, agendaMarkdown(buildAgenda(data)), 'text/markdown;charset=utf-8');
      // Without indentation, as the backup: a file for Tiercover to read (a fifth smaller, and
      // quicker to make and hand to the browser: ~5 MB for 1,000 targets).
      if (kind === 'bundle') download(file, JSON.stringify(bundle({ ...data, exportedBy: data.settings.yourName })), 'application/json');
      performance.measure('tiercover:export', 'tiercover:export-start');
    } catch (e) {
      error.value = kind === 'copy' ? t('week.export.copyFailed', { error: (e as Error).message }) : t('week.export.failed', { error: (e as Error).message });
    } finally {
      busy.value = false;
    }
  };
  return (
    <div class="export-bars">
    <div class="actions" role="group" aria-label={t('week.export.group')} data-testid="export-bar">
      <span class="muted">{t('week.export.label')}</span>
      <button class="btn" disabled={busy.value} data-testid="export-sales" onClick={() => void save('sales')}>{t('week.export.sales')}</button>
      <button class="btn" disabled={busy.value} data-testid="export-marketing" onClick={() => void save('marketing')}>{t('week.export.marketing')}</button>
      <button class="btn" disabled={busy.value} data-testid="export-agenda" onClick={() => void save('agenda')}>{t('week.export.agenda')}</button>
      <button class="btn" disabled={busy.value} data-testid="export-copy-rich" onClick={() => void save('copy')}>{t('week.export.copyRich')}</button>
      <a class="btn" data-testid="export-print" href={`${browser.runtime.getURL('/app.html')}?print=${weekId}`} target="_blank" rel="noopener">{t('week.export.print')}</a>
      <button class="btn" disabled={busy.value} data-testid="export-bundle" onClick={() => void save('bundle')}>{t('week.export.bundle')}</button>
      {done.value && <span class="muted" role="status">{done.value}</span>}
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
    <CrmExportBar weekId={weekId} />
    <AudienceExportBar weekId={weekId} />
    <PackImport weekId={weekId} />
    </div>
  );
}
