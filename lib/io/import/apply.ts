/** Applying a plan: one readwrite transaction, every record or none. */
import { abortOn, isQuotaError, type DB } from '../../db/db';
import { watchWrites } from '../../db/packed';
import { refreshCoverage } from '../../db/coverage';
import type { Contact } from '../../domain/schema';
import { abortError, CsvError, parseCsv, type ParsedCsv, type ParseOptions, type RowError } from './parse';
import { dbLookups } from './lookups';
import { fillAccount, fillContact } from './merge';
import { planImport, type ImportCounts, type ImportPlan, type PlanOptions, type PlannedWrite } from './plan';
import { accountsIn, contactsIn, summariesIn } from '../../db/records';
import { carryWeekDigests, DIGEST_STORES, tooBigForJournals } from '../../db/week-digest';

// ---------------------------------------------------------------- applying

export interface ApplyOptions {
  signal?: AbortSignal;
  onProgress?(written: number, fraction: number): void;
}

/**
 * Write a plan in ONE readwrite transaction: every record or none. Merges are re-applied to the
 * record as stored at write time, so an edit made between planning and applying is kept.
 * Cancelling through the signal aborts the transaction.
 */
export async function applyImport(db: DB, plan: ImportPlan, opts: ApplyOptions = {}): Promise<ImportCounts & { written: number }> {
  const { signal, onProgress } = opts;
  if (signal?.aborted) throw abortError();
  const tx = db.transaction([...DIGEST_STORES], 'readwrite');
  const stop = abortOn(tx, signal);
  const total = plan.accounts.length + plan.contacts.length;
  // Progress: the first 40 % while each record is prepared (merges read the stored one), the rest
  // as the packed pages and key buckets are written (one value each, however many rows).
  let done = 0;
  const step = () => {
    done++;
    if (onProgress && (done % 500 === 0 || done === total)) onProgress(done, total ? (0.4 * done) / total : 0.4);
  };
  // A later write-back (the summaries') adds to the count of values to write: never show less done.
  let shown = 0.4;
  if (onProgress) watchWrites(tx, (written, of) => onProgress(total, (shown = Math.max(shown, 0.4 + (0.6 * written) / of))));

  /** Accounts whose contacts this import wrote: their coverage summaries are redone once, at the end. */
  const touched = new Set<string>();
  /**
   * Each planned record as it will be stored: a new one as planned, a merge re-applied to the
   * record as stored now. Then all of them staged at once, so every page and key bucket is
   * written once (lib/db/packed.ts).
   */
  const resolve = <T extends { id: string }>(
    store: { get(id: string): Promise<T | undefined> },
    list: PlannedWrite<T>[],
    fill: (cur: T, planned: T, now: number) => T | null,
    wrote: (r: T) => void = () => undefined,
  ): Promise<T[]> =>
    Promise.all(
      list.map(async (w): Promise<T | null> => {
        const cur = w.op === 'add' ? undefined : await store.get(w.record.id);
        const next = cur ? fill(cur, w.record, plan.now) : w.record;
        if (next) {
          if (cur) wrote(cur);
          wrote(next);
        }
        step();
        return next;
      }),
    ).then((l) => l.filter((r): r is NonNullable<typeof r> => r !== null) as T[]);
  const accounts = accountsIn(tx);
  const contacts = contactsIn(tx);
  // Where each week digest stood, before anything is staged (lib/db/week-digest.ts).
  const carrying = tooBigForJournals(plan.accounts.length, plan.contacts.length) ? carryWeekDigests(tx) : undefined;
  const staged = [
    Promise.all([resolve(accounts, plan.accounts, fillAccount), carrying]).then(([l]) => accounts.stage(l)),
    Promise.all([resolve<Contact>(contacts, plan.contacts, fillContact, (c) => touched.add(c.accountId)), carrying]).then(([l]) => contacts.stage(l)),
  ];
  const committed = tx.done;
  committed.catch(() => undefined); // a failed write or a cancel is reported through the steps below
  try {
    await Promise.all(staged);
    // Start IndexedDB storing the records, and work out and put the coverage summaries meanwhile:
    // they read the same pages in memory, so the worker computes while the database writes (a
    // CPU profile showed the worker idle for seconds here, then the database idle while it
    // computed). Their own pages are read first: a read issued after the writes would wait for them.
    await summariesIn(tx).preload(touched);
    const saved = contacts.flush();
    saved.catch(() => undefined); // reported by the await below
    await refreshCoverage(tx, touched);
    // The weeks' digests brought past this import, so a week opened next reads one value.
    await (await carrying)?.save();
    await saved;
    await committed;
  } catch (e) {
    if (signal?.aborted) throw abortError();
    throw new CsvError(isQuotaError(e) ? { code: 'storageFull' } : { code: 'notSaved', detail: (e as Error)?.message ?? String(e) }, e);
  } finally {
    stop();
  }
  onProgress?.(total, 1);
  return { ...plan.counts, written: total };
}

/** Parse, plan and apply in one go (the import screen may show the plan first instead). */
export async function importCsv(
  db: DB,
  input: File | Blob | string,
  opts: ParseOptions & PlanOptions & { onWriteProgress?: ApplyOptions['onProgress'] } = {},
): Promise<{ plan: ImportPlan; parsed: ParsedCsv; errors: RowError[] }> {
  const parsed = await parseCsv(input, opts);
  if (opts.signal?.aborted) throw abortError();
  const sourceFile = opts.sourceFile ?? (typeof File !== 'undefined' && input instanceof File ? input.name : undefined);
  const plan = await planImport(parsed.rows, parsed.mapping, dbLookups(db), { ...opts, sourceFile, rowNumbers: parsed.rowNumbers });
  await applyImport(db, plan, { signal: opts.signal, onProgress: opts.onWriteProgress });
  const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
  plan.counts.skipped += parsed.errors.filter((e) => e.skipped).length;
  return { plan, parsed, errors };
}
