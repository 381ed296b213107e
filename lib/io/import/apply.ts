/** Applying a plan: one readwrite transaction, every record or none. */
import { isQuotaError, type DB } from '../../db/db';
import { refreshCoverage } from '../../db/coverage';
import type { Contact } from '../../domain/schema';
import { abortError, CsvError, parseCsv, type ParsedCsv, type ParseOptions, type RowError } from './parse';
import { dbLookups } from './lookups';
import { fillAccount, fillContact } from './merge';
import { planImport, type ImportCounts, type ImportPlan, type PlanOptions, type PlannedWrite } from './plan';

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
  const tx = db.transaction(['accounts', 'contacts', 'coverage'], 'readwrite');
  const onAbort = () => {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const total = plan.accounts.length + plan.contacts.length;
  let done = 0;
  const step = () => {
    done++;
    if (onProgress && (done % 500 === 0 || done === total)) onProgress(done, total ? done / total : 1);
  };

  const writes: Promise<unknown>[] = [];
  /** Accounts whose contacts this import wrote: their coverage summaries are redone once, at the end. */
  const touched = new Set<string>();
  const queue = <T extends { id: string }>(
    store: 'accounts' | 'contacts',
    list: PlannedWrite<T>[],
    fill: (cur: T, planned: T, now: number) => T | null,
    wrote: (r: T) => void = () => undefined,
  ) => {
    const os = tx.objectStore(store) as unknown as { get(id: string): Promise<T | undefined>; put(v: T): Promise<unknown> };
    for (const w of list) {
      if (w.op === 'add') {
        wrote(w.record);
        writes.push(os.put(w.record).then(step));
        continue;
      }
      writes.push(
        os.get(w.record.id).then(async (cur) => {
          const next = cur ? fill(cur, w.record, plan.now) : w.record;
          if (next) {
            if (cur) wrote(cur);
            wrote(next);
            await os.put(next);
          }
          step();
        }),
      );
    }
  };
  queue('accounts', plan.accounts, fillAccount);
  queue<Contact>('contacts', plan.contacts, fillContact, (c) => touched.add(c.accountId));
  const committed = tx.done;
  committed.catch(() => undefined); // a failed write or a cancel is reported through the writes below
  try {
    await Promise.all(writes);
    await refreshCoverage(tx, touched);
    await committed;
  } catch (e) {
    if (signal?.aborted) throw abortError();
    throw new CsvError(isQuotaError(e) ? { code: 'storageFull' } : { code: 'notSaved', detail: (e as Error)?.message ?? String(e) }, e);
  } finally {
    signal?.removeEventListener('abort', onAbort);
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
