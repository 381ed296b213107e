/**
 * The team server on PostgreSQL instead of SQLite: the same documents, kept across a restart, and
 * two nodes storing one document both end up in the row. Needs Debian's `postgresql` package
 * (.ci/run installs it); without it this file is skipped and says so.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTeamServer } from '../../../server/team-server.ts';
import { connect, postgresBinDir, startRedis, waitFor, type TestPostgres } from './helpers.ts';

const TOKEN = 'acme-pg-token-0123456789';
const bin = postgresBinDir();

describe.skipIf(!bin)('team server on PostgreSQL', () => {
  let db: TestPostgres;
  beforeAll(async () => {
    db = await (await import('./helpers.ts')).startPostgres(bin!);
  }, 120_000);
  afterAll(async () => {
    await db?.stop();
  });

  async function storedWeek(name: string): Promise<Record<string, unknown>> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ state: Buffer }>('SELECT state FROM tiercover_documents WHERE name = $1', [name]);
      const doc = new Y.Doc();
      if (rows[0]) Y.applyUpdate(doc, new Uint8Array(rows[0].state));
      return doc.getMap('week').toJSON();
    } finally {
      await client.end();
    }
  }

  it('keeps the week across a restart', async () => {
    const first = await startTeamServer({ dbPath: db.url, teams: { acme: TOKEN } });
    const a = connect(first.url, 'acme/week', TOKEN);
    try {
      await waitFor('A synced', () => a.synced());
      a.doc.getMap('week').set('target', 'in postgres');
      const b = connect(first.url, 'acme/week', TOKEN);
      await waitFor('B has it', () => b.doc.getMap('week').get('target') === 'in postgres');
      b.destroy();
      await first.stop();
      expect(await storedWeek('acme/week')).toEqual({ target: 'in postgres' });

      const second = await startTeamServer({ dbPath: db.url, teams: { acme: TOKEN } });
      const c = connect(second.url, 'acme/week', TOKEN);
      await waitFor('C after the restart', () => c.doc.getMap('week').get('target') === 'in postgres');
      c.destroy();
      await second.stop();
    } finally {
      a.destroy();
    }
  });

  it('two nodes behind Redis on one database: both members\' edits are stored', async () => {
    const redis = await startRedis();
    const node1 = await startTeamServer({ dbPath: db.url, teams: { acme: TOKEN }, redis });
    const node2 = await startTeamServer({ dbPath: db.url, teams: { acme: TOKEN }, redis });
    const a = connect(node1.url, 'acme/two-nodes', TOKEN);
    const b = connect(node2.url, 'acme/two-nodes', TOKEN);
    try {
      await waitFor('both synced', () => a.synced() && b.synced());
      a.doc.getMap('week').set('from-a', 1);
      b.doc.getMap('week').set('from-b', 2);
      await waitFor('each sees the other', () => a.doc.getMap('week').get('from-b') === 2 && b.doc.getMap('week').get('from-a') === 1);
    } finally {
      a.destroy();
      b.destroy();
      await node1.stop();
      await node2.stop();
      await redis.stop();
    }
    expect(await storedWeek('acme/two-nodes')).toEqual({ 'from-a': 1, 'from-b': 2 });
  });
});
