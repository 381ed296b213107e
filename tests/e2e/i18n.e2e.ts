/**
 * The interface follows the browser's language: a German Chromium shows the card, the options
 * and the week in German, with German dates. The other browser tests run in English (the
 * harness's default).
 *
 * Measured in headless Chromium: `--lang=de` switches the `_locales` messages and the manifest,
 * but neither `getUILanguage()` nor `@@ui_locale` (so lib/i18n/format.ts follows the catalog's
 * own `meta.locale`); Playwright's `locale: 'de-DE'` switches `getUILanguage()` and
 * `navigator.language` in pages (not in the service worker), but not the messages. The harness
 * passes both.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CardObject, openExtensionPage, tabIdOf, type Session, useSession } from './harness';

const session = useSession({ lang: 'de' });
let s: Session;
beforeAll(() => {
  s = session();
});

const JANE = 'https://www.linkedin.com/in/jane-doe-4b1a2/';

describe('a German browser', () => {
  it('serves the German catalog and manifest', async () => {
    const seen = await s.worker.evaluate(() => ({
      catalog: chrome.i18n.getMessage('meta_locale'),
      shortcut: chrome.i18n.getMessage('manifest_toggleCard'),
      description: chrome.runtime.getManifest().description,
    }));
    expect(seen.catalog).toBe('de');
    expect(seen.shortcut).toBe('Tiercover-Karte auf dieser Seite ein- oder ausblenden');
    expect(seen.description).toMatch(/^Account-Tiers, Abdeckung der Zielkontakte/);
  });

  it('gets the card in German, with German dates', async () => {
    const page = await s.context.newPage();
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    expect(await card.attr('[data-testid=card]', 'aria-label')).toBe('Tiercover-Accountkarte');
    expect(await card.text('[data-testid=tier-sentence]')).toBe('Tier 1: 7 von 7 Kriterien, Produkt-Fit inklusive');
    expect(await card.text('[data-testid=person-known]')).toContain('Jane Doe ist ein Kontakt: VP Finance · Finanzen · Entscheider');
    expect(await card.text('[data-testid=coverage]')).toContain('Abdeckung');
    // A done tick says who and when: "Sam Rep, 24. Nov." (day, dot, German month), not "Nov 24".
    const ticks = (await card.text('[data-testid=aircover-person]')) ?? '';
    expect(ticks).toMatch(/, \d{1,2}\. (Jan|Feb|März|Apr|Mai|Juni|Juli|Aug|Sept|Okt|Nov|Dez)\.?/);
    // The toolbar button's tooltip, in German too.
    await expect.poll(() => tabIdOf(s, 'linkedin:in:jane-doe-4b1a2').catch(() => 0)).toBeGreaterThan(0);
    const tabId = await tabIdOf(s, 'linkedin:in:jane-doe-4b1a2');
    await expect.poll(() => s.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Tiercover: Northwind Analytics, Tier 1: 7 von 7 Kriterien, Produkt-Fit inklusive');
    await page.close();
  });

  it('says on the toolbar button, in German, that no account matches', async () => {
    const url = 'https://www.linkedin.com/company/zephyr-quantum/';
    s.serve(url, '<!doctype html><html lang="de"><head><title>Zephyr Quantum | LinkedIn</title></head><body><h1>Zephyr Quantum</h1></body></html>');
    const page = await s.context.newPage();
    await page.goto(url);
    await expect.poll(() => tabIdOf(s, 'linkedin:company:zephyr-quantum').catch(() => 0)).toBeGreaterThan(0);
    const tabId = await tabIdOf(s, 'linkedin:company:zephyr-quantum');
    await expect.poll(() => s.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe('Tiercover: kein Account passt zu dieser Seite');
    await page.close();
  });

  it('gets the options and the week in German, with German dates', async () => {
    const options = await openExtensionPage(s, 'options.html');
    await expect.poll(() => options.locator('#data-h').textContent()).toBe('Ihre Daten');
    await expect.poll(() => options.locator('#import-h').textContent()).toBe('Accounts und Kontakte importieren');
    expect(await options.getByTestId('privacy-link').textContent()).toBe('Datenschutz: was Tiercover speichert, liest und sendet (nichts)');
    // Team sync: off, and said so in German.
    await expect.poll(() => options.locator('#team-h').textContent()).toBe('Team-Synchronisierung');
    expect(await options.getByTestId('team-state').textContent()).toBe('Aus. Nichts verlässt diesen Browser.');
    expect(await options.getByTestId('team-connect').textContent()).toBe('Verbinden');
    await options.close();

    const week = await openExtensionPage(s, 'app.html');
    // "2026-W48 (23. Nov. – 29. Nov. 2026)": the week's days in German.
    await expect.poll(() => week.getByTestId('week-label').textContent()).toMatch(/^\d{4}-W\d{2} \(\d{1,2}\. \S+ – \d{1,2}\. \S+ \d{4}\)$/);
    expect(await week.getByTestId('week-prev').getAttribute('aria-label')).toBe('Vorherige Woche');
    expect(await week.getByTestId('view-grid').textContent()).toBe('Air-Cover-Raster');
    await week.close();
  });
});
