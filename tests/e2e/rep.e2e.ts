/**
 * The rep's Monday on a LinkedIn card: see who the account's names are, mark people connected
 * where the gap says they are not (the gap text follows), fix a buying role, remove a name and
 * undo it, and set and clear a tier override with a reason, all inside the card.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CardObject, screenshot, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

const JANE = 'https://www.linkedin.com/in/jane-doe-4b1a2/';
const notConnected = (gaps: string | null | undefined) => Number(/(\d+) of \d+ not connected/.exec(gaps ?? '')?.[1] ?? 0);

describe('the rep fixes gaps from the card', () => {
  it('marks two contacts connected and the gap text changes at once', async () => {
    const page = await s.context.newPage();
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    const before = notConnected(await card.text('[data-testid=coverage-gaps]'));
    expect(before).toBeGreaterThanOrEqual(2);
    const frame = card.frame()!;
    await frame.getByTestId('contact-list').locator('summary').click();
    const unconnected = frame.locator('[data-testid=contact-row]').filter({ has: frame.locator('[data-testid=contact-connected][aria-pressed=false]') });
    for (let i = 0; i < 2; i++) {
      const row = unconnected.first();
      const name = await row.getAttribute('data-contact');
      await row.getByTestId('contact-connected').click();
      await expect.poll(() => frame.locator(`[data-testid=contact-row][data-contact="${name}"] [data-testid=contact-connected]`).getAttribute('aria-pressed')).toBe('true');
    }
    await expect.poll(async () => notConnected(await card.text('[data-testid=coverage-gaps]'))).toBe(before - 2);
    await screenshot(page, 'card-contacts');

    // A buying role, then a removal undone: the name is back with what it had.
    const first = frame.getByTestId('contact-row').first();
    const name = (await first.getAttribute('data-contact'))!;
    await first.getByTestId('contact-role').selectOption('champion');
    await expect.poll(() => frame.locator(`[data-testid=contact-row][data-contact="${name}"] [data-testid=contact-role]`).inputValue()).toBe('champion');
    const count = await frame.getByTestId('contact-row').count();
    await frame.locator(`[data-testid=contact-row][data-contact="${name}"]`).getByTestId('contact-remove').click();
    await expect.poll(() => frame.getByTestId('contact-row').count()).toBe(count - 1);
    await frame.getByTestId('contact-removed').filter({ hasText: `Removed ${name}` }).waitFor();
    await frame.getByTestId('contact-undo').click();
    await expect.poll(() => frame.getByTestId('contact-row').count()).toBe(count);
    expect(await frame.locator(`[data-testid=contact-row][data-contact="${name}"] [data-testid=contact-role]`).inputValue()).toBe('champion');
    await page.close();
  });

  it('sets and clears a tier override with a reason, shown once', async () => {
    const page = await s.context.newPage();
    await page.goto(JANE);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=tier-sentence]', 'Tier 1');
    const frame = card.frame()!;
    await frame.getByTestId('tier-why').locator('summary').click();
    await frame.getByTestId('override-open').click();
    await frame.getByTestId('override-tier').selectOption('tier2');
    await frame.getByTestId('override-reason').fill('Budget frozen until Q3');
    await frame.getByTestId('override-submit').click();
    await card.waitFor('[data-testid=tier-sentence]', 'Tier 2 by override: Budget frozen until Q3');
    expect(await card.attr('[data-testid=tier-badge]', 'data-tier')).toBe('tier2');
    // Said once: nothing else on the card restates it.
    expect((await card.text('[data-testid=card]'))?.match(/by override/g)?.length).toBe(1);
    await frame.getByTestId('override-open').click();
    await frame.getByTestId('override-reason').fill('Budget confirmed');
    await frame.getByTestId('override-submit').click();
    await card.waitFor('[data-testid=tier-sentence]', 'Tier 1: 7 of 7 boxes');
    await page.close();
  });

  it('the extension made no request anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
