import { afterEach } from 'vitest';
import { openDatabase, type DB } from '@/lib/db/db';

/**
 * `freshDb()`: a new, empty database of the latest version for each call, named after `prefix`;
 * every one is closed after each test, with any other connection given to `freshDb.closeAfter`.
 */
export function useFreshDatabases(prefix: string): (() => Promise<DB>) & { closeAfter(db: DB): DB } {
  let n = 0;
  const open: DB[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  const closeAfter = (db: DB) => {
    open.push(db);
    return db;
  };
  return Object.assign(async () => closeAfter(await openDatabase(`${prefix}-${++n}`)), { closeAfter });
}
