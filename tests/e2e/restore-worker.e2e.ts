/**
 * A backup restore and a backup export run in a worker: the options page is never held for long
 * (`expectPageFree`; the restore's 100 ms budget is measured in `npm run bench`), it shows the
 * restore's progress, and Cancel while saving leaves the data exactly as it was. (Bundle merges
 * run in the same worker; io.e2e.ts merges bundles both ways through it.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countStored, LONG_TASKS, expectPageFree, restoreBackup, settledAt, syntheticBackup, useOptionsPage } from './harness';

/** A team's database: big enough that a restore in the page held it for up to ~680 ms at a time. */
const ACCOUNTS = 50_000;
/** A big restore on a loaded 2-core machine takes a while; each test gets this long. */
const SLOW = 240_000;

/** Long tasks on the page, and every phase the restore's progress shows. */
const WATCH = `${LONG_TASKS}
  window.__phases = [];
  new MutationObserver(() => {
    const phase = document.querySelector('[data-testid=bundle-progress]')?.getAttribute('data-phase');
    if (phase && window.__phases.at(-1) !== phase) window.__phases.push(phase);
  }).observe(document, { subtree: true, childList: true, attributes: true });
`;

const options = useOptionsPage(WATCH);

describe('a big backup restored in the options page', () => {
  it(`restores ${ACCOUNTS.toLocaleString('en-US')} accounts without holding the page, its progress shown`, { timeout: SLOW }, async () => {
    // The page's own start-up is not the restore's: wait until it has settled, then count from here.
    await options().getByTestId('stat-accounts').waitFor();
    const from = await settledAt(options());
    await restoreBackup(options(), syntheticBackup(0, ACCOUNTS, 2));
    expect(await options().getByTestId('bundle-status').textContent()).toBe(`Restored ${ACCOUNTS.toLocaleString('en-US')} accounts, ${(2 * ACCOUNTS).toLocaleString('en-US')} contacts, 0 targets.`);
    await expectPageFree(options(), from);
    expect(await options().evaluate(() => (window as unknown as { __phases: string[] }).__phases)).toEqual(['reading', 'writing']);
    expect(await countStored(options(), 'accounts')).toBe(ACCOUNTS);
  });

  it(`exports the ${ACCOUNTS.toLocaleString('en-US')} accounts' full backup without holding the page`, { timeout: SLOW }, async () => {
    const from = await options().evaluate(() => performance.now());
    const [file] = await Promise.all([options().waitForEvent('download', { timeout: SLOW }), options().getByTestId('backup-export').click()]);
    const backup = JSON.parse(readFileSync((await file.path())!, 'utf8')) as { format: string; accounts: unknown[]; contacts: unknown[] };
    expect([backup.format, backup.accounts.length, backup.contacts.length]).toEqual(['tiercover-backup', ACCOUNTS, 2 * ACCOUNTS]);
    await options().getByTestId('bundle-status').filter({ hasText: 'Backup saved' }).waitFor();
    await expectPageFree(options(), from);
  });

  it('Cancel while saving leaves the data exactly as before', { timeout: SLOW }, async () => {
    const before = await countStored(options(), 'accounts');
    // Clicked inside the page the moment saving shows: a click sent from the test process can
    // arrive after a fast machine has finished. Resolves false if the result came first.
    const cancelled = options().evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          let shown = false;
          const observer = new MutationObserver(() => {
            const progress = document.querySelector('[data-testid=bundle-progress]');
            const cancel = progress?.getAttribute('data-phase') === 'writing' ? progress.querySelector<HTMLButtonElement>('[data-testid=bundle-cancel]') : null;
            shown ||= !!progress;
            if (cancel) cancel.click();
            else if (!shown || progress) return;
            observer.disconnect();
            resolve(!!cancel);
          });
          observer.observe(document, { subtree: true, childList: true, attributes: true });
        }),
    );
    const other = syntheticBackup(ACCOUNTS, 2 * ACCOUNTS, 2);
    await restoreBackup(options(), other).catch((e: Error) => expect(e.message).toContain('restore cancelled'));
    expect(await cancelled).toBe(true);
    expect(await options().getByTestId('bundle-status').textContent()).toBe('tiercover-backup-seed.json: restore cancelled. Your data was not changed.');
    expect(await countStored(options(), 'accounts')).toBe(before);
    // Nothing arrives later either (the transaction was aborted, not left to finish).
    await options().reload();
    expect(await countStored(options(), 'accounts')).toBe(before);
    expect(await countStored(options(), 'accounts', 'synthetic company 0')).toBeGreaterThan(0);
    expect(await countStored(options(), 'accounts', `synthetic company ${2 * ACCOUNTS - 1}`)).toBe(0);
  });
});
