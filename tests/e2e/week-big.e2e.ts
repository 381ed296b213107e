import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentWeekId, nextWeek } from '../../lib/domain/week';
import { downloadText, openExtensionPage, overrideTier, readStore, restoreBackup, syntheticBackup, type Session, useSession } from './harness';

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

describe('the week digest (lib/db/week-digest.ts)', () => {
  it('a week opened again shows an account changed since its digest was saved', async () => {
    const weekId = currentWeekId();
    const digestOf = async (page: Awaited<ReturnType<typeof openExtensionPage>>) =>
      (await readStore<{ key: string; ids?: string[]; accountList?: { id: string }[] }>(page, 'meta')).find((r) => r.key === `weekDigest:${weekId}`);
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    // The first opening saved the week's accounts in one value, for the next one.
    await expect.poll(async () => (await digestOf(app))?.ids?.length ?? 0).toBe(TARGETS);

    // One account's tier is overridden in the accounts tab.
    await app.getByTestId('tab-accounts').click();
    await app.getByTestId('account-search').fill('Synthetic Company 57');
    const row = app.getByRole('option', { name: 'Synthetic Company 57,' });
    await row.click();
    const editor = app.getByTestId('account-editor');
    await overrideTier(editor, 'global', 'Parent company is in the Fortune 500');
    await expect.poll(() => row.locator('.tier').getAttribute('class')).toContain('global');

    // A new week page reads the digest, learns from the accounts' journal that this one changed,
    // and shows it; the digest is saved again with the change.
    const again = await openExtensionPage(s, 'app.html');
    await again.getByTestId('week-search').fill('Synthetic Company 57');
    const tier = again.locator('[data-testid=target][data-account="Synthetic Company 57"] .tier');
    await expect.poll(() => tier.getAttribute('class')).toContain('global');
    await expect.poll(async () => JSON.stringify((await digestOf(again))?.accountList?.find((a) => a.id === 'syn-57') ?? {})).toContain('Fortune 500');
    await again.close();
    await app.close();
  });
});

describe('the week\'s stored key contacts (lib/db/week-digest.ts)', () => {
  it('are kept once the week has read them all, and a contact renamed since is found by its new name', async () => {
    const weekId = currentWeekId();
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    // The background read of every row's key contacts ends by keeping them all.
    await expect
      .poll(async () => (await readStore<{ key: string; refs?: string[] }>(app, 'meta')).find((r) => r.key === `weekContacts:${weekId}`)?.refs?.length ?? 0)
      .toBe(TARGETS);
    const renamed = await app.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ tiercover: 1, type: 'updateContact', payload: { contactId: 'syn-con-88-0', changes: { name: 'Renamed Person Eighty-Eight' } } })) as { ok: boolean };
      return r.ok;
    });
    expect(renamed).toBe(true);
    await app.close();

    const again = await openExtensionPage(s, 'app.html');
    await again.getByTestId('week-search').fill('Renamed Person Eighty-Eight');
    await expect.poll(async () => (await again.getByTestId('week-view').textContent()) ?? '').toContain('Synthetic Company 88');
    await again.getByTestId('week-search').fill('Person 119-0');
    await expect.poll(async () => (await again.getByTestId('week-view').textContent()) ?? '').toContain('Synthetic Company 119');
    await again.close();
  });
});

/** Whether the week's digest stands where the accounts and their summaries stand (their count records' stamps). */
function digestIsCurrent(page: Page, weekId: string): Promise<boolean> {
  return page.evaluate(
    (weekId) =>
      new Promise<boolean>((resolve, reject) => {
        const r = indexedDB.open('tiercover');
        r.onerror = () => reject(r.error);
        r.onsuccess = () => {
          const tx = r.result.transaction(['recordKeys', 'meta']);
          type Stamp = { version: number; seq: number };
          const get = <T,>(store: string, key: string) =>
            new Promise<T | undefined>((ok) => (tx.objectStore(store).get(key).onsuccess = (e) => ok((e.target as IDBRequest<T>).result)));
          void Promise.all([get<Stamp>('recordKeys', 'a:count'), get<Stamp>('recordKeys', 's:count'), get<{ accounts: Stamp; summaries: Stamp }>('meta', `weekDigest:${weekId}`)]).then(([a, sum, d]) => {
            r.result.close();
            const same = (x?: Stamp, y?: Stamp) => !!x && !!y && x.version === y.version && x.seq === y.seq;
            resolve(same(a, d?.accounts) && same(sum, d?.summaries));
          });
        };
      }),
    weekId,
  );
}

describe('an import bigger than the journals list (lib/db/week-digest.ts carryWeekDigests)', () => {
  it('brings the week\'s digest along, and the week shows what it changed', async () => {
    const weekId = currentWeekId();
    type Digest = { key: string; ids?: string[]; summaryList?: { accountId: string; total: number; connected: number }[] };
    const digestOf = async (page: Page) => (await readStore<Digest>(page, 'meta')).find((r) => r.key === `weekDigest:${weekId}`);
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    // Saved again by this opening if the tests above changed a record since: at the kinds' stamps.
    await expect.poll(() => digestIsCurrent(app, weekId)).toBe(true);
    expect((await digestOf(app))?.ids?.length).toBe(TARGETS);
    await app.close();

    // 2,100 people at one of the week's accounts, none connected on LinkedIn: more than a journal
    // entry lists, so without the carry the week would read every record again.
    const rows = Array.from({ length: 2100 }, (_, k) => `New,Person ${k},${['VP Finance', 'Head of IT', 'Marketing Manager'][k % 3]},Synthetic Company 0`);
    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('import-file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(['First Name,Last Name,Job Title,Company', ...rows].join('\n')) });
    await options.getByTestId('import-result').filter({ hasText: 'people.csv' }).waitFor({ timeout: 60_000 });
    // Stored by the import itself, before any week is opened again: the new summary, every id kept.
    const carried = await digestOf(options);
    expect(carried?.ids?.length).toBe(TARGETS);
    expect(carried?.summaryList?.find((x) => x.accountId === 'syn-0')).toMatchObject({ total: 2102, connected: 2 });
    await options.close();

    const again = await openExtensionPage(s, 'app.html');
    await again.getByTestId('week-search').fill('Synthetic Company 0');
    const row = again.locator('[data-testid=target][data-account="Synthetic Company 0"]');
    await expect.poll(async () => (await row.textContent()) ?? '').toMatch(/2,?100 of 2,?102 not connected/);
    await again.close();
  });
});

describe("the bundle's contacts, kept once exported (lib/db/week-account-contacts.ts)", () => {
  it('a second bundle of the week carries a contact renamed and one removed since the first', async () => {
    const weekId = currentWeekId();
    type Bundle = { contacts: { id: string; name: string; accountId: string }[] };
    const bundleOf = async (page: Page) => JSON.parse((await downloadText(page, 'export-bundle')).text) as Bundle;
    const keptList = async (page: Page) =>
      (await readStore<{ key: string; list?: { id: string }[] }>(page, 'meta')).find((r) => r.key === `weekAccountContacts:${weekId}`)?.list?.length;
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    const first = await bundleOf(app);
    // Every contact of the week's accounts, and the same ones kept for the next bundle.
    expect(new Set(first.contacts.map((c) => c.accountId)).size).toBe(TARGETS);
    await expect.poll(() => keptList(app)).toBe(first.contacts.length);

    const changed = await app.evaluate(async () => {
      const send = (type: string, payload: unknown) => chrome.runtime.sendMessage({ tiercover: 1, type, payload }) as Promise<{ ok: boolean }>;
      const renamed = await send('updateContact', { contactId: 'syn-con-42-1', changes: { name: 'Renamed Person Forty-Two' } });
      const removed = await send('removeContact', { contactId: 'syn-con-43-1' });
      return renamed.ok && removed.ok;
    });
    expect(changed).toBe(true);
    const second = await bundleOf(app);
    const byId = new Map(second.contacts.map((c) => [c.id, c]));
    expect(byId.get('syn-con-42-1')?.name).toBe('Renamed Person Forty-Two');
    expect(second.contacts.map((c) => c.id)).toEqual(first.contacts.map((c) => c.id).filter((id) => id !== 'syn-con-43-1'));

    // An import bigger than a journal entry lists, at one of the week's accounts: the kept
    // contacts are carried across it (stored by the import itself), and the next bundle has them.
    const rows = Array.from({ length: 2100 }, (_, k) => `Bundled,Person ${k},Manager,Synthetic Company 7`);
    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('import-file').setInputFiles({ name: 'bundled.csv', mimeType: 'text/csv', buffer: Buffer.from(['First Name,Last Name,Job Title,Company', ...rows].join('\n')) });
    await options.getByTestId('import-result').filter({ hasText: 'bundled.csv' }).waitFor({ timeout: 60_000 });
    expect(await keptList(options)).toBe(second.contacts.length + 2100);
    await options.close();
    const third = await bundleOf(app);
    expect(third.contacts.length).toBe(second.contacts.length + 2100);
    expect(third.contacts.filter((c) => c.accountId === 'syn-7' && c.name.startsWith('Bundled Person'))).toHaveLength(2100);
    await app.close();
  });
});

describe("a new week, from last week's kept values (lib/db/week-digest.ts)", () => {
  it('opens with its targets carried over, finds them by key contact, and keeps its own digest and key contacts', async () => {
    const weekId = currentWeekId();
    const next = nextWeek(weekId);
    const kept = async (page: Page, key: string) => (await readStore<{ key: string; ids?: string[]; refs?: string[] }>(page, 'meta')).find((r) => r.key === key);
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    // This week's key contacts are kept (the tests above opened it); the next week has nothing kept.
    await expect.poll(async () => (await kept(app, `weekContacts:${weekId}`))?.refs?.length ?? 0).toBe(TARGETS);
    expect(await kept(app, `weekDigest:${next}`)).toBeUndefined();

    await app.getByTestId('week-next').click();
    await app.getByTestId('week-empty').waitFor();
    await app.getByTestId('start-review').click();
    await app.getByTestId('review-row').first().waitFor();
    await app.getByTestId('start-week').click();
    await app.getByTestId('week-progress').waitFor();
    // Its first screen answered from this week's kept values; a row found by its key contact.
    await app.getByTestId('week-search').fill(`Person ${TARGETS - 1}-0`);
    await expect.poll(async () => (await app.getByTestId('week-view').textContent()) ?? '').toContain(`Synthetic Company ${TARGETS - 1}`);
    // Its own values kept for its next opening, the key contacts too, though this week's answered for all.
    await expect.poll(async () => (await kept(app, `weekDigest:${next}`))?.ids?.length ?? 0).toBe(TARGETS);
    await expect.poll(async () => (await kept(app, `weekContacts:${next}`))?.refs?.length ?? 0).toBe(TARGETS);

    // Its first bundle: every contact of its accounts, from this week's kept ones, then kept for it.
    const thisWeeks = (await readStore<{ key: string; list?: { id: string }[] }>(app, 'meta')).find((r) => r.key === `weekAccountContacts:${weekId}`)?.list ?? [];
    expect(thisWeeks.length).toBeGreaterThan(TARGETS);
    const bundle = JSON.parse((await downloadText(app, 'export-bundle')).text) as { weekId: string; contacts: { id: string }[] };
    expect(bundle.weekId).toBe(next);
    expect(bundle.contacts.map((c) => c.id).sort()).toEqual(thisWeeks.map((c) => c.id).sort());
    await expect.poll(async () => (await readStore<{ key: string; list?: unknown[] }>(app, 'meta')).find((r) => r.key === `weekAccountContacts:${next}`)?.list?.length ?? 0).toBe(thisWeeks.length);
    await app.close();
  });
});
