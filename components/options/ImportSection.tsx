import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { fieldsFor, type ColumnMapping, type FieldKey, type ImportKind } from '@/lib/io/csv-columns';
import { formatNumber, t } from '@/lib/i18n';
import { ImportJob } from '@/lib/io/import/client';
import { fileProblemText, rowProblemText } from '@/lib/io/problem-text';
import type { RowError } from '@/lib/io/import/parse';
import type { ImportEvent, ImportSummary } from '@/lib/io/import/session';
import { toCsv } from '@/lib/io/csv-export';
import { send } from '@/lib/messaging/client';
import { download } from '../download';
import { FilePicker } from '../FilePicker';
import { rich } from '../rich';

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; file: string; rows: number; fraction: number }
  | { step: 'planning'; file: string; fraction: number }
  | { step: 'preview'; file: string; headers: string[]; sample: string[][]; rowCount: number; mapping: ColumnMapping }
  | { step: 'confirm'; file: string; summary: ImportSummary }
  | { step: 'writing'; file: string; done: number; total: number }
  | { step: 'cancelling'; file: string }
  | { step: 'done'; file: string; text: string; errors: RowError[] }
  | { step: 'failed'; file: string; text: string; errors: RowError[] };

const fmt = formatNumber;

/**
 * Import accounts or contacts from a CRM or LinkedIn CSV: recognised columns import in one step,
 * anything else is mapped by hand in a preview. All or nothing; row errors are listed and can be
 * downloaded. The work runs in a worker (`lib/io/import/`), so this page stays responsive and
 * Cancel is heard at once; the job lives in a ref, not in the render, so a redraw never forgets it.
 */
export function ImportSection() {
  const stage = useSignal<Stage>({ step: 'idle' });
  const dragging = useSignal(false);
  const job = useRef<ImportJob | undefined>(undefined);
  useEffect(() => () => job.current?.end(), []);

  function onEvent(file: string, e: ImportEvent) {
    switch (e.type) {
      case 'progress':
        if (stage.value.step === 'cancelling') return;
        if (e.phase === 'reading') stage.value = { step: 'reading', file, rows: e.rows ?? 0, fraction: e.fraction };
        else if (e.phase === 'planning') stage.value = { step: 'planning', file, fraction: e.fraction };
        else stage.value = { step: 'writing', file, done: e.done ?? 0, total: e.total ?? 0 };
        return;
      case 'preview':
        stage.value = { step: 'preview', file, headers: e.headers, sample: e.sample, rowCount: e.rowCount, mapping: e.mapping };
        return;
      case 'confirm':
        stage.value = { step: 'confirm', file, summary: e.summary };
        return;
      case 'done':
        job.current = undefined;
        void send('announceChange', { stores: ['accounts', 'contacts'] }).catch(() => undefined);
        stage.value = { step: 'done', file, text: t('options.import.done', { file, added: fmt(e.added), merged: fmt(e.merged), skipped: fmt(e.skipped) }), errors: e.errors };
        return;
      case 'failed':
        job.current = undefined;
        stage.value = { step: 'failed', file, text: e.cancelled ? t('options.import.cancelled', { file }) : t('options.import.failed', { file, error: e.problem ? fileProblemText(e.problem) : e.message.replace(/\.$/, '') }), errors: e.errors };
    }
  }

  function start(f: File) {
    job.current?.end();
    const j = new ImportJob((e) => onEvent(f.name, e));
    job.current = j;
    stage.value = { step: 'reading', file: f.name, rows: 0, fraction: 0 };
    j.read(f);
  }

  function cancel() {
    const s = stage.value;
    if (!job.current || s.step === 'idle' || s.step === 'done' || s.step === 'failed') return;
    stage.value = { step: 'cancelling', file: s.file };
    job.current.cancel();
  }

  /** Leave a preview or a confirmation: nothing was written, the worker goes. */
  function dismiss() {
    job.current?.end();
    job.current = undefined;
    stage.value = { step: 'idle' };
  }

  const s = stage.value;
  const busy = s.step === 'reading' || s.step === 'planning' || s.step === 'writing' || s.step === 'cancelling';
  return (
    <section class="card" aria-labelledby="import-h">
      <h2 id="import-h">{t('options.import.heading')}</h2>
      <p class="muted">
        {rich(t('options.import.intro', { tier: '{tier}' }), { tier: <code>Tier</code> })}
      </p>
      <div
        class={`dropzone${dragging.value ? ' over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          dragging.value = true;
        }}
        onDragLeave={() => (dragging.value = false)}
        onDrop={(e) => {
          e.preventDefault();
          dragging.value = false;
          const f = e.dataTransfer?.files?.[0];
          if (f && !busy) start(f);
        }}
      >
        <label>
          {t('options.import.drop')}{' '}
          <FilePicker accept=".csv,.tsv,.txt,text/csv,text/plain" testId="import-file" disabled={busy} onFile={start} />
        </label>
      </div>

      {busy && (
        <div class="row" data-testid="import-progress" role="status" data-phase={s.step}>
          <progress max={1} value={progressOf(s)} data-testid="import-progress-bar" />
          <span>{progressText(s)}</span>
          <button type="button" data-testid="import-cancel" disabled={s.step === 'cancelling'} onClick={cancel}>{t('common.cancel')}</button>
        </div>
      )}

      {s.step === 'preview' && <Preview stage={s} onImport={(m) => { stage.value = { step: 'planning', file: s.file, fraction: 0 }; job.current?.plan(m); }} onCancel={dismiss} />}

      {s.step === 'confirm' && <ConfirmOverrides stage={s} onImport={() => { stage.value = { step: 'writing', file: s.file, done: 0, total: 0 }; job.current?.apply(); }} onCancel={dismiss} />}

      {(s.step === 'done' || s.step === 'failed') && (
        <div data-testid="import-result">
          <p class={`status ${s.step === 'done' ? 'ok' : 'error'}`} role={s.step === 'failed' ? 'alert' : 'status'}>{s.text}</p>
          {s.errors.length > 0 && (
            <>
              <p>
                {t('options.import.problems', s.errors.length, { count: fmt(s.errors.length) })}{' '}
                <button
                  type="button"
                  data-testid="import-errors-download"
                  onClick={() => download(`${s.file.replace(/\.[^.]+$/, '')}-row-errors.csv`, toCsv([t('options.import.rowColumn'), t('options.import.problemColumn')], s.errors.map((x) => [x.row, rowProblemText(x.row, x.problem)])), 'text/csv')}
                >
                  {t('options.import.downloadErrors')}
                </button>
              </p>
              <ul data-testid="import-errors">
                {s.errors.slice(0, 10).map((x) => (
                  <li key={`${x.row}-${x.problem.code}`}>{rowProblemText(x.row, x.problem)}</li>
                ))}
                {s.errors.length > 10 && <li>{t('options.import.more', { count: fmt(s.errors.length - 10) })}</li>}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function progressOf(s: Stage): number {
  if (s.step === 'reading' || s.step === 'planning') return s.fraction;
  if (s.step === 'writing') return s.total ? s.done / s.total : 0;
  return 0;
}

function progressText(s: Stage): string {
  switch (s.step) {
    case 'reading':
      return t('options.import.reading', { file: s.file, rows: fmt(s.rows) });
    case 'planning':
      return t('import.progress.matching', { file: s.file, percent: formatNumber(Math.round(s.fraction * 100)) });
    case 'writing':
      return t('options.import.saving', { done: fmt(s.done), total: fmt(s.total) });
    case 'cancelling':
      return t('import.progress.cancelling', { file: s.file });
    default:
      return '';
  }
}

function Preview({ stage, onImport, onCancel }: { stage: Extract<Stage, { step: 'preview' }>; onImport: (m: ColumnMapping) => void; onCancel: () => void }) {
  const mapping = useSignal<ColumnMapping>(stage.mapping);
  const m = mapping.value;
  const fields = fieldsFor(m.kind);
  const { headers, sample, rowCount } = stage;
  return (
    <div data-testid="import-preview">
      <p>
        {rich(t('options.import.unrecognised', { file: '{file}', rows: fmt(rowCount) }), { file: <b>{stage.file}</b> })}
      </p>
      <label>
        {t('options.import.rowsAre')}{' '}
        <select value={m.kind} data-testid="import-kind" onChange={(e) => (mapping.value = { ...m, kind: (e.target as HTMLSelectElement).value as ImportKind })}>
          <option value="accounts">{t('options.import.kindAccounts')}</option>
          <option value="contacts">{t('options.import.kindContacts')}</option>
        </select>
      </label>
      <div style={{ overflowX: 'auto' }}>
        <table>
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={i}>
                  <div>{h}</div>
                  <select
                    aria-label={t('options.import.column', { name: h })}
                    data-testid={`map-${i}`}
                    value={m.mapping[i] ?? ''}
                    onChange={(e) => {
                      const v = (e.target as HTMLSelectElement).value;
                      mapping.value = { ...m, mapping: { ...m.mapping, [i]: (v || null) as FieldKey | null } };
                    }}
                  >
                    <option value="">{t('options.import.ignore')}</option>
                    {Object.entries(fields).map(([k, label]) => (
                      <option key={k} value={k}>{label}</option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((r, ri) => (
              <tr key={ri}>
                {headers.map((_, i) => (
                  <td key={i}>{(r[i] ?? '').slice(0, 80)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="row" style={{ marginTop: '8px' }}>
        <button class="primary" data-testid="import-confirm" onClick={() => onImport({ ...m, unrecognised: [] })}>
          {t('options.import.importRows', rowCount, { count: fmt(rowCount) })}
        </button>
        <button onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}

/** Before a file sets tier overrides: how many, credited to what, and what stays as it is. */
function ConfirmOverrides({ stage, onImport, onCancel }: { stage: Extract<Stage, { step: 'confirm' }>; onImport: () => void; onCancel: () => void }) {
  const { summary, file } = stage;
  const { set, kept } = summary.tierOverrides;
  const { accounts, contacts } = summary.detail;
  return (
    <div data-testid="import-confirm-overrides" role="group" aria-label={t('options.import.importFile', { file })}>
      <p>
        {rich(t('options.import.willAdd', { file: '{file}', added: fmt(accounts.added + contacts.added), merged: fmt(accounts.merged + contacts.merged) }), { file: <b>{file}</b> })}
      </p>
      <p data-testid="import-overrides">
        {rich(t('options.import.willSet', set, { count: fmt(set), tier: '{tier}', file }), { tier: <code>Tier</code> })}
        {kept > 0 ? ` ${t('options.import.kept', kept, { count: fmt(kept) })}` : ''}
      </p>
      <div class="row">
        <button class="primary" data-testid="import-confirm" autoFocus onClick={onImport}>{t('options.import.importAndSet', set, { count: fmt(set) })}</button>
        <button onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}
