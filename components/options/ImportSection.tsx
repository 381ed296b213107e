import { useSignal } from '@preact/signals';
import { describeStorageError, getDb } from '@/lib/db/db';
import { fieldsFor, type ColumnMapping, type FieldKey, type ImportKind } from '@/lib/io/csv-columns';
import { applyImport, dbLookups, parseCsv, planImport, type ImportPlan, type ParsedCsv } from '@/lib/io/csv-import';
import { toCsv } from '@/lib/io/csv-export';
import { send } from '@/lib/messaging/client';
import { download } from '../download';
import { formatNumber, t } from '@/lib/i18n';
import { rich } from '../rich';

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; file: string; rows: number; fraction: number }
  | { step: 'preview'; file: string; parsed: ParsedCsv; mapping: ColumnMapping }
  | { step: 'confirm'; file: string; parsed: ParsedCsv; plan: ImportPlan }
  | { step: 'writing'; file: string; done: number; total: number }
  | { step: 'done'; file: string; text: string; errors: { row: number; message: string }[] }
  | { step: 'failed'; file: string; text: string; errors: { row: number; message: string }[] };

const fmt = formatNumber;

/**
 * Import accounts or contacts from a CRM or LinkedIn CSV: recognised columns import in one step,
 * anything else is mapped by hand in a preview. All or nothing; row errors are listed and can be
 * downloaded. Runs in this page (the extension's own origin), in one IndexedDB transaction.
 */
export function ImportSection() {
  const stage = useSignal<Stage>({ step: 'idle' });
  const dragging = useSignal(false);
  let abort: AbortController | undefined;

  /**
   * Plan the import; a file that would set tier overrides says so and waits for a yes first
   * (they change tiers everyone sees), anything else is written at once.
   */
  async function prepare(file: string, parsed: ParsedCsv, mapping: ColumnMapping) {
    try {
      const plan = await planImport(parsed.rows, mapping, dbLookups(await getDb()), { sourceFile: file, rowNumbers: parsed.rowNumbers });
      if (plan.tierOverrides.set > 0) stage.value = { step: 'confirm', file, parsed, plan };
      else await write(file, parsed, plan);
    } catch (e) {
      stage.value = { step: 'failed', file, text: t('options.import.storageFailed', { file, error: describeStorageError(e) }), errors: parsed.errors };
    }
  }

  async function write(file: string, parsed: ParsedCsv, plan: ImportPlan) {
    abort = new AbortController();
    const signal = abort.signal;
    try {
      const db = await getDb();
      const total = plan.accounts.length + plan.contacts.length;
      stage.value = { step: 'writing', file, done: 0, total };
      const r = await applyImport(db, plan, { signal, onProgress: (done: number) => (stage.value = { step: 'writing', file, done, total }) });
      const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
      void send('announceChange', { stores: ['accounts', 'contacts'] }).catch(() => undefined);
      stage.value = {
        step: 'done',
        file,
        text: t('options.import.done', { file, added: fmt(r.added), merged: fmt(r.merged), skipped: fmt(r.skipped + parsed.errors.filter((x) => x.skipped).length) }),
        errors,
      };
    } catch (e) {
      const cancelled = (e as Error)?.name === 'AbortError';
      stage.value = {
        step: 'failed',
        file,
        text: cancelled ? t('options.import.cancelled', { file }) : t('options.import.storageFailed', { file, error: describeStorageError(e) }),
        errors: parsed.errors,
      };
    }
  }

  async function start(f: File) {
    abort = new AbortController();
    stage.value = { step: 'reading', file: f.name, rows: 0, fraction: 0 };
    try {
      const parsed = await parseCsv(f, { signal: abort.signal, onProgress: (rows, fraction) => (stage.value = { step: 'reading', file: f.name, rows, fraction }) });
      if (parsed.mapping.unrecognised.length === 0 && parsed.rows.length > 0) await prepare(f.name, parsed, parsed.mapping);
      else stage.value = { step: 'preview', file: f.name, parsed, mapping: parsed.mapping };
    } catch (e) {
      const cancelled = (e as Error)?.name === 'AbortError';
      stage.value = { step: 'failed', file: f.name, text: cancelled ? t('options.import.cancelled', { file: f.name }) : t('options.import.failed', { file: f.name, error: (e as Error).message.replace(/\.$/, '') }), errors: [] };
    }
  }

  const s = stage.value;
  const busy = s.step === 'reading' || s.step === 'writing';
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
          if (f && !busy) void start(f);
        }}
      >
        <label>
          {t('options.import.drop')}{' '}
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            data-testid="import-file"
            disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const f = input.files?.[0];
              input.value = '';
              if (f) void start(f);
            }}
          />
        </label>
      </div>

      {busy && (
        <div class="row" data-testid="import-progress" role="status">
          <progress max={1} value={s.step === 'reading' ? s.fraction : s.total ? s.done / s.total : 0} />
          <span>{s.step === 'reading' ? t('options.import.reading', { file: s.file, rows: fmt(s.rows) }) : t('options.import.saving', { done: fmt(s.done), total: fmt(s.total) })}</span>
          <button type="button" onClick={() => abort?.abort()}>{t('common.cancel')}</button>
        </div>
      )}

      {s.step === 'preview' && <Preview stage={s} onImport={(m) => void prepare(s.file, s.parsed, m)} onCancel={() => (stage.value = { step: 'idle' })} />}

      {s.step === 'confirm' && <ConfirmOverrides stage={s} onImport={() => void write(s.file, s.parsed, s.plan)} onCancel={() => (stage.value = { step: 'idle' })} />}

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
                  onClick={() => download(`${s.file.replace(/\.[^.]+$/, '')}-row-errors.csv`, toCsv(['Row', 'Problem'], s.errors.map((x) => [x.row, x.message])), 'text/csv')}
                >
                  {t('options.import.downloadErrors')}
                </button>
              </p>
              <ul data-testid="import-errors">
                {s.errors.slice(0, 10).map((x) => (
                  <li key={`${x.row}-${x.message}`}>{x.message.startsWith(`Row ${x.row}`) ? x.message : t('options.import.row', { row: x.row, message: x.message })}</li>
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

function Preview({ stage, onImport, onCancel }: { stage: Extract<Stage, { step: 'preview' }>; onImport: (m: ColumnMapping) => void; onCancel: () => void }) {
  const mapping = useSignal<ColumnMapping>(stage.mapping);
  const m = mapping.value;
  const fields = fieldsFor(m.kind);
  const { headers, rows } = stage.parsed;
  return (
    <div data-testid="import-preview">
      <p>
        {rich(t('options.import.unrecognised', { file: '{file}', rows: fmt(rows.length) }), { file: <b>{stage.file}</b> })}
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
            {rows.slice(0, 5).map((r, ri) => (
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
          {t('options.import.importRows', rows.length, { count: fmt(rows.length) })}
        </button>
        <button onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </div>
  );
}

/** Before a file sets tier overrides: how many, credited to what, and what stays as it is. */
function ConfirmOverrides({ stage, onImport, onCancel }: { stage: Extract<Stage, { step: 'confirm' }>; onImport: () => void; onCancel: () => void }) {
  const { plan, file } = stage;
  const { set, kept } = plan.tierOverrides;
  const { accounts, contacts } = plan.detail;
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
