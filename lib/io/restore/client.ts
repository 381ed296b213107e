/**
 * The options page's side of a backup restore or a bundle merge: one dedicated worker per file
 * (`restore.worker.ts`), ended when the job ends so its memory goes with it.
 */
import { WorkerJob } from '../worker-job';
import type { RestoreEvent, RestoreKind, RestoreRequest } from './session';

export class RestoreJob {
  private readonly job: WorkerJob<RestoreRequest, RestoreEvent>;

  constructor(kind: RestoreKind, file: File, onEvent: (e: RestoreEvent) => void) {
    this.job = new WorkerJob<RestoreRequest, RestoreEvent>(
      new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'tiercover-restore' }),
      onEvent,
      (e) => e.type !== 'progress',
      (reason) => ({ type: 'failed', cancelled: reason === undefined, message: reason ?? 'cancelled' }),
    );
    this.job.send({ type: kind, file });
  }

  cancel() {
    this.job.cancel({ type: 'cancel' });
  }
  /** Drop the job without a result (the page is going away). */
  end() {
    this.job.end();
  }
}
