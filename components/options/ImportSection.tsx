import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { fieldsFor, type ColumnMapping, type FieldKey, type ImportKind } from '@/lib/io/csv-columns';
import { formatNumber, t } from '@/lib/i18n';
import { ImportJob } from '@/lib/io/import/client';
import type { ImportEvent, ImportSummary } from '@/lib/io/import/session';
import { toCsv } from '@/lib/io/csv-export';
import { send } from '@/lib/messaging/client';
import { download } from '../download';

type RowProblem = { row: number; message: string };
type Stage =
  | { step: 'idle' }
  | { step: 'reading'; file: string; rows: number; fraction: number }
  | { step: 'planning'; file: string; fraction: number }
  | { step: 'preview'; file: string; headers: string[]; sample: string[][]; rowCount: number; mapping: ColumnMapping }
  | { step: 'confirm'; file: string; summary: ImportSummary }
  | { step: 'writing'; file: string; done: number; total: number }
  | { step: 'cancelling'; file: string }
  | { step: 'done'; file: string; text: string; errors: RowProblem[] }
  | { step: 'failed'; file: string; text: string; errors: RowProblem[] };

const fmt = (n: number) => n.toLocaleString('en-US');

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
        stage.value = { step: 'done', file, text: `${file}: ${fmt(e.added)} added, ${fmt(e.merged)} merged, ${fmt(e.skipped)} skipped.`, errors: e.errors };
        return;
      case 'failed':
        job.current = undefined;
        stage.value = { step: 'failed', file, text: `${file}: ${e.message}. Nothing was written.`.replace('.. ', '. '), errors: e.errors };
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
      <h2 id="import-h">Import accounts and contacts</h2>
      <p class="muted">
        CSV exports from Salesforce (reports or Data Export), HubSpot, Sales Navigator or LinkedIn. UTF-8 or UTF-16, comma,
        semicolon or tab. A <code>Tier</code> column (Tier 1–4, Global) sets tier overrides, credited to the file: you see how many
        before anything is written. Existing records are merged by CRM
        id, LinkedIn, website domain, then name; nothing is ever overwritten, only filled in.
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
          Drop a CSV file here, or{' '}
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const f = input.files?.[0];
              input.value = '';
              if (f) start(f);
            }}
          />
        </label>
      </div>

      {busy && (
        <div class="row" data-testid="import-progress" role="status" data-phase={s.step}>
          <progress max={1} value={progressOf(s)} data-testid="import-progress-bar" />
          <span>{progressText(s)}</span>
          <button type="button" data-testid="import-cancel" disabled={s.step === 'cancelling'} onClick={cancel}>Cancel</button>
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
                {fmt(s.errors.length)} row{s.errors.length === 1 ? '' : 's'} had problems.{' '}
                <button
                  type="button"
                  data-testid="import-errors-download"
                  onClick={() => download(`${s.file.replace(/\.[^.]+$/, '')}-row-errors.csv`, toCsv(['Row', 'Problem'], s.errors.map((x) => [x.row, x.message])), 'text/csv')}
                >
                  Download the row errors
                </button>
              </p>
              <ul data-testid="import-errors">
                {s.errors.slice(0, 10).map((x) => (
                  <li key={`${x.row}-${x.message}`}>{x.message.startsWith(`Row ${x.row}`) ? x.message : `Row ${x.row}: ${x.message}`}</li>
                ))}
                {s.errors.length > 10 && <li>… and {fmt(s.errors.length - 10)} more in the download</li>}
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
      return `Reading ${s.file}: ${fmt(s.rows)} rows…`;
    case 'planning':
      return t('import.progress.matching', { file: s.file, percent: formatNumber(Math.round(s.fraction * 100)) });
    case 'writing':
      return `Saving ${fmt(s.done)} of ${fmt(s.total)} records…`;
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
        <b>{stage.file}</b>: {fmt(rowCount)} rows. Some columns were not recognised: choose what each column holds, or
        ignore it.
      </p>
      <label>
        These rows are{' '}
        <select value={m.kind} data-testid="import-kind" onChange={(e) => (mapping.value = { ...m, kind: (e.target as HTMLSelectElement).value as ImportKind })}>
          <option value="accounts">accounts (companies)</option>
          <option value="contacts">contacts (people)</option>
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
                    aria-label={`Column ${h}`}
                    data-testid={`map-${i}`}
                    value={m.mapping[i] ?? ''}
                    onChange={(e) => {
                      const v = (e.target as HTMLSelectElement).value;
                      mapping.value = { ...m, mapping: { ...m.mapping, [i]: (v || null) as FieldKey | null } };
                    }}
                  >
                    <option value="">Ignore</option>
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
          Import {fmt(rowCount)} rows
        </button>
        <button onClick={onCancel}>Cancel</button>
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
    <div data-testid="import-confirm-overrides" role="group" aria-label={`Import ${file}`}>
      <p>
        <b>{file}</b>: will add {fmt(accounts.added + contacts.added)} and merge {fmt(accounts.merged + contacts.merged)} records.
      </p>
      <p data-testid="import-overrides">
        Will set {fmt(set)} tier override{set === 1 ? '' : 's'} from its <code>Tier</code> column, credited to “CSV import: {file}” and
        today&apos;s date.{kept > 0 ? ` ${fmt(kept)} account${kept === 1 ? ' already has an override and keeps it' : 's already have an override and keep it'}.` : ''}
      </p>
      <div class="row">
        <button class="primary" data-testid="import-confirm" autoFocus onClick={onImport}>Import and set {fmt(set)} override{set === 1 ? '' : 's'}</button>
        <button onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}
