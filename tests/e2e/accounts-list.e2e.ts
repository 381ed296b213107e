/**
 * The accounts list at 5,000 accounts (issue #14): the first rows, search as you type, the tier
 * filter, the keyboard through the virtual rows to the last account, Enter opening it, a
 * change to one account reaching the open list, and the list's name order kept by the restore
 * that seeds it and after the worker stopped (in the database, lib/db/account-name-order.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExtensionPage, overrideTier, readStore, restartServiceWorker, seedAccounts, type Session, useSession } from './harness';

const N = 5_000;
// No sample data: seeding restores a backup, which replaces everything the profile holds.
const session = useSession({ sample: false });
let s: Session;
let app: Page;
let total = 0;
/** The name of the account that sorts last (name key, then id: the list's order). */
let lastName = '';
/** Every account's id in the list's order, and the name order the restore kept (before any page read it). */
let sortedIds: string[] = [];
let keptAfterRestore: string[] | undefined;

beforeAll(async () => {
  s = session();
  const seeder = await openExtensionPage(s, 'options.html');
  await seedAccounts(seeder, 0, N);
  await seeder.close();
  const accounts = await readStore<{ id: string; name: string; nameKey: string }>(s.worker, 'accounts');
  total = accounts.length;
  accounts.sort((a, b) => (a.nameKey === b.nameKey ? (a.id < b.id ? -1 : 1) : a.nameKey < b.nameKey ? -1 : 1));
  lastName = accounts.at(-1)!.name;
  sortedIds = accounts.map((a) => a.id);
  keptAfterRestore = (await readStore<{ key: string; ids: string[] }>(s.worker, 'meta')).find((m) => m.key === 'accountNameOrder:all')?.ids;
  app = await openExtensionPage(s, 'app.html');
  await app.getByTestId('tab-accounts').click();
}, 120_000);

const count = () => app.getByTestId('account-count').textContent();
const rows = () => app.getByTestId('account-row');
const listbox = () => app.getByRole('listbox', { name: 'Accounts' });

describe('the accounts list at 5,000 accounts', () => {
  it('has the name order kept by the restore that put the accounts, so the first opening reads none', () => {
    expect(keptAfterRestore).toEqual(sortedIds);
  });

  it('shows the first rows, then every account, drawing only the rows on screen', async () => {
    await rows().first().waitFor();
    await expect.poll(count, { timeout: 30_000 }).toBe(`${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} accounts`);
    const drawn = await rows().count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(80); // a virtual list: not 5,000 rows in the DOM
    // Screen readers hear where a row is in the whole list.
    const first = rows().first();
    expect(await first.getAttribute('aria-setsize')).toBe(String(total));
    expect(await first.getAttribute('aria-posinset')).toBe('1');
    // Details needing the contacts fill in for the rows on screen.
    const synthetic = app.getByRole('option', { name: 'Synthetic Company 0,' });
    await app.getByTestId('account-search').fill('Synthetic Company 0');
    await expect.poll(() => synthetic.locator('.account-named').textContent()).toBe('2');
    await app.getByTestId('account-search').fill('');
  });

  it('filters as you type, by name and by domain', async () => {
    const search = app.getByTestId('account-search');
    await search.pressSequentially('company 12');
    // 12, 120–129, 1200–1299.
    await expect.poll(count).toBe(`111 of ${total.toLocaleString('en-US')} accounts`);
    for (const name of await rows().locator('.name').allTextContents()) expect(name).toMatch(/^Synthetic Company 12\d*$/);
    await search.fill('synth4321.example');
    await expect.poll(count).toBe(`1 of ${total.toLocaleString('en-US')} accounts`);
    expect(await rows().locator('.name').allTextContents()).toEqual(['Synthetic Company 4321']);
    await search.fill('no such company anywhere');
    await app.getByTestId('accounts-empty').waitFor();
    await search.fill('');
    await expect.poll(count).toBe(`${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} accounts`);
  });

  it('filters by tier, every account in exactly one tier', async () => {
    const tiers = ['tier1', 'global', 'tier2', 'tier3', 'tier4'];
    let sum = 0;
    for (const tier of tiers) {
      await app.getByTestId('account-tier').selectOption(tier);
      await expect.poll(async () => (await rows().first().locator('.tier').getAttribute('class').catch(() => '')) ?? '').toContain(tier);
      const classes = await rows().locator('.tier').evaluateAll((els) => els.map((e) => e.className));
      expect(classes.every((c) => c.split(' ').includes(tier))).toBe(true);
      const shown = Number((await count())!.split(' of ')[0]!.replace(/,/g, ''));
      expect(shown).toBeGreaterThan(0);
      sum += shown;
    }
    expect(sum).toBe(total);
    // A tier and a search together.
    await app.getByTestId('account-tier').selectOption('tier4');
    await app.getByTestId('account-search').fill('company 1');
    const both = await rows().locator('.name').allTextContents();
    expect(both.length).toBeGreaterThan(0);
    for (const name of both) expect(name.toLowerCase()).toContain('company 1');
    await app.getByTestId('account-search').fill('');
    await app.getByTestId('account-tier').selectOption('all');
    await expect.poll(count).toBe(`${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} accounts`);
  });

  it('moves through the rows with the keyboard, reaches the last account and opens it with Enter', async () => {
    await listbox().focus();
    const activeRow = () => app.evaluate(() => {
      const box = document.querySelector('[role=listbox]')!;
      const row = document.getElementById(box.getAttribute('aria-activedescendant') ?? '');
      return row ? { pos: Number(row.getAttribute('aria-posinset')), name: row.querySelector('.name')?.textContent ?? '' } : null;
    });
    await app.keyboard.press('Home');
    await expect.poll(async () => (await activeRow())?.pos).toBe(1);
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('ArrowDown');
    await expect.poll(async () => (await activeRow())?.pos).toBe(3);
    await app.keyboard.press('ArrowUp');
    await expect.poll(async () => (await activeRow())?.pos).toBe(2);
    await app.keyboard.press('PageDown');
    await expect.poll(async () => (await activeRow())?.pos ?? 0).toBeGreaterThan(5);
    await app.keyboard.press('End');
    await expect.poll(activeRow).toEqual({ pos: total, name: lastName });
    // The last row is drawn and in view, though it is 5,000 rows down.
    const last = app.getByRole('option', { name: `${lastName},` });
    await expect.poll(() => last.isVisible()).toBe(true);
    await app.keyboard.press('Enter');
    const opened = app.getByTestId('account-open');
    await opened.getByRole('heading', { name: lastName }).waitFor();
    await opened.getByTestId('account-editor').waitFor();
    await app.keyboard.press('Escape');
    await expect.poll(() => opened.count()).toBe(0);
  });

  it('shows a change to one account without reading the list again', async () => {
    await app.getByTestId('account-search').fill('Synthetic Company 4321');
    const row = app.getByRole('option', { name: 'Synthetic Company 4321,' });
    await row.click();
    // What the list asks the background from here on (a second listener that answers nothing).
    await s.worker.evaluate(() => {
      const g = globalThis as unknown as { seenTypes: string[] };
      g.seenTypes = [];
      chrome.runtime.onMessage.addListener((m: { type?: string }) => void g.seenTypes.push(m?.type ?? ''));
    });
    const editor = app.getByTestId('account-editor');
    await overrideTier(editor, 'global', 'Parent company is in the Fortune 500');
    await expect.poll(() => row.locator('.tier').getAttribute('class')).toContain('global');
    const seen = await s.worker.evaluate(() => (globalThis as unknown as { seenTypes: string[] }).seenTypes);
    expect(seen).toContain('getAccountIndexEntries');
    expect(seen.filter((type) => type.startsWith('listAccountIndex'))).toEqual([]);
    // The tier filter knows it too.
    await app.getByTestId('account-tier').selectOption('global');
    await expect.poll(() => rows().locator('.name').allTextContents()).toEqual(['Synthetic Company 4321']);
  });

  it('opens in name order after the worker stopped, with an account imported since in its place', async () => {
    // One account imported through the options page: the accounts' journal lists it.
    const options = await openExtensionPage(s, 'options.html');
    const csv = 'Company name,Company Domain Name\r\nAardvark Analytics,aardvark-analytics.example';
    await options.getByTestId('import-file').setInputFiles({ name: 'aardvark.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await options.getByTestId('import-result').filter({ hasText: 'aardvark.csv: 1 added' }).waitFor({ timeout: 30_000 });
    await options.close();
    // The worker stops, as Chrome stops it after 30 s idle, and the tab is opened in a new page.
    await restartServiceWorker(s, app);
    // The first screen of rows, as first drawn: from the name order alone (the whole index, read
    // after it, would put the rows in order anyway).
    const again = await openExtensionPage(s, 'app.html');
    const firstDrawn = again.evaluate(
      () =>
        new Promise<string | null>((resolve) => {
          const observer = new MutationObserver(() => {
            const row = document.querySelector('[data-testid=account-row] .name');
            if (!row) return;
            observer.disconnect();
            resolve(row.textContent);
          });
          observer.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await again.getByTestId('tab-accounts').click();
    expect(await firstDrawn).toBe('Aardvark Analytics');
    const all = `${(total + 1).toLocaleString('en-US')} of ${(total + 1).toLocaleString('en-US')} accounts`;
    await expect.poll(() => again.getByTestId('account-count').textContent(), { timeout: 30_000 }).toBe(all);
    await expect.poll(() => again.getByTestId('account-row').first().locator('.name').textContent()).toBe('Aardvark Analytics');
    // What the new worker keeps for the next one: every account, the imported one first.
    const fresh = s.context.serviceWorkers().at(-1)!;
    const keptOrder = async () => (await readStore<{ key: string; ids: string[] }>(fresh, 'meta')).find((m) => m.key === 'accountNameOrder:all');
    const aardvark = (await readStore<{ id: string; name: string }>(fresh, 'accounts')).find((a) => a.name === 'Aardvark Analytics')!;
    await expect.poll(async () => (await keptOrder())?.ids[0]).toBe(aardvark.id);
    expect((await keptOrder())!.ids).toHaveLength(total + 1);
    await again.close();
  });
});
