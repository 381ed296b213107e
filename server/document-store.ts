/**
 * Where team documents rest between connections: one row per document name holding the whole
 * Yjs state. A store never loses what it already holds: a new state is merged into the stored one
 * (Yjs updates merge without conflict), so two nodes storing the same document at nearly the same
 * moment, each with a slightly different copy, both end up in the row.
 */
import { openSqliteStore } from './sqlite-store.ts';

export interface DocumentStore {
  /** The stored state of a document, or null if it was never stored. */
  fetch(name: string): Promise<Uint8Array | null>;
  /** Merges `state` into the stored state of `name` (creating the row if needed). */
  store(name: string, state: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/** `postgres://` or `postgresql://` URLs name a PostgreSQL database; anything else is a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

export async function openDocumentStore(location: string): Promise<DocumentStore> {
  if (!isPostgresUrl(location)) return openSqliteStore(location);
  // Loaded only when asked for: a SQLite deployment never loads the PostgreSQL client.
  const { openPostgresStore } = await import('./postgres-store.ts');
  return openPostgresStore(location);
}

/** The location as it may be printed: a PostgreSQL URL without its password. */
export function describeLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'a PostgreSQL database (the URL could not be parsed)';
  }
}
