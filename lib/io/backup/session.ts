/**
 * The options page's jobs on whole data files, driven by messages: a full backup exported, a
 * backup restored, a colleague's bundle merged. The page's worker (`backup.worker.ts`) runs
 * them, so reading, checking, writing and serialising a big file never hold the page's main
 * thread. Why: in the page, restoring 50,000 accounts and 100,000 contacts held it for up to
 * 680 ms at a time, and exporting 60,000 accounts' backup for up to 435 ms, with no progress and
 * no way to stop either (BENCHMARKS.md "Backups and bundles in a worker").
 *
 * Cancel: writing aborts its one transaction, so the data stays exactly as it was. Reading and
 * checking a file is one synchronous step; a cancel then waits for it, and the page ends the
 * worker if it has not answered within its grace (lib/io/worker-job.ts), which changes nothing.
 */
import type { MergeCounts } from '../../db/apply-records';
import type { DB } from '../../db/db';
import { mergeBundle, parseBackup, readBundleFile } from '../bundle';
import { fullBackup, writeBackup, type RestoredCounts } from '../csv-export';
import { utf8Bytes } from '../utf8';

export type BackupKind = 'export' | 'restore' | 'merge';
/** Reading: the database (an export) or the file, read and checked (a restore, a merge). */
export type BackupPhase = 'reading' | 'writing';

/** From the page to the worker. */
export type BackupRequest = { type: 'export' } | { type: 'restore' | 'merge'; file: Blob } | { type: 'cancel' };

/** From the worker to the page. */
export type BackupEvent =
  /** `fraction` while writing; reading and checking is one step, with no share to show. */
  | { type: 'progress'; phase: BackupPhase; fraction?: number }
  /** The backup file's UTF-8 bytes (transferred, not copied). */
  | { type: 'exported'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'restored'; counts: RestoredCounts }
  | { type: 'merged'; counts: MergeCounts; weekId: string; exportedBy: string }
  | { type: 'failed'; message: string; cancelled: boolean };

/** Four redraws a second at most, as the CSV import's (lib/io/import/session.ts). */
const PROGRESS_EVERY_MS = 250;

export class BackupSession {
  private readonly abort = new AbortController();
  private lastProgress = 0;
  private started = false;

  /** `post`'s `transfer`: buffers moved to the page rather than copied. */
  constructor(
    private readonly db: () => Promise<DB>,
    private readonly post: (e: BackupEvent, transfer?: Transferable[]) => void,
  ) {}

  async handle(msg: BackupRequest): Promise<void> {
    if (msg.type === 'cancel') return void this.abort.abort();
    // One job per worker: the page starts a new one for the next.
    if (this.started) return;
    this.started = true;
    const signal = this.abort.signal;
    const cancelled = () => {
      if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    };
    const onProgress = (fraction: number) => this.progress(fraction);
    try {
      this.post({ type: 'progress', phase: 'reading' });
      if (msg.type === 'export') {
        const bytes = utf8Bytes(JSON.stringify(await fullBackup(await this.db())));
        cancelled();
        this.post({ type: 'exported', bytes }, [bytes.buffer]);
      } else if (msg.type === 'restore') {
        // Checked whole before anything is written.
        const backup = parseBackup(await msg.file.text());
        cancelled();
        this.post({ type: 'progress', phase: 'writing', fraction: 0 });
        this.post({ type: 'restored', counts: await writeBackup(await this.db(), backup, { signal, onProgress }) });
      } else {
        const bundle = await readBundleFile(msg.file);
        cancelled();
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
