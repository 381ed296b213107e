/**
 * Issue #18's attacks, as a page would make them: a real LinkedIn profile served at its URL with
 * a hostile <head> script (tests/fixtures/pages/hostile-spy.html). The page tries to reach the
 * card's shadow root, listens to every key and clipboard event, searches the rendered page for
 * the card's text, posts to frames, echoes WXT's messages and clicks where the card is. The user
 * then types a note in the card, copies text from it and ticks an item. The page must learn
 * nothing and change nothing; the user's actions must work.
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_STORES } from '../../lib/db/schema';
import { CardObject, FIXTURES, fixtureManifest, openExtensionPage, readStore, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

const JANE = 'https://www.linkedin.com/in/jane-doe-4b1a2/';
const NOTE = 'Met CFO, budget 250k';
/** Text only the card shows (the profile itself never says these). */
const CARD_WORDS = ['Tier 1', 'Decision maker', 'Met CFO', 'budget 250k', 'of 7 boxes', 'Air cover'];

/**
 * Everything the extension stores, as one comparable value: every data store as stored (the
 * packed record pages and key buckets included, so a changed, added or moved account or contact
 * changes it), and the accounts and contacts read out of their pages, so the snapshot provably
 * holds them (checked below) and a failure shows which record changed.
 */
async function snapshot(probe: Page) {
  const out: Record<string, unknown[]> = {};
  for (const store of ['accounts', 'contacts', ...DATA_STORES, 'meta']) out[store] = await readStore(probe, store);
  return JSON.stringify(out);
}

describe('a hostile page', () => {
  it('learns nothing from the card and changes nothing through it', async () => {
    const profile = readFileSync(join(FIXTURES, fixtureManifest().find((f) => f.url === JANE)!.file), 'utf8');
    const spyScript = readFileSync(join(FIXTURES, 'hostile-spy.html'), 'utf8');
    s.serve(JANE, profile.replace(/<head[^>]*>/i, (m) => `${m}\n${spyScript}`));
    const probe = await openExtensionPage(s, 'options.html');
    const page = await s.context.newPage();
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    expect(await page.evaluate(() => typeof (window as unknown as { __attack?: unknown }).__attack)).toBe('function');

    // The page's own attacks, with the extension id (public for a store extension) in hand.
    const before = await snapshot(probe);
    // The snapshot holds the records the card shows (read through the packed pages), not just empty stores.
    const held = JSON.parse(before) as { accounts: { name: string }[]; contacts: { name: string }[] };
    expect(held.accounts.map((a) => a.name)).toContain('Northwind Analytics');
    expect(held.contacts.map((c) => c.name)).toContain('Jane Doe');
    const attack = await page.evaluate((id) => (window as unknown as { __attack(id: string): { frames: number; hit: string | null } }).__attack(id), s.extensionId);
    expect(attack.frames).toBe(0); // a frame inside a shadow root is not in window.frames
    // Nor does the page learn the card page's (dynamic) address from its resource timings.
    expect(await page.evaluate(() => performance.getEntries().map((e) => e.name).filter((n) => /extension:/.test(n)))).toEqual([]);
    expect(await snapshot(probe)).toBe(before);

    // The user: a note typed into the card with real key presses, text copied from it, a tick.
    const frame = card.frame()!;
    await frame.getByRole('button', { name: 'Add a note to “An executive reached out personally”' }).first().click();
    const note = frame.getByRole('textbox', { name: 'Note' });
    await note.waitFor();
    await note.pressSequentially(NOTE, { delay: 10 });
    await page.keyboard.press('Enter');
    await card.waitFor('[data-testid=aircover-person]', NOTE);
    await frame.getByTestId('tier-sentence').selectText();
    await page.keyboard.press('Control+C');
    const tick = frame.getByTestId('tick-onNewsletter').first();
    const wasTicked = await tick.isChecked();
    await tick.click();
    await expect.poll(() => tick.isChecked()).toBe(!wasTicked);

    // The forged WXT start-up event (sent before all that) did not take the card away.
    expect(await card.exists('[data-testid=card-title]')).toBe(true);

    const spy = await page.evaluate(() => {
      const w = window as unknown as { __spy: { events: string[]; internals: string[]; shadows: string[]; posts: string[]; echoed: number }; __search(words: string[]): string[] };
      return { ...w.__spy, found: w.__search(['Tier 1', 'Decision maker', 'Met CFO', 'budget 250k', 'of 7 boxes']), control: w.__search(['Jane Doe']) };
    });
    // The search works on the page's own text, and finds none of the card's.
    expect(spy.control.length).toBe(1);
    expect(spy.found).toEqual([]);
    // No key, input or clipboard event reached the page while the user typed and copied.
    expect(spy.events).toEqual([]);
    // No custom element got a shadow root to look into; no page-world shadow root was made.
    expect(spy.internals).toEqual([]);
    expect(spy.shadows).toEqual([]);
    // Nothing was posted to the page: no WXT start-up message, nothing from the card.
    expect(spy.posts.filter((p) => !p.includes('"__echo":true'))).toEqual([]);
    expect(spy.echoed).toBe(0);
    const text = JSON.stringify(spy);
    for (const w of CARD_WORDS) expect(text).not.toContain(w);

    // Control: the same listeners do hear keys typed into the page itself.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
    });
    await page.keyboard.press('x');
    expect(await page.evaluate(() => (window as unknown as { __spy: { events: string[] } }).__spy.events)).toContain('keydown:x');

    await page.close();
    await probe.close();
  });

  it('the extension made no request anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
