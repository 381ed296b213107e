/**
 * Evidence read from the page, offered by the card and never ticked on its own: a 1st-degree
 * badge and a Following button on profiles (2024 and 2026 layouts, English and French), a
 * followed company page (German), a saved Sales Navigator lead (French). One click or key press
 * accepts, and the record says "seen on LinkedIn" with the date.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CardObject, screenshot, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

/** Open a page, wait for its account, add the person as a contact from the card. */
async function openAndAdd(url: string, account: string, person: string): Promise<{ page: Page; card: CardObject }> {
  const page = await s.context.newPage();
  await page.goto(url);
  const card = await CardObject.of(page);
  await card.waitFor('[data-testid=card-title]', account);
  await card.waitFor('[data-testid=person-unknown]', person);
  // Not a contact yet: nothing to mark, so no suggestion.
  expect(await card.exists('[data-testid=evidence]')).toBe(false);
  await card.click('[data-testid=add-person]');
  await card.submit('[data-testid=add-person-form]');
  await card.waitFor('[data-testid=person-known]', person);
  return { page, card };
}

describe('the card suggests what the page shows', () => {
  it('2024 profile: 1st degree and Following, accepted one at a time, by click and by keyboard', async () => {
    const { page, card } = await openAndAdd('https://www.linkedin.com/in/omar-haddad-7e/', 'Northwind Analytics', 'Omar Haddad');
    await card.waitFor('[data-testid=evidence-connected]', 'LinkedIn shows you are connected: mark it?');
    await card.waitFor('[data-testid=evidence-followed]', 'LinkedIn shows you follow them');
    // Offered, not done.
    expect(await card.exists('[data-testid=person-connected]')).toBe(false);
    expect(await card.exists('[data-testid=person-followed]')).toBe(false);
    await screenshot(page, 'card-evidence');
    await card.frame()!.getByTestId('evidence-accept-connected').click();
    await card.waitFor('[data-testid=person-connected]', 'seen on LinkedIn');
    expect(await card.exists('[data-testid=person-followed]')).toBe(false);
    expect(await card.exists('[data-testid=evidence-connected]')).toBe(false);
    // The keyboard: focus the button, Enter.
    await card.frame()!.getByTestId('evidence-accept-followed').focus();
    await page.keyboard.press('Enter');
    await card.waitFor('[data-testid=person-followed]', 'seen on LinkedIn');
    await expect.poll(() => card.exists('[data-testid=evidence]')).toBe(false);
    await page.close();
  });

  it('2026 profile in French: "· 1er" and "Abonné" are read', async () => {
    const { page, card } = await openAndAdd('https://fr.linkedin.com/in/margaux-lefevre-2b/', 'Atelier Lumière SA', 'Margaux Lefèvre');
    await card.waitFor('[data-testid=evidence-connected]');
    await card.waitFor('[data-testid=evidence-followed]');
    await page.close();
  });

  it('a 2026 profile with a pre-rendered "1st" beside "2nd" and a Follow button suggests nothing', async () => {
    const { page, card } = await openAndAdd('https://www.linkedin.com/in/antoinemarchal/', 'Relecloud', 'Antoine Marchal');
    await card.waitFor('[data-testid=person-known]', 'Antoine Marchal');
    expect(await card.exists('[data-testid=evidence]')).toBe(false);
    await page.close();
  });

  it('a followed company page (German): the "company page follows" tick once it is a target, marked seen on LinkedIn', async () => {
    const page = await s.context.newPage();
    await page.goto('https://de.linkedin.com/company/brauhaus-systems/about/');
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Brauhaus Systems GmbH');
    if (await card.exists('[data-testid=add-target]')) await card.click('[data-testid=add-target]');
    await card.waitFor('[data-testid=evidence-companyFollowed]', 'follow this company page');
    expect(await card.frame()!.getByTestId('tick-companyPageFollow').isChecked()).toBe(false);
    await card.frame()!.getByTestId('evidence-accept-companyFollowed').click();
    await expect.poll(() => card.frame()!.getByTestId('tick-companyPageFollow').isChecked()).toBe(true);
    await card.waitFor('[data-testid=aircover-account]', 'seen on LinkedIn');
    await page.close();
  });

  it('a saved Sales Navigator lead (French UI): mark the contact followed', async () => {
    const { page, card } = await openAndAdd('https://www.linkedin.com/sales/lead/ACwAAE4tW9pQr-15mNb7cX2vZk8yHd3jLf6gRsA,NAME_SEARCH,q7Tz', 'Relecloud', 'Inès Moreau');
    await card.waitFor('[data-testid=evidence-savedLead]', 'Saved as a lead in Sales Navigator');
    await card.frame()!.getByTestId('evidence-accept-savedLead').click();
    await card.waitFor('[data-testid=person-followed]', 'seen on LinkedIn');
    await page.close();
  });

  it('the extension made no request anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
