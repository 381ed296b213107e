/**
 * One import, driven by messages: the options page's worker (`import.worker.ts`) runs this, so
 * reading, planning and writing never hold the page's main thread. The page sends the file and
 * its choices; this side keeps the parsed rows and the plan (they never cross back to the page:
 * only progress, a preview of five rows, the plan's counts and the result do).
 *
 * Cancel: reading and planning stop at their next pause (~50 ms); writing aborts its one
 * transaction, so the data stays exactly as it was. A cancel that arrives after the transaction
 * committed is too late, and the result says what was written.
 */
import { isQuotaError, type DB } from '../../db/db';
import type { ColumnMapping } from '../csv-columns';
import { applyImport } from './apply';
import { dbLookups } from './lookups';
import { CsvError, parseCsv, type ParsedCsv, type RowError } from './parse';
import type { FileProblem } from './problems';
import { planImport, type ImportPlan } from './plan';

export type ImportPhase = 'reading' | 'planning' | 'writing';

/** From the page to the worker. */
export type ImportRequest =
  | { type: 'read'; file: Blob; name: string }
  /** Plan with the columns the user mapped (after a preview). */
  | { type: 'plan'; mapping: ColumnMapping }
  /** Write the plan the user confirmed (tier overrides). */
  | { type: 'apply' }
  | { type: 'cancel' };

export interface ImportSummary {
  tierOverrides: ImportPlan['tierOverrides'];
  detail: ImportPlan['detail'];
}

/** From the worker to the page. */
export type ImportEvent =
  | { type: 'progress'; phase: ImportPhase; fraction: number; rows?: number; done?: number; total?: number }
  /** Some columns were not recognised: the page shows them and the first rows. */
  | { type: 'preview'; headers: string[]; sample: string[][]; rowCount: number; mapping: ColumnMapping }
  /** The plan sets tier overrides: the page asks for a yes first. */
  | { type: 'confirm'; summary: ImportSummary }
  | { type: 'done'; added: number; merged: number; skipped: number; errors: RowError[] }
  /** `problem` when the file was refused for a reason the page can word; `message` otherwise. */
  | { type: 'failed'; message: string; problem?: FileProblem; cancelled: boolean; errors: RowError[] };

/** Four redraws a second: the bar keeps moving, and the page has as little to do as it can. */
const PROGRESS_EVERY_MS = 250;

export class ImportSession {
  private abort = new AbortController();
  private parsed?: ParsedCsv;
  private plan?: ImportPlan;
  private name = '';
  private lastProgress = 0;
  /** Set once a result has been sent: later messages are ignored. */
  private finished = false;

  constructor(
    private readonly db: () => Promise<DB>,
    private readonly post: (e: ImportEvent) => void,
  ) {}

  handle(msg: ImportRequest): Promise<void> {
    switch (msg.type) {
      case 'read':
        return this.guard(() => this.read(msg.file, msg.name));
      case 'plan':
        return this.guard(() => this.prepare(msg.mapping));
      case 'apply':
        return this.guard(() => this.save());
      case 'cancel':
        this.abort.abort();
        return Promise.resolve();
    }
  }

  private progress(e: Extract<ImportEvent, { type: 'progress' }>, force = false) {
    const now = performance.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.post(e);
  }

  private finish(e: Extract<ImportEvent, { type: 'done' | 'failed' }>) {
    if (this.finished) return;
    this.finished = true;
    this.post(e);
  }

  private async guard(step: () => Promise<void>) {
    if (this.finished) return;
    try {
      if (this.abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      await step();
    } catch (e) {
      const cancelled = (e as Error)?.name === 'AbortError' || this.abort.signal.aborted;
      const problem: FileProblem | undefined = e instanceof CsvError ? e.problem : isQuotaError(e) ? { code: 'storageFull' } : undefined;
      this.finish({ type: 'failed', cancelled, message: cancelled ? 'import cancelled' : ((e as Error)?.message ?? String(e)), problem, errors: this.parsed?.errors ?? [] });
    }
  }

  private async read(file: Blob, name: string) {
    this.name = name;
    this.progress({ type: 'progress', phase: 'reading', fraction: 0, rows: 0 }, true);
    const parsed = await parseCsv(file, {
      signal: this.abort.signal,
      onProgress: (rows, fraction) => this.progress({ type: 'progress', phase: 'reading', fraction, rows }),
    });
    this.parsed = parsed;
    if (parsed.mapping.unrecognised.length === 0 && parsed.rows.length > 0) return this.prepare(parsed.mapping);
    this.post({ type: 'preview', headers: parsed.headers, sample: parsed.rows.slice(0, 5), rowCount: parsed.rows.length, mapping: parsed.mapping });
  }

  /** Plan; a file that would set tier overrides waits for a yes, anything else is written at once. */
  private async prepare(mapping: ColumnMapping) {
    const parsed = this.parsed;
    if (!parsed) throw new Error('No file was read');
    this.progress({ type: 'progress', phase: 'planning', fraction: 0 }, true);
    const plan = await planImport(parsed.rows, mapping, dbLookups(await this.db()), {
      sourceFile: this.name,
      rowNumbers: parsed.rowNumbers,
      signal: this.abort.signal,
      onProgress: (fraction) => this.progress({ type: 'progress', phase: 'planning', fraction }),
    });
    this.plan = plan;
    // The rows are in the plan now; let the text go.
    parsed.rows = [];
    if (plan.tierOverrides.set > 0) this.post({ type: 'confirm', summary: { tierOverrides: plan.tierOverrides, detail: plan.detail } });
    else await this.save();
  }

  private async save() {
    const plan = this.plan;
    const parsed = this.parsed;
    if (!plan || !parsed) throw new Error('Nothing was planned');
    const total = plan.accounts.length + plan.contacts.length;
    this.progress({ type: 'progress', phase: 'writing', fraction: 0, done: 0, total }, true);
    const r = await applyImport(await this.db(), plan, {
      signal: this.abort.signal,
      onProgress: (done, fraction) => this.progress({ type: 'progress', phase: 'writing', fraction, done, total }),
    });
    const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    this.finish({ type: 'done', added: r.added, merged: r.merged, skipped: r.skipped + parsed.errors.filter((x) => x.skipped).length, errors });
  }
}
