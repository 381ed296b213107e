/**
 * An idle team stays connected. The provider drops a connection that has heard nothing for 30 s
 * (and Chrome stops a worker idle for 30 s); the awareness renewal every 15 s is the heartbeat.
 * Without it this member flapped to "offline" twice in 40 s. Long (40 s of waiting, no CPU), so it
 * is a file of its own and runs beside the others.
 */
import 'fake-indexeddb/auto';
import { afterAll, expect, it } from 'vitest';
import { startTeamServer } from '../../../server/team-server.ts';
import { tempDir } from '../server/helpers.ts';
import { member, TEAM, TOKEN } from './members';

const dir = tempDir('sync-idle');
afterAll(() => dir.remove());

it('an idle member stays connected past the 30 s silence limit', async () => {
  const s = await startTeamServer({ dbPath: `${dir.path}/team.sqlite`, teams: { [TEAM]: TOKEN } });
  const a = await member('a', s.url);
  try {
    await expect.poll(() => a.engine.status().state, { timeout: 20_000 }).toBe('connected');
    const before = a.statuses.length;
    await new Promise((r) => setTimeout(r, 40_000));
    expect(a.statuses.slice(before).filter((st) => st.state !== 'connected')).toEqual([]);
    expect(a.engine.status().state).toBe('connected');
  } finally {
    await a.engine.stop();
    await s.stop();
  }
}, 90_000);
