import { beforeAll, describe, expect, it } from 'vitest';
import { CardObject, openExtensionPage, screenshot, tabIdOf, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

async function cardAt(url: string) {
  const page = await s.context.newPage();
  await page.goto(url);
  return { page, card: await CardObject.of(page) };
}

// Every page type, layout and locale of the fixtures, at its real URL, against the sample data.
const PAGES: [string, string, string, string][] = [
  ['LinkedIn profile, logged in (en)', 'https://www.linkedin.com/in/jane-doe-4b1a2/', 'Northwind Analytics', 'tier1'],
  ['LinkedIn profile subpage', 'https://www.linkedin.com/in/jane-doe-4b1a2/details/experience/', 'Northwind Analytics', 'tier1'],
  ['LinkedIn profile, 2025 layout (de)', 'https://de.linkedin.com/in/lukas-becker/', 'Brauhaus Systems GmbH', 'tier2'],
  ['LinkedIn profile, logged out (fr)', 'https://fr.linkedin.com/in/camille-martin', 'Atelier Lumière SA', 'tier3'],
  ['LinkedIn profile, 2020 layout (es)', 'https://es.linkedin.com/in/lucia-fernandez-7c/', 'Contoso Retail', 'global'],
  ['LinkedIn company about, logged in (en)', 'https://www.linkedin.com/company/northwind-analytics/about/', 'Northwind Analytics', 'tier1'],
  ['LinkedIn company about (de)', 'https://de.linkedin.com/company/brauhaus-systems/about/', 'Brauhaus Systems GmbH', 'tier2'],
  ['LinkedIn company, logged out', 'https://www.linkedin.com/company/contoso-retail', 'Contoso Retail', 'global'],
  ['Sales Navigator lead', 'https://www.linkedin.com/sales/lead/ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ,NAME_SEARCH,Ab1c', 'Northwind Analytics', 'tier1'],
  ['Sales Navigator account', 'https://www.linkedin.com/sales/company/1035004/', 'Contoso Retail', 'global'],
  ['Salesforce account (two views in the DOM)', 'https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAZ/view', 'Northwind Analytics', 'tier1'],
  ['Salesforce contact', 'https://northwind.lightning.force.com/lightning/r/Contact/0035g00000JaNeDAAR/view', 'Northwind Analytics', 'tier1'],
  ['Salesforce lead (sandbox)', 'https://northwind--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5g00000CaMiLAAZ/view', 'Atelier Lumière SA', 'tier3'],
  ['Salesforce opportunity (one.app)', 'https://northwind.lightning.force.com/one/one.app#/sObject/0065g00000OpRnWAAR/view', 'Northwind Analytics', 'tier1'],
  ['Salesforce Classic account', 'https://brauhaus.my.salesforce.com/0015g00000BrHsS', 'Brauhaus Systems GmbH', 'tier2'],
  ['HubSpot company (EU)', 'https://app-eu1.hubspot.com/contacts/4400123/record/0-2/9001', 'Contoso Retail', 'global'],
  ['HubSpot contact', 'https://app.hubspot.com/contacts/4400123/record/0-1/75001', 'Contoso Retail', 'global'],
  ['HubSpot legacy contact', 'https://app.hubspot.com/contacts/4400123/contact/75002/', 'Contoso Retail', 'global'],
];

describe('the card on every page type', () => {
  it.each(PAGES)('%s shows %s', async (_label, url, account, tier) => {
    const { page, card } = await cardAt(url);
    await card.waitFor('[data-testid=card-title]', account);
    await expect.poll(() => card.attr('[data-testid=tier-badge]', 'data-tier')).toBe(tier);
    // On the page, where the user looks: not only in the frame's document.
    await card.waitShown();
    if (url.includes('lightning.force.com/lightning/r/Account')) await screenshot(page, 'card-salesforce');
    if (url.includes('record/0-2')) await screenshot(page, 'card-hubspot');
    if (url.includes('/company/northwind')) await screenshot(page, 'card-linkedin-company');
    await page.close();
  });

  it('an unknown CRM layout shows the card with the link action', async () => {
    const { page, card } = await cardAt('https://northwind.lightning.force.com/lightning/r/Account/0015g00000ZzZzZAAZ/view');
    await card.waitFor('[data-testid=unreadable]', 'could not read this page');
    expect(await card.exists('[data-testid=link-search]')).toBe(true);
    await page.close();
  });

  it('hostile page text is shown as text, never as HTML', async () => {
    // The listener is there before the page loads, so an alert from markup the card rendered
    // would be caught; a control alert from the page proves the listener hears alerts at all.
    const page = await s.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => undefined); // already gone when the page closes first
    });
    await page.goto('https://www.linkedin.com/in/hostile-test/');
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=no-match]', '<img src=x onerror=alert(1)>');
    expect(await card.exists('img')).toBe(false);
    // The page's own markup alerts "2" once and "1" twice (two broken images of its own); markup
    // the card rendered would add more. Wait for the page's images to fail, then a control alert.
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    await page.evaluate(() => new Promise<void>((r) => setTimeout(() => (alert('control'), r()), 50)));
    await expect.poll(() => dialogs).toContain('control');
    expect([...dialogs].sort()).toEqual(['1', '1', '2', 'control']);
    await page.close();
  });

  it('the toolbar badge shows the tier of the tab', async () => {
    const { page, card } = await cardAt('https://www.linkedin.com/company/contoso-retail');
    await card.waitFor('[data-testid=card-title]', 'Contoso Retail');
    const badge = await s.worker.evaluate(async () => {
      const pages = ((await chrome.storage.session.get('tiercover.tabPages'))['tiercover.tabPages'] ?? {}) as Record<string, { pageKey?: string }>;
      const id = Number(Object.entries(pages).findLast(([, p]) => p.pageKey === 'linkedin:company:contoso-retail')?.[0]);
      return { text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) };
    });
    expect(badge).toEqual({ text: 'G', title: expect.stringMatching(/^Tiercover: Contoso Retail, Global/) });
    await page.close();
  });

  it('collapse and hide are remembered per site; the shortcut message brings the card back', async () => {
    const { page, card } = await cardAt('https://www.linkedin.com/in/jane-doe-4b1a2/');
    await card.waitFor('[data-testid=card-title]', 'Northwind');
    await card.click('[data-testid=card-collapse]');
    await expect.poll(() => card.exists('[data-testid=tier-sentence]')).toBe(false);
    await page.reload();
    const again = await CardObject.of(page);
    await again.waitFor('[data-testid=card-title]', 'Northwind');
    expect(await again.exists('[data-testid=tier-sentence]')).toBe(false);
    // Other sites keep their own state.
    const crm = await cardAt('https://app-eu1.hubspot.com/contacts/4400123/record/0-2/9001');
    await crm.card.waitFor('[data-testid=tier-sentence]');
    await crm.page.close();
    await again.click('[data-testid=card-collapse]');
    await again.click('[data-testid=card-hide]');
    await expect.poll(() => again.exists('[data-testid=card]')).toBe(false);
    await page.close();
    await s.worker.evaluate(() => chrome.storage.local.clear());
  });

  it('a site switched to "side panel only" shows no card, and the side panel still has the context', async () => {
    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('card-mode-linkedin').selectOption('sidepanel');
    await options.getByTestId('sites-status').filter({ hasText: 'saved' }).waitFor();
    const { page, card } = await cardAt('https://www.linkedin.com/company/contoso-retail');
    await expect.poll(() => tabIdOf(s, 'linkedin:company:contoso-retail').catch(() => 0)).toBeGreaterThan(0);
    const tabId = await tabIdOf(s, 'linkedin:company:contoso-retail');
    expect(await card.exists('[data-testid=card]')).toBe(false);
    // Nothing at all added to the page: no host element, no frame (the page's own body as served).
    expect(await card.hasHost()).toBe(false);
    expect(await page.evaluate(() => [...document.body.children].some((el) => el instanceof HTMLDivElement && el.style.cssText.includes('initial')))).toBe(false);
    const panel = await openExtensionPage(s, `sidepanel.html?tab=${tabId}`);
    await expect.poll(() => panel.getByTestId('panel-title').textContent()).toBe('Contoso Retail');
    // The CRM sites keep their card.
    const crm = await cardAt('https://app-eu1.hubspot.com/contacts/4400123/record/0-2/9001');
    await crm.card.waitFor('[data-testid=card-title]', 'Contoso Retail');
    await options.getByTestId('card-mode-linkedin').selectOption('card');
    await options.getByTestId('sites-status').filter({ hasText: 'saved' }).waitFor();
    for (const p of [options, page, panel, crm.page]) await p.close();
  });

  it('the extension made no request anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
