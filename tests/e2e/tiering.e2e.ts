import { beforeAll, describe, expect, it } from 'vitest';
import { CardObject, openExtensionPage, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

describe('tiering settings', () => {
  it('changing the employee band re-tiers an account where it is shown, at once', async () => {
    const url = 'https://www.linkedin.com/company/hanseatic-freight/';
    s.serve(url, '<!doctype html><html><head><title>Hanseatic Freight AG: Overview | LinkedIn</title></head><body><main><h1>Hanseatic Freight AG</h1></main></body></html>');
    const page = await s.context.newPage();
    await page.goto(url);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Hanseatic Freight AG');
    expect(await card.attr('[data-testid=tier-badge]', 'data-tier')).toBe('tier1');

    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('band-max').fill('4000');
    await options.getByTestId('save-tiering').click();
    await options.getByTestId('tiering-status').filter({ hasText: 're-tiered' }).waitFor();

    // The open card follows without a reload.
    await expect.poll(() => card.attr('[data-testid=tier-badge]', 'data-tier')).toBe('tier2');
    expect(await card.text('[data-testid=tier-sentence]')).toBe('Tier 2: 6 of 7 boxes');

    // An out-of-range band is refused with a clear message and nothing changes.
    await options.getByTestId('band-min').fill('9000');
    await options.getByTestId('save-tiering').click();
    await options.getByTestId('tiering-status').filter({ hasText: 'minimum must not exceed the maximum' }).waitFor();
    expect(await card.attr('[data-testid=tier-badge]', 'data-tier')).toBe('tier2');
    await options.close();
    await page.close();
  });
});
