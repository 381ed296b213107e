/**
 * A big import runs in a worker: the options page is never held for long (`expectPageFree`), its
 * progress keeps moving, and Cancel while saving leaves the data exactly as it was. How long the
 * page's tasks and a Cancel take are speed targets (100 ms, 0.5 s), measured in `npm run bench`.
 *
 * Nothing here may depend on the machine's speed: a machine three times faster than the one these
 * tests were written on finished 20,000 rows' reading and planning in ~0.3 s (two progress
 * values), and its saving before a Cancel sent from the test process arrived. So the files are
 * bigger, the progress expected scales with how long the phases lasted, and Cancel is clicked by
 * the page itself the moment its phase shows.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countStored, LONG_TASKS, expectPageFree, readStore, settledAt, useOptionsPage } from './harness';

/** Big enough that reading and planning last over a second even on a fast machine: long enough to report progress. */
const ROWS = 150_000;
/** The cancelled imports: big enough that their saving lasts well past an in-page click. */
const CANCELLED_ROWS = 60_000;
/** The worker reports progress at most every 250 ms (lib/io/import/session.ts); half that rate, for a loaded machine. */
const REPORT_EVERY_MS = 500;
/** Different values the bar must have shown over `span` ms: at least `most`, or fewer where the phases were shorter. */
const valuesExpected = (span: number, most: number) => Math.min(most, 1 + Math.floor(span / REPORT_EVERY_MS));
/** A big import on a loaded 2-core machine takes a while; each test gets this long. */
const SLOW = 240_000;
/**
 * A CSV file on disk: handed to the input by path (CDP), so no test code runs in the page while
 * it is measured (a buffer would be decoded by page-side script, a long task of its own).
 */
const DIR = mkdtempSync(join(tmpdir(), 'tiercover-import-'));
const accountsCsv = (name: string, prefix: string, n: number) => {
  const path = join(DIR, name);
  writeFileSync(path, ['Company name,Company Domain Name,Number of Employees', ...Array.from({ length: n }, (_, i) => `${prefix} ${i},${prefix.toLowerCase().replace(/\s/g, '')}${i}.example,${100 + (i % 900)}`)].join('\r\n'));
  return path;
};

/**
 * Click Cancel inside the page as soon as the import shows `phase`, and resolve true once the
 * result is on screen. Call it before choosing the file: a Cancel sent from the test process can
 * arrive after a fast machine has finished the phase. Should the result come with no such phase
 * seen, it resolves false at once, and the test fails (rather than waiting out its timeout).
 */
const cancelOnPhase = (page: Page, phase: 'planning' | 'writing', file: string) =>
  page.evaluate(
    ({ phase, file }) =>
      new Promise<boolean>((resolve) => {
        const resultShows = () => !!document.querySelector('[data-testid=import-result]')?.textContent?.includes(file);
        const observer = new MutationObserver(() => {
          const cancel = document.querySelector<HTMLButtonElement>(`[data-testid=import-progress][data-phase=${phase}] [data-testid=import-cancel]`);
          if (!cancel) {
            if (resultShows()) {
              observer.disconnect();
              resolve(false);
            }
            return;
          }
          observer.disconnect();
          cancel.click();
          const check = () => (resultShows() ? resolve(true) : requestAnimationFrame(check));
          check();
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      }),
    { phase, file },
  );

/** Long tasks on the page, and every value the progress bar shows (with its phase). */
const WATCH = `${LONG_TASKS}
  window.__progress = [];
  new MutationObserver(() => {
    const bar = document.querySelector('[data-testid=import-progress-bar]');
    const phase = document.querySelector('[data-testid=import-progress]')?.getAttribute('data-phase');
    if (bar) window.__progress.push({ phase, value: bar.value, at: performance.now() });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
`;

const options = useOptionsPage(WATCH);

const accountsInDb = (page: Page) => countStored(page, 'accounts');

describe('a big import in the options page', () => {
  it(`imports ${ROWS.toLocaleString('en-US')} accounts without holding the page, its progress moving`, { timeout: SLOW }, async () => {
    // The page's own start-up (settings and stats arriving, every section's first render) is not
    // the import's: wait until it has settled, then count from here.
    await options().getByTestId('stat-accounts').waitFor();
    await options().getByTestId('privacy-link').waitFor();
    const from = await settledAt(options());
    await options().getByTestId('import-file').setInputFiles(accountsCsv('big.csv', 'Imported Company', ROWS));
    const result = options().getByTestId('import-result');
    await result.filter({ hasText: 'big.csv' }).waitFor({ timeout: SLOW });
    expect(await result.textContent()).toContain(`big.csv: ${ROWS.toLocaleString('en-US')} added, 0 merged, 0 skipped.`);
    const progress = await options().evaluate(() => (window as unknown as { __progress: { phase: string; value: number; at: number }[] }).__progress);
    await expectPageFree(options(), from);
    // Each phase shows and the bar moves. Saving is one write-back of packed values and takes a
    // few hundred ms here (the page hears at most one progress every 250 ms), so its own steps are
    // checked in tests/unit/io-csv-import.test.ts; here: it shows, and the whole bar moves, as
    // often as the phases lasted long enough to report.
    const phases = new Set(progress.map((p) => p.phase));
    expect([...phases]).toEqual(expect.arrayContaining(['reading', 'planning', 'writing']));
    const moving = (phase: string) => new Set(progress.filter((p) => p.phase === phase).map((p) => p.value)).size;
    const firstAt = (phase: string) => progress.find((p) => p.phase === phase)!.at;
    const readAndPlan = firstAt('writing') - firstAt('reading');
    const all = progress.at(-1)!.at - firstAt('reading');
    expect(moving('planning') + moving('reading')).toBeGreaterThanOrEqual(valuesExpected(readAndPlan, 3));
    expect(moving('planning') + moving('reading') + moving('writing')).toBeGreaterThanOrEqual(valuesExpected(all, 5));
    await expect.poll(() => options().getByTestId('stat-accounts').textContent()).toBe(ROWS.toLocaleString('en-US'));
    // A first import, into no accounts: it keeps the accounts' name order, so the Accounts tab's
    // first opening reads no account (lib/db/account-name-order.ts).
    const order = (await readStore<{ key: string; ids: string[] }>(options(), 'meta')).find((m) => m.key === 'accountNameOrder:all');
    expect(order?.ids).toHaveLength(ROWS);
    const stored = await readStore<{ id: string; name: string }>(options(), 'accounts');
    const nameOf = new Map(stored.map((a) => [a.id, a.name]));
    expect(order!.ids.slice(0, 3).map((id) => nameOf.get(id))).toEqual(['Imported Company 0', 'Imported Company 1', 'Imported Company 10']);
  });

  it('Cancel while saving leaves the data exactly as before', { timeout: SLOW }, async () => {
    const before = await accountsInDb(options());
    // Clicked inside the page the moment saving shows (false if the result came with no saving seen).
    const stopped = cancelOnPhase(options(), 'writing', 'second.csv');
    await options().getByTestId('import-file').setInputFiles(accountsCsv('second.csv', 'Second Company', CANCELLED_ROWS));
    expect(await stopped).toBe(true);
    expect(await options().getByTestId('import-result').textContent()).toContain('second.csv: import cancelled. Nothing was written.');
    expect(await accountsInDb(options())).toBe(before);
    // Nothing arrives later either (the transaction was aborted, not left to finish).
    await options().reload();
    expect(await accountsInDb(options())).toBe(before);
    await expect.poll(() => options().getByTestId('stat-accounts').textContent()).toBe(before.toLocaleString('en-US'));
  });

  it('Cancel while reading and matching stops too, and the next import runs', { timeout: SLOW }, async () => {
    const stopped = cancelOnPhase(options(), 'planning', 'third.csv');
    await options().getByTestId('import-file').setInputFiles(accountsCsv('third.csv', 'Third Company', CANCELLED_ROWS));
    expect(await stopped).toBe(true);
    await options().getByTestId('import-result').filter({ hasText: 'third.csv: import cancelled. Nothing was written.' }).waitFor();
    expect(await accountsInDb(options())).toBe(ROWS);
    await options().getByTestId('import-file').setInputFiles(accountsCsv('small.csv', 'Small Company', 3));
    await options().getByTestId('import-result').filter({ hasText: 'small.csv: 3 added' }).waitFor();
    expect(await accountsInDb(options())).toBe(ROWS + 3);
  });
});
