/**
 * A backup restore or a colleague's bundle merged, driven by messages: the options page's worker
 * (`restore.worker.ts`) runs it, so reading, checking and writing a big file never hold the
 * page's main thread. Why: in the page, a backup of 50,000 accounts and 100,000 contacts held it
 * for up to 680 ms at a time, ~1.6 s in all, with no progress and no way to stop it.
 *
 * Cancel: writing aborts its one transaction, so the data stays exactly as it was. Reading and
 * checking a file is one synchronous step; a cancel then waits for it, and the page ends the
 * worker if it has not answered within its grace (lib/io/worker-job.ts), which changes nothing.
 */
import type { MergeCounts } from '../../db/apply-records';
import type { DB } from '../../db/db';
import { mergeBundle, parseBackup, readBundleFile } from '../bundle';
import { writeBackup, type RestoredCounts } from '../csv-export';

export type RestoreKind = 'restore' | 'merge';
export type RestorePhase = 'reading' | 'writing';

/** From the page to the worker. */
export type RestoreRequest = { type: RestoreKind; file: Blob } | { type: 'cancel' };

/** From the worker to the page. */
export type RestoreEvent =
  /** `fraction` while writing; reading and checking a file is one step, with no share to show. */
  | { type: 'progress'; phase: RestorePhase; fraction?: number }
  | { type: 'restored'; counts: RestoredCounts }
  | { type: 'merged'; counts: MergeCounts; weekId: string; exportedBy: string }
  | { type: 'failed'; message: string; cancelled: boolean };

/** Four redraws a second at most, as the CSV import's (lib/io/import/session.ts). */
const PROGRESS_EVERY_MS = 250;

export class RestoreSession {
  private readonly abort = new AbortController();
  private lastProgress = 0;
  private started = false;

  constructor(
    private readonly db: () => Promise<DB>,
    private readonly post: (e: RestoreEvent) => void,
  ) {}

  async handle(msg: RestoreRequest): Promise<void> {
    if (msg.type === 'cancel') return void this.abort.abort();
    // One file per worker: the page starts a new one for the next file.
    if (this.started) return;
    this.started = true;
    const signal = this.abort.signal;
    const onProgress = (fraction: number) => this.progress(fraction);
    try {
      this.post({ type: 'progress', phase: 'reading' });
      if (msg.type === 'restore') {
        // Checked whole before anything is written.
        const backup = parseBackup(await msg.file.text());
        if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
        this.post({ type: 'progress', phase: 'writing', fraction: 0 });
        this.post({ type: 'restored', counts: await writeBackup(await this.db(), backup, { signal, onProgress }) });
      } else {
        const bundle = await readBundleFile(msg.file);
        if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
        this.post({ type: 'progress', phase: 'writing', fraction: 0 });
        const counts = await mergeBundle(await this.db(), bundle, { signal, onProgress });
        this.post({ type: 'merged', counts, weekId: bundle.weekId, exportedBy: bundle.exportedBy });
      }
    } catch (e) {
      this.post({ type: 'failed', cancelled: signal.aborted, message: (e as Error)?.message ?? String(e) });
    }
  }

  private progress(fraction: number) {
    const now = performance.now();
    if (now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    this.post({ type: 'progress', phase: 'writing', fraction });
  }
}
