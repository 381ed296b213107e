/**
 * The options page's side of an import: one dedicated worker per file (`import.worker.ts`),
 * ended when the import ends so its memory goes with it.
 */
import { t } from '../../i18n';
import type { ColumnMapping } from '../csv-columns';
import { WorkerJob } from '../worker-job';
import type { ImportEvent, ImportRequest } from './session';

export class ImportJob {
  private readonly job: WorkerJob<ImportRequest, ImportEvent>;

  constructor(onEvent: (e: ImportEvent) => void) {
    this.job = new WorkerJob<ImportRequest, ImportEvent>(
      new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'tiercover-import' }),
      onEvent,
      (e) => e.type === 'done' || e.type === 'failed',
      (reason) =>
        reason === undefined
          ? { type: 'failed', cancelled: true, message: 'import cancelled', errors: [] }
          : { type: 'failed', cancelled: false, message: t('import.stoppedUnexpectedly', { reason }), errors: [] },
    );
  }

  read(file: File) {
    this.job.send({ type: 'read', file, name: file.name });
  }
  plan(mapping: ColumnMapping) {
    this.job.send({ type: 'plan', mapping });
  }
  apply() {
    this.job.send({ type: 'apply' });
  }
  cancel() {
    this.job.cancel({ type: 'cancel' });
  }
  /** Drop the import without a result (the page is going away, or the user left the preview). */
  end() {
    this.job.end();
  }
}
