/**
 * The PostgreSQL document store, for a deployment that already runs PostgreSQL or whose nodes sit
 * on several machines (SQLite is one file on one machine). Same table shape as SQLite; a
 * transaction-scoped advisory lock per document name makes read-merge-write safe across nodes.
 */
import pg from 'pg';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store.ts';

const SCHEMA = `CREATE TABLE IF NOT EXISTS tiercover_documents (
  name TEXT PRIMARY KEY,
  state BYTEA NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
)`;

export async function openPostgresStore(connectionString: string): Promise<DocumentStore> {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // An idle client's error (the database restarted) must not crash the server: the next query
  // takes a fresh connection.
  pool.on('error', () => {});
  try {
    await pool.query(SCHEMA);
  } catch (error) {
    await pool.end();
    throw error;
  }
  let open = true;

  return {
    async fetch(name) {
      const result = await pool.query<{ state: Buffer }>('SELECT state FROM tiercover_documents WHERE name = $1', [name]);
      const row = result.rows[0];
      return row ? new Uint8Array(row.state) : null;
    },
    async store(name, state) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
        const result = await client.query<{ state: Buffer }>('SELECT state FROM tiercover_documents WHERE name = $1', [name]);
        const row = result.rows[0];
        const merged = row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state;
        await client.query(
          `INSERT INTO tiercover_documents (name, state, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
          [name, Buffer.from(merged)],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (!open) return;
      open = false;
      await pool.end();
    },
  };
}
