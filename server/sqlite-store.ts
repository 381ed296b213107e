/**
 * The SQLite document store (node:sqlite, built into Node 22: no native addon to compile).
 * WAL mode and a busy timeout so two server processes may share one file on one machine.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store.ts';

const SCHEMA = `CREATE TABLE IF NOT EXISTS documents (
  name TEXT PRIMARY KEY,
  state BLOB NOT NULL,
  updated_at INTEGER NOT NULL
)`;

export function openSqliteStore(path: string): DocumentStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec(SCHEMA);
  const select = db.prepare('SELECT state FROM documents WHERE name = ?');
  const upsert = db.prepare(
    `INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  let open = true;

  return {
    async fetch(name) {
      const row = select.get(name) as { state: Uint8Array } | undefined;
      return row ? new Uint8Array(row.state) : null;
    },
    async store(name, state) {
      // IMMEDIATE takes the write lock before reading, so another process cannot write the row
      // between our read and our write (its state would be lost from the merge).
      db.exec('BEGIN IMMEDIATE');
      try {
        const row = select.get(name) as { state: Uint8Array } | undefined;
        const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state;
        upsert.run(name, merged, Date.now());
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}
