/**
 * The database: one connection per context, small exported functions, every look-up through an
 * index (never a full scan on the card's path). Background and extension pages only.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Contact } from '../domain/schema';
import { DB_NAME, DATA_STORES, type TiercoverDB } from './schema';
import { LATEST_DB_VERSION, runMigrations } from './migrations';
import { accountsIn, contactsIn, RECORD_STORES } from './records';
import { dropWeekDigests } from './week-digest';
import { dropKeptWeeks } from './kept-weeks';

export type DB = IDBPDatabase<TiercoverDB>;

let dbPromise: Promise<DB> | undefined;

/** Raised when the database cannot be opened or upgraded; the old data is untouched. */
export class StorageError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'StorageError';
  }
}

export async function openDatabase(name = DB_NAME, version = LATEST_DB_VERSION): Promise<DB> {
  let upgradeError: unknown;
  return openDB<TiercoverDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      tx.done.catch(() => undefined); // an abort is reported through openDB's rejection below
      // A failing step aborts the versionchange transaction: IndexedDB keeps the old version and data.
      void (async () => {
        try {
          await runMigrations(db, oldVersion, newVersion ?? version, tx);
        } catch (e) {
          upgradeError = e;
          tx.abort();
        }
      })();
    },
    blocking() {
      // Another context wants a newer version: let it have the database.
      dbPromise?.then((d) => d.close());
      dbPromise = undefined;
    },
    terminated() {
      dbPromise = undefined;
    },
  }).catch((e) => {
    if (upgradeError) {
      throw new StorageError(`Tiercover could not upgrade its data (${(upgradeError as Error)?.message ?? upgradeError}); the previous data is kept unchanged.`, upgradeError);
    }
    throw e;
  });
}

export function getDb(): Promise<DB> {
  dbPromise ??= openDatabase().catch((e) => {
    dbPromise = undefined;
    if (e instanceof StorageError) throw e;
    throw new StorageError(`Tiercover could not open its database: ${(e as Error)?.message ?? e}. Your data was not changed.`, e);
  });
  return dbPromise;
}

/** For tests: forget the cached connection (after deleting the database). */
export async function closeDb() {
  const p = dbPromise;
  dbPromise = undefined;
  if (p) (await p.catch(() => undefined))?.close();
}

/** Translate IndexedDB's quota error into words a user can act on. */
/** The browser refused a write for lack of room (a full disk or the origin's quota). */
export const isQuotaError = (e: unknown) => (e as { name?: string })?.name === 'QuotaExceededError';

export function describeStorageError(e: unknown): string {
  if (isQuotaError(e)) {
    return 'The browser has no more room for Tiercover\'s data (storage quota reached). Nothing was saved; free disk space or export a backup and delete old weeks, then try again.';
  }
  return (e as Error)?.message ?? String(e);
}

/** How a long write in one transaction reports and stops: a restore, a bundle merge (lib/io/backup/). */
export interface WriteOptions {
  /** Aborts the one transaction: nothing is changed. */
  signal?: AbortSignal;
  /** The share written so far, 0 to 1; it never goes back. */
  onProgress?(fraction: number): void;
}

/**
 * Abort `tx` when `signal` aborts (a Cancel): every write of it is undone. Returns the function
 * that stops listening, for when the transaction has ended.
 */
export function abortOn(tx: { abort(): void }, signal: AbortSignal | undefined): () => void {
  if (!signal) return () => undefined;
  const onAbort = () => {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
  };
  // Cancelled before the transaction began: it is aborted at once, and its first request fails.
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

// ------------------------------------------------------------------ contacts

export async function contactsOfAccount(accountId: string, db?: DB): Promise<Contact[]> {
  return contactsIn((db ?? (await getDb())).transaction(RECORD_STORES)).index('byAccount').getAll(accountId);
}


// ------------------------------------------------------------------ whole database

export interface Stats {
  accounts: number;
  contacts: number;
  weeks: number;
  targets: number;
  ticks: number;
  links: number;
}

export async function getStats(db?: DB): Promise<Stats> {
  const d = db ?? (await getDb());
  const tx = d.transaction([...RECORD_STORES, 'weeks', 'targets', 'ticks', 'links']);
  const [accounts, contacts, weeks, targets, ticks, links] = await Promise.all([
    accountsIn(tx).count(),
    contactsIn(tx).count(),
    tx.objectStore('weeks').count(),
    tx.objectStore('targets').count(),
    tx.objectStore('ticks').count(),
    tx.objectStore('links').count(),
  ]);
  return { accounts, contacts, weeks, targets, ticks, links };
}

/** Delete every record of every store (settings and what is derived from the rest included) in one transaction. */
export async function deleteAllData(db?: DB) {
  const d = db ?? (await getDb());
  const stores = [...DATA_STORES];
  const tx = d.transaction([...stores, 'meta'], 'readwrite');
  // The week digests and the kept weeks' ticks copy the data: they go with it (the schema record stays).
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), ...dropWeekDigests(tx), dropKeptWeeks(tx), tx.done]);
}
