/**
 * The card on LinkedIn and Sales Navigator as they are in 2026 (fixtures derived from real
 * captures, at their real URLs): every page type names its account, a framed company page shows
 * one card, in-app navigation between two 2026 profiles never shows a verdict it has not read,
 * a search page follows the lead opened in its panel, and what the card cannot be sure of it says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CardObject, FIXTURES, screenshot, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

const fixture = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

async function cardAt(url: string) {
  const page = await s.context.newPage();
  await page.goto(url);
  return { page, card: await CardObject.of(page) };
}

/** Cards in the page's frames (the top one and any other): there must be exactly one. */
const cardFrames = (page: Page) => page.frames().filter((f) => /^chrome-extension:\/\/[^/]+\/card\.html/.test(f.url())).length;

const PAGES: [string, string, string][] = [
  ['2026 profile: "Company (YC S25) · School"', 'https://www.linkedin.com/in/priya-raman-4c2/', 'Adatum Payments'],
  ['2026 profile with the messaging pop-up (it)', 'https://www.linkedin.com/in/giuliaferrante/', 'Fabrikam Logistics'],
  ['2026 profile, invitation pending', 'https://www.linkedin.com/in/antoinemarchal/', 'Relecloud'],
  ['2026 profile (de)', 'https://de.linkedin.com/in/lena-vogt-b71/', 'Brauhaus Systems GmbH'],
  ['2026 profile with a shared past employer (fr)', 'https://fr.linkedin.com/in/chloe-dubois-5e/', 'Atelier Lumière SA'],
  ['2026 experience sub-page', 'https://www.linkedin.com/in/priya-raman-4c2/details/experience/', 'Adatum Payments'],
  ['2023 guest profile: "Company - We\'re hiring"', 'https://lk.linkedin.com/in/arjun-pereira', 'Datum Robotics'],
  ['guest profile (de host)', 'https://de.linkedin.com/in/jonas-weber-4a', 'Relecloud'],
  ['guest profile: "Company (by Parent)"', 'https://sg.linkedin.com/in/mei-lin-tan', 'Litware Health'],
  ['company page, data only in embedded JSON', 'https://www.linkedin.com/company/datum-robotics/', 'Datum Robotics'],
  ['company page, logged out, JSON-LD (sg)', 'https://sg.linkedin.com/company/tailspin-aero', 'Tailspin Aero'],
  ['Sales Navigator lead 2026', 'https://www.linkedin.com/sales/lead/ACwAAC7mQ2kBx-91pLr4zW6yHcTn8eVd3aJs5uQ,NAME_SEARCH,k2Rf', 'Relecloud'],
  ['Sales Navigator lead 2026 (de)', 'https://www.linkedin.com/sales/lead/ACwAAD2pL8vQn-47tRk3xY5wJ1mFc6bHs9eTz0a,NAME_SEARCH,Lm4x', 'Fabrikam Logistics'],
  ['Sales Navigator lead whose company has no page', 'https://www.linkedin.com/sales/lead/ACwAAB9sK3dLm-28qWe5rT7yUi0oP4aSd1fGh6j,NAME_SEARCH,Xy7a', 'Datum Robotics'],
  ['Sales Navigator account 2026', 'https://www.linkedin.com/sales/company/1035025?_ntb=x7Kp2QvRS9e1WmT3bYc4Ag%3D%3D', 'Datum Robotics'],
];

describe('the card on 2026 LinkedIn and Sales Navigator pages', () => {
  it.each(PAGES)('%s names %s', async (_label, url, account) => {
    const { page, card } = await cardAt(url);
    await card.waitFor('[data-testid=card-title]', account);
    // On the page, where the user looks: not only in the frame's document.
    await card.waitShown();
    if (url.includes('/in/priya-raman-4c2/') && !url.includes('details')) await screenshot(page, 'card-linkedin-2026');
    await page.close();
  });

  it('a company page LinkedIn renders in an interop frame shows one card, read from the frame', async () => {
    const { page, card } = await cardAt('https://www.linkedin.com/company/relecloud/');
    await card.waitFor('[data-testid=card-title]', 'Relecloud');
    expect(cardFrames(page)).toBe(1);
    // The card is the top frame's: the preload frame only read its document.
    expect(page.frames().find((f) => f.url().includes('/preload/'))?.childFrames().length ?? 0).toBe(0);
    await page.close();
  });

  it('in-app navigation between two 2026 profiles says "reading" until it knows, never a wrong verdict', async () => {
    const { page, card } = await cardAt('https://www.linkedin.com/in/priya-raman-4c2/');
    await card.waitFor('[data-testid=card-title]', 'Adatum Payments');
    // Everything the card says, sampled while LinkedIn swaps the page the way its app does.
    const seen = new Set<string>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const t = await card.text('[data-testid=card]').catch(() => undefined);
        if (t) seen.add(t);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const next = fixture('linkedin-profile-2026-loggedin-popup-it.html');
    await page.evaluate(async (html) => {
      history.pushState({}, '', '/in/giuliaferrante/');
      // LinkedIn renders the next profile a moment after the URL changes.
      await new Promise((r) => setTimeout(r, 600));
      const doc = new DOMParser().parseFromString(html, 'text/html');
      document.title = doc.title;
      // The app re-renders what it rendered; elements it did not (the card's host) stay.
      const ours = (el: Element) => el instanceof HTMLDivElement && el.style.cssText.includes('initial');
      for (const el of [...document.body.children]) if (!ours(el)) el.remove();
      document.body.prepend(...[...doc.body.childNodes].map((n) => document.adoptNode(n)));
    }, next);
    await card.waitFor('[data-testid=card-title]', 'Fabrikam Logistics');
    sampling = false;
    await sampler;
    const said = [...seen].join('\n');
    expect(said).toContain('Reading the page');
    expect(said).not.toContain('could not read');
    expect(said).not.toContain('No account matches');
    expect(said).not.toContain('Bellows College'); // the school on the new profile's company line
    await page.close();
  });

  it('a Sales Navigator search follows the lead opened in its panel, without a URL change', async () => {
    const url = 'https://www.linkedin.com/sales/search/people?query=(keywords%3Afinance)';
    const html = fixture('salesnav-search-panel-2026.html');
    // The same page with its panel still closed (the outlet empty), as the search first loads.
    const closed = html.replace(/<div id="inline-sidesheet-outlet">[\s\S]*?<\/aside>/, '<div id="inline-sidesheet-outlet">');
    expect(closed).not.toBe(html);
    s.serve(url, closed);
    const { page, card } = await cardAt(url);
    // No lead open: no card (a search page has no account of its own).
    await page.waitForLoadState('domcontentloaded');
    expect(await card.exists('[data-testid=card-title]')).toBe(false);
    await page.evaluate((full) => {
      const panel = new DOMParser().parseFromString(full, 'text/html').querySelector('#inline-sidesheet-outlet > aside')!;
      document.querySelector('#inline-sidesheet-outlet')!.append(document.adoptNode(panel));
    }, html);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    await page.close();
  });

  it('a profile that shows only a school says so and offers a page report without names', async () => {
    const { page, card } = await cardAt('https://www.linkedin.com/in/kenji-tanaka-03/');
    await card.waitFor('[data-testid=no-match]', 'no current company');
    const report = await card.text('[data-testid=page-report-text]');
    expect(report).toContain('URL shape: https://www.linkedin.com/in/<id>/');
    expect(report).toContain('topcard-h2');
    for (const word of ['Kenji', 'Tanaka', 'Bellows']) expect(report).not.toContain(word);
    expect(await card.text('[data-testid=card]')).not.toContain('Bellows College');
    await page.close();
  });

  it('"no account matches" shows the company it read, and creating prefills it without LinkedIn\'s extras', async () => {
    const url = 'https://www.linkedin.com/in/priya-raman-4c2/';
    s.serve(url, fixture('linkedin-profile-2026-loggedin-topcard-en.html').replaceAll('Adatum Payments', 'Zephyr Quantum'));
    const { page, card } = await cardAt(url);
    await card.waitFor('[data-testid=no-match]', 'No account matches “Zephyr Quantum (YC S25)”');
    await card.click('[data-testid=create-open]');
    await expect.poll(() => card.value('[data-testid=create-name]')).toBe('Zephyr Quantum');
    s.serve(url, fixture('linkedin-profile-2026-loggedin-topcard-en.html'));
    await page.close();
  });

  it('two accounts with the shown name: the card asks which, and remembers the answer', async () => {
    // A second "Fabrikam Logistics", created from a page that has no company of its own.
    const { page: school, card: schoolCard } = await cardAt('https://www.linkedin.com/in/kenji-tanaka-03/');
    await schoolCard.waitFor('[data-testid=no-match]');
    await schoolCard.click('[data-testid=create-open]');
    await schoolCard.fill('[data-testid=create-name]', 'Fabrikam Logistics');
    await schoolCard.fill('[data-testid=create-domain]', 'fabrikam-logistics.example');
    await schoolCard.submit('[data-testid=create-form]');
    await schoolCard.waitFor('[data-testid=card-title]', 'Fabrikam Logistics');
    await school.close();

    const url = 'https://www.linkedin.com/in/giuliaferrante/';
    const { page, card } = await cardAt(url);
    await card.waitFor('[data-testid=no-match]', 'Several accounts are called “Fabrikam Logistics”');
    expect((await card.text('[data-testid=candidates]'))?.match(/Fabrikam Logistics/g)?.length).toBe(2);
    await card.click('[data-testid=candidates] li:first-child button');
    await card.waitFor('[data-testid=card-title]', 'Fabrikam Logistics');
    await page.reload();
    const again = await CardObject.of(page);
    await again.waitFor('[data-testid=card-title]', 'Fabrikam Logistics');
    await page.close();
  });

  it('the extension made no request anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
