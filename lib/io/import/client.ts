/**
 * The options page's side of an import: one dedicated worker per file (`import.worker.ts`),
 * ended when the import ends so its memory goes with it.
 */
import { t } from '../../i18n';
import type { ColumnMapping } from '../csv-columns';
import type { ImportEvent, ImportRequest } from './session';

/**
 * A cancel is answered by the worker within ~50 ms (its loops pause that often). Should it not
 * answer, the worker is ended: a transaction it had open is aborted with it.
 */
const CANCEL_GRACE_MS = 300;

export class ImportJob {
  private readonly worker: Worker;
  private ended = false;

  constructor(private readonly onEvent: (e: ImportEvent) => void) {
    this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'tiercover-import' });
    this.worker.onmessage = (e: MessageEvent<ImportEvent>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault();
      this.receive({ type: 'failed', cancelled: false, message: t('import.stoppedUnexpectedly', { reason: e.message || 'worker error' }), errors: [] });
    };
  }

  read(file: File) {
    this.send({ type: 'read', file, name: file.name });
  }
  plan(mapping: ColumnMapping) {
    this.send({ type: 'plan', mapping });
  }
  apply() {
    this.send({ type: 'apply' });
  }
  cancel() {
    if (this.ended) return;
    this.send({ type: 'cancel' });
    setTimeout(() => this.receive({ type: 'failed', cancelled: true, message: 'import cancelled', errors: [] }), CANCEL_GRACE_MS);
  }
  /** Drop the import without a result (the page is going away, or the user left the preview). */
  end() {
    this.ended = true;
    this.worker.terminate();
  }

  private send(msg: ImportRequest) {
    if (!this.ended) this.worker.postMessage(msg);
  }

  private receive(e: ImportEvent) {
    if (this.ended) return;
    if (e.type === 'done' || e.type === 'failed') this.end();
    this.onEvent(e);
  }
}
