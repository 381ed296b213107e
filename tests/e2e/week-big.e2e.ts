import { beforeAll, describe, expect, it } from 'vitest';
import { currentWeekId } from '../../lib/domain/week';
import { openExtensionPage, restoreBackup, syntheticBackup, type Session, useSession } from './harness';

const TARGETS = 120;
const session = useSession({ sample: false });
let s: Session;
beforeAll(async () => {
  s = session();
  // A week of 120 targets, so most rows are past the first screen (10 per tier come with their
  // key contacts first; the rest are read after it).
  const backup = syntheticBackup(0, TARGETS, 2);
  const weekId = currentWeekId();
  const now = Date.now();
  backup.weeks = [{ id: weekId, createdAt: now, updatedAt: now, reviewed: true }] as typeof backup.weeks;
  backup.targets = Array.from({ length: TARGETS }, (_, i) => ({
    id: `syn-target-${i}`, createdAt: now, updatedAt: now, weekId, accountId: `syn-${i}`, keyContactIds: [`syn-con-${i}-0`],
    salesOwner: 'Sam Rep', marketingOwner: 'Morgan Lee', status: 'active',
  })) as typeof backup.targets;
  const options = await openExtensionPage(s, 'options.html');
  await restoreBackup(options, backup);
  await options.close();
});

describe('a big week', () => {
  it('finds a target by its key contact\'s name, whichever row it is', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    // The last targets' key contacts are read after the first screen, in the background.
    for (const name of [`Person ${TARGETS - 1}-0`, 'Person 57-0']) {
      await app.getByTestId('week-search').fill(name);
      await expect.poll(async () => (await app.getByTestId('week-view').textContent()) ?? '').toContain(`Synthetic Company ${name.match(/\d+/)![0]}`);
    }
    await app.close();
  });
});
