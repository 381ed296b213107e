/**
 * The options page's side of a long job run in a dedicated worker of its own (a CSV import, a
 * backup restore, a bundle merge): the page only sends the job's requests and hears its events,
 * so its main thread stays free. The worker is ended when the job ends, so its memory goes with it.
 */

/**
 * A cancel is answered by the worker within ~50 ms (its loops pause that often, and a transaction
 * it writes is aborted at once). Should it not answer (a long synchronous step, such as checking a
 * big file), the worker is ended: a transaction it had open is aborted with it.
 */
const CANCEL_GRACE_MS = 300;

export class WorkerJob<Request, Event> {
  private ended = false;

  /**
   * `isLast`: the event that ends the job (its result). `stopped`: the result to give when the
   * worker gives none: without a reason, it did not answer a cancel in time; with one, it failed.
   */
  constructor(
    private readonly worker: Worker,
    private readonly onEvent: (e: Event) => void,
    private readonly isLast: (e: Event) => boolean,
    private readonly stopped: (reason?: string) => Event,
  ) {
    worker.onmessage = (e: MessageEvent<Event>) => this.receive(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      this.receive(stopped(e.message || 'worker error'));
    };
  }

  send(msg: Request) {
    if (!this.ended) this.worker.postMessage(msg);
  }

  /** Send `msg` (the job's cancel), and end the worker if it has not answered within the grace. */
  cancel(msg: Request) {
    if (this.ended) return;
    this.send(msg);
    setTimeout(() => this.receive(this.stopped()), CANCEL_GRACE_MS);
  }

  /** Drop the job without a result (the page is going away, or the user left a preview). */
  end() {
    this.ended = true;
    this.worker.terminate();
  }

  private receive(e: Event) {
    if (this.ended) return;
    if (this.isLast(e)) this.end();
    this.onEvent(e);
  }
}
