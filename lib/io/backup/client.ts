/**
 * The options page's side of a backup export, a backup restore or a bundle merge: one dedicated
 * worker per job (`backup.worker.ts`), ended when the job ends so its memory goes with it.
 */
import { WorkerJob } from '../worker-job';
import type { BackupEvent, BackupRequest } from './session';

export class BackupJob {
  private readonly job: WorkerJob<BackupRequest, BackupEvent>;

  constructor(request: Exclude<BackupRequest, { type: 'cancel' }>, onEvent: (e: BackupEvent) => void) {
    this.job = new WorkerJob<BackupRequest, BackupEvent>(
      new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'tiercover-backup' }),
      onEvent,
      (e) => e.type !== 'progress',
      (reason) => ({ type: 'failed', cancelled: reason === undefined, message: reason ?? 'cancelled' }),
    );
    this.job.send(request);
  }

  cancel() {
    this.job.cancel({ type: 'cancel' });
  }
  /** Drop the job without a result (the page is going away). */
  end() {
    this.job.end();
  }
}
