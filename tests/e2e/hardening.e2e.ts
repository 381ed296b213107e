import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CardObject, countStored, openExtensionPage, readStore, restartServiceWorker, useSession, type Session } from './harness';
import { must } from '../unit/helpers/must';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

/**
 * How many accounts there are (their count record), and how many whose name key starts with
 * `prefix`: counted in the page, not copied out, so 60,000 records cost no minute on a loaded machine.
 */
const countAccounts = (page: Page, prefix = '') => countStored(page, 'accounts', prefix);

// A fixed amount of work with seeded choices, not a duration: the same run on a fast or a loaded
// machine does the same operations (HARDENING_ROUNDS for a longer soak).
const ROUNDS = Number(process.env.HARDENING_ROUNDS ?? 20);
const TABS = 20;

describe('hardening', () => {
  it(`${TABS} tabs ticking and editing the same week, ${ROUNDS} rounds each, lose no update`, async () => {
    const probe = await openExtensionPage(s, 'options.html');
    const targets = await readStore<{ id: string; weekId: string; accountId: string; keyContactIds: string[] }>(probe, 'targets');
    const contacts = await readStore<{ id: string; accountId: string }>(probe, 'contacts');
    const week = targets.map((t) => t.weekId).sort().at(-1)!;
    const mine = targets.filter((t) => t.weekId === week);
    expect(mine.length).toBe(12);
    const items = ['followedPersonal', 'mentionedInPost', 'engagedWithPosts', 'onNewsletter', 'inRecentCampaign', 'executiveOutreach'];
    // Every tab owns its own cells (ticks) and its own contacts (key-contact toggles) on shared targets.
    const cells = mine.flatMap((t) => t.keyContactIds.flatMap((c) => items.map((item) => ({ targetId: t.id, contactId: c, item, accountId: t.accountId }))));
    const keyOps = mine.flatMap((t) => contacts.filter((c) => c.accountId === t.accountId).map((c) => ({ targetId: t.id, contactId: c.id, accountId: t.accountId })));

    // Twenty LinkedIn tabs, each with its card; the work runs in each tab's card frame (through
    // Playwright) and goes through the same messages the card sends, so each tab may only change
    // the account its page shows: the tabs on the same page share that account's cells.
    const urls = ['https://www.linkedin.com/in/jane-doe-4b1a2/', 'https://www.linkedin.com/company/northwind-analytics/about/', 'https://de.linkedin.com/in/lukas-becker/', 'https://www.linkedin.com/company/contoso-retail'];
    const pages: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const p = await s.context.newPage();
      await p.goto(must(urls[i % urls.length]));
      pages.push(p);
    }
    const frames = await Promise.all(
      pages.map(async (p) => {
        const card = await CardObject.of(p);
        await card.waitFor('[data-testid=card-title]');
        return card.frame()!;
      }),
    );
    // Each tab's account, then its rank among the tabs on the same account: those share its cells.
    const accountOf = await Promise.all(
      frames.map((f) => f.evaluate(async () => ((await chrome.runtime.sendMessage({ tiercover: 1, type: 'getCardForTab', payload: {} })) as { data?: { ctx?: { account?: { id: string } } } }).data?.ctx?.account?.id ?? '')),
    );
    const rankOf = accountOf.map((a, i) => accountOf.slice(0, i).filter((b) => b === a).length);
    const peersOf = accountOf.map((a) => accountOf.filter((b) => b === a).length);
    const results = await Promise.all(
      frames.map((f, tab) =>
        f.evaluate(
          async ({ tab, rank, peers, week, cells, keyOps, rounds }: { tab: number; rank: number; peers: number; week: string; cells: { targetId: string; contactId: string; item: string; accountId: string }[]; keyOps: { targetId: string; contactId: string; accountId: string }[]; rounds: number }) => {
            // mulberry32, seeded per tab: the same choices on every run.
            let seed = 0x9e3779b9 ^ (tab + 1);
            const random = () => {
              seed = (seed + 0x6d2b79f5) | 0;
              let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
              t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
              return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
            };
            const send = async (type: string, payload: unknown) => {
              const r = (await chrome.runtime.sendMessage({ tiercover: 1, type, payload })) as { ok: boolean; error?: string; data?: unknown };
              if (!r?.ok) throw new Error(`${type}: ${r?.error}`);
              return r.data;
            };
            const mine = ((await send('getCardForTab', {})) as { ctx: { account?: { id: string } } | null }).ctx?.account?.id;
            const ticks: Record<string, boolean> = {};
            const keys: Record<string, boolean> = {};
            const ownCells = cells.filter((c) => c.accountId === mine).filter((_, i) => i % peers === rank);
            const ownKeys = keyOps.filter((k) => k.accountId === mine).filter((_, i) => i % peers === rank);
            let ops = 0;
            while (ops < rounds && ownCells.length) {
              const c = ownCells[ops % ownCells.length];
              if (!c) break; // the loop runs only while ownCells is not empty
              const done = random() < 0.6;
              await send('tickAirCover', { weekId: week, targetId: c.targetId, contactId: c.contactId, item: c.item, done });
              ticks[`${c.targetId}|${c.contactId}|${c.item}`] = done;
              if (ownKeys.length) {
                const k = ownKeys[ops % ownKeys.length];
                if (!k) break; // inside `if (ownKeys.length)`
                const key = random() < 0.5;
                await send('setKeyContact', { targetId: k.targetId, contactId: k.contactId, key });
                keys[`${k.targetId}|${k.contactId}`] = key;
              }
              ops++;
              // No timer between rounds: a frame in a background tab gets its timers throttled to
              // about one a second, which would measure the throttling, not the writes.
            }
            return { ops, ticks, keys, cells: ownCells.length };
          },
          { tab, rank: must(rankOf[tab], 'a rank per tab'), peers: must(peersOf[tab], 'a peer count per tab'), week, cells, keyOps, rounds: ROUNDS },
        ),
      ),
    );
    const totalOps = results.reduce((n, r) => n + r.ops, 0);
    // Every tab whose page's account has a target this week did all its rounds (a page whose
    // account has none has nothing its card may tick).
    expect(results.map((r) => r.ops)).toEqual(results.map((r) => (r.cells ? ROUNDS : 0)));
    expect(totalOps).toBeGreaterThanOrEqual((TABS / 2) * ROUNDS);

    const storedTicks = new Map((await readStore<{ id: string; done: boolean }>(probe, 'ticks')).map((t) => [t.id, t.done]));
    const storedTargets = new Map((await readStore<{ id: string; keyContactIds: string[] }>(probe, 'targets')).map((t) => [t.id, t.keyContactIds]));
    const lost: string[] = [];
    for (const r of results) {
      for (const [id, done] of Object.entries(r.ticks)) if (storedTicks.get(id) !== done) lost.push(`tick ${id}`);
      for (const [k, key] of Object.entries(r.keys)) {
        const [targetId = '', contactId = ''] = k.split('|');
        if ((storedTargets.get(targetId) ?? []).includes(contactId) !== key) lost.push(`key contact ${k}`);
      }
    }
    expect(lost).toEqual([]);
    for (const p of pages) await p.close();
    await probe.close();
  }, 240_000);

  it('an import survives a service-worker restart in the middle, and a closed page writes nothing', async () => {
    const rows = ['Company name,Company Domain Name,Number of Employees'];
    for (let i = 0; i < 30_000; i++) rows.push(`Hardening Co ${i},hardening${i}.example,${100 + i}`);
    const csv = Buffer.from(rows.join('\r\n'));
    const count = (p: Page) => countAccounts(p);

    // The import runs in the options page's own worker, in one transaction: the service worker going away changes nothing.
    const options = await openExtensionPage(s, 'options.html');
    const before = await count(options);
    await options.getByTestId('import-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: csv });
    await options.getByTestId('import-progress').waitFor();
    await restartServiceWorker(s, options);
    await options.getByTestId('import-result').filter({ hasText: 'big.csv: 30,000 added' }).waitFor({ timeout: 120_000 });
    expect(await count(options)).toBe(before + 30_000);

    // Closing the page in the middle of an import ends its import worker and aborts its transaction: all or nothing.
    const again = Buffer.from(rows.map((r, i) => (i ? r.replace('Hardening Co', 'Closed Co').replace('hardening', 'closed') : r)).join('\r\n'));
    const doomed = await openExtensionPage(s, 'options.html');
    // The page leaves by itself the moment saving shows: a close sent from the test process could
    // come after a fast machine had saved (it did, with 9 browser test files at once).
    void doomed
      .evaluate(() => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-testid=import-progress][data-phase=writing]')) return;
          observer.disconnect();
          location.href = 'about:blank';
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      })
      .catch(() => undefined);
    await doomed.getByTestId('import-file').setInputFiles({ name: 'closed.csv', mimeType: 'text/csv', buffer: again });
    await doomed.waitForURL('about:blank', { timeout: 60_000 });
    await doomed.close();
    const check = await openExtensionPage(s, 'options.html');
    const closed = await countAccounts(check, 'closed co ');
    expect(closed === 0 || closed === 30_000).toBe(true);
    expect(closed).toBe(0);
    await check.close();
    await options.close();
    expect(s.outside).toEqual([]);
  }, 240_000);
});
