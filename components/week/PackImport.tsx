import { useSignal } from '@preact/signals';
import { getDb } from '@/lib/db/db';
import type { WeekId } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import type { PackFileError, PackImportResult } from '@/lib/io/pack-import';
import { packFileProblemText, packRowProblemText } from '@/lib/io/problem-text';
import { formatNumber, t } from '@/lib/i18n';
import { FilePicker } from '../FilePicker';

/**
 * The marketing pack comes back: pick the filled file; the tasks with a link or a note become ticks
 * (with who, when and "from the marketing pack"), rows with a problem are listed by sheet row.
 */
export function PackImport({ weekId }: { weekId: WeekId }) {
  const result = useSignal<PackImportResult | null>(null);
  const error = useSignal<string | null>(null);
  /** The file being imported, while it is. */
  const busy = useSignal<string | null>(null);
  const onFile = async (file: File) => {
    busy.value = file.name;
    error.value = null;
    result.value = null;
    try {
      const [{ importMarketingPack }, settings] = await Promise.all([import('@/lib/io/pack-import'), send('getSettings', {})]);
      result.value = await importMarketingPack(await getDb(), weekId, file, settings.yourName || 'Someone');
      if (result.value.ticked) await send('announceChange', { stores: ['ticks'], ticks: result.value.tickIds });
    } catch (e) {
      // The module is loaded on demand, so the refusal is told by its name, not instanceof.
      error.value = (e as Error).name === 'PackFileError' ? packFileProblemText((e as PackFileError).problem) : (e as Error).message;
    } finally {
      busy.value = null;
    }
  };
  const r = result.value;
  return (
    <div class="actions" role="group" aria-label={t('week.pack.label')} data-testid="pack-import">
      <label>
        {t('week.pack.file')}{' '}
        <FilePicker accept=".csv,text/csv" testId="pack-import-file" disabled={busy.value !== null} onFile={(f) => void onFile(f)} />
      </label>
      {busy.value !== null && <span class="muted" role="status" data-testid="pack-import-busy">{t('week.pack.importing', { file: busy.value })}</span>}
      {r && (
        <div role="status" data-testid="pack-import-result">
          <p>
            {t('week.pack.ticked', r.ticked, { count: formatNumber(r.ticked) })}
            {r.alreadyDone ? t('week.pack.alreadyDone', { count: formatNumber(r.alreadyDone) }) : ''}
            {r.errors.length ? t('week.pack.rowErrors', r.errors.length, { count: formatNumber(r.errors.length) }) : '.'}
          </p>
          {r.errors.length > 0 && (
            <ul data-testid="pack-import-errors">
              {r.errors.map((e) => (
                <li key={e.row}>{t('week.pack.rowError', { row: formatNumber(e.row), message: packRowProblemText(e.problem) })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}
