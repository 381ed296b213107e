import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../lib/domain/schema';
import { CardObject, csvRows, downloadText, launch, loadSampleData, openExtensionPage, ROOT, screenshot, type Session } from './harness';
import { first, must } from '../unit/helpers/must';

const CSV = join(ROOT, 'tests/fixtures/csv');
const sessions: Session[] = [];
afterAll(async () => {
  for (const s of sessions) await s.close();
});
async function start(sample: boolean) {
  const s = await launch();
  sessions.push(s);
  if (sample) await loadSampleData(s);
  return s;
}

async function importFile(options: Page, file: string) {
  await options.getByTestId('import-file').setInputFiles(join(CSV, file));
  await options.getByTestId('import-result').waitFor();
  return (await options.getByTestId('import-result').textContent()) ?? '';
}

async function openWeek(s: Session) {
  const app = await openExtensionPage(s, 'app.html');
  await app.getByTestId('week-progress').waitFor();
  return app;
}

describe('imports and exports in Chromium', () => {
  it('imports a HubSpot companies CSV and a Salesforce contacts CSV; the card shows them with their tiers', async () => {
    const s = await start(false);
    const options = await openExtensionPage(s, 'options.html');
    // Its Tier column sets overrides: the import says how many and waits for a yes.
    await options.getByTestId('import-file').setInputFiles(join(CSV, 'hubspot-companies.csv'));
    expect(await options.getByTestId('import-overrides').textContent()).toContain('Will set 2 tier overrides from its Tier column, credited to “CSV import: hubspot-companies.csv”');
    await options.getByTestId('import-confirm').click();
    await options.getByTestId('import-result').filter({ hasText: 'hubspot-companies.csv: 3 added, 0 merged, 0 skipped.' }).waitFor();
    const contacts = await importFile(options, 'salesforce-contacts.csv');
    expect(contacts).toContain('salesforce-contacts.csv: 3 added, 0 merged, 1 skipped.');
    expect(contacts).toContain('Row 4');
    await screenshot(options, 'import');

    // A file with columns we don't know shows the preview; importing after mapping works.
    await options.getByTestId('import-file').setInputFiles(join(CSV, 'unknown-columns.csv'));
    await options.getByTestId('import-preview').waitFor();
    await options.getByTestId('map-0').selectOption('name');
    await options.getByTestId('import-confirm').click();
    await options.getByTestId('import-result').filter({ hasText: '1 added' }).waitFor();

    const page = await s.context.newPage();
    await page.goto('https://www.linkedin.com/company/northwind-analytics/about/');
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Northwind Analytics');
    expect(await card.attr('[data-testid=tier-badge]', 'data-tier')).toBe('tier2'); // the Tier column's override
    expect(await card.text('[data-testid=tier-sentence]')).toMatch(/^Tier 2 by override: the file's Tier column — CSV import: hubspot-companies\.csv, \d{4}-\d{2}-\d{2}; computed Tier \d$/);
    expect(await card.text('[data-testid=coverage-named]')).toBe('2');
    await page.goto('https://www.linkedin.com/company/contoso-retail');
    const contoso = await CardObject.of(page);
    await contoso.waitFor('[data-testid=card-title]', 'Contoso Retail');
    expect(await contoso.attr('[data-testid=tier-badge]', 'data-tier')).toBe('global'); // 82,000 employees
    expect(s.outside).toEqual([]);
  });

  it('a broken CSV gives a clear message and writes nothing', async () => {
    const s = must(sessions[0], 'the first session (beforeAll)');
    const options = await openExtensionPage(s, 'options.html');
    const before = await options.getByTestId('stat-accounts').textContent();
    await options.getByTestId('import-file').setInputFiles({ name: 'picture.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 0, 0, 0, 0xff, 0xfe, 0xfd]) });
    await options.getByTestId('import-result').filter({ hasText: 'Nothing was written' }).waitFor();
    expect(await options.getByTestId('import-result').textContent()).toContain('not UTF-8 or UTF-16 text');
    await options.getByTestId('import-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await options.getByTestId('import-result').filter({ hasText: 'empty' }).waitFor();
    expect(await options.getByTestId('stat-accounts').textContent()).toBe(before);
  });

  it('exports the sales pack, marketing pack, agenda and bundle through real downloads', async () => {
    const s = await start(true);
    const app = await openWeek(s);
    const targets = await app.getByTestId('target').count();
    const accounts = await app.getByTestId('target').evaluateAll((els) => els.map((e) => e.getAttribute('data-account')!));

    const sales = await downloadText(app, 'export-sales');
    expect(sales.name).toMatch(/^tiercover-\d{4}-W\d{2}-sales-pack\.csv$/);
    expect(sales.text.charCodeAt(0)).toBe(0xfeff);
    const salesRows = csvRows(sales.text);
    const salesHeader = first(salesRows, 'sales pack rows');
    expect(salesHeader).toContain('Coverage gaps');
    expect(new Set(salesRows.slice(1).map((r) => r[salesHeader.indexOf('Account')]))).toEqual(new Set(accounts));

    const marketing = await downloadText(app, 'export-marketing');
    const mRows = csvRows(marketing.text);
    expect(mRows[0]).toEqual(expect.arrayContaining(['Account', 'Item', 'LinkedIn URL']));
    expect(mRows.length).toBeGreaterThan(targets);

    const agenda = await downloadText(app, 'export-agenda');
    expect(agenda.name).toMatch(/-agenda\.md$/);
    for (const a of accounts) expect(agenda.text).toContain(a);
    expect(agenda.text).not.toContain('\\'); // sanitised, never escaped: pastes cleanly

    const bundle = JSON.parse((await downloadText(app, 'export-bundle')).text);
    expect(bundle).toMatchObject({ format: 'tiercover-bundle', schemaVersion: SCHEMA_VERSION });
    expect(bundle.targets).toHaveLength(targets);
    // Names beyond ASCII (the sample's "Chloé", "García") arrive as they were stored.
    const names: string[] = bundle.contacts.map((c: { name: string }) => c.name);
    expect(names.filter((n) => [...n].some((ch) => ch.charCodeAt(0) > 0x7f)).length).toBeGreaterThan(0);
    expect(names.every((n) => !n.includes('\ufffd'))).toBe(true);

    const [print] = await Promise.all([app.context().waitForEvent('page'), app.getByTestId('export-print').click()]);
    await print.getByTestId('agenda-print').waitFor();
    const printed = await print.getByTestId('agenda-print').textContent();
    for (const a of accounts) expect(printed).toContain(a);
    expect(s.outside).toEqual([]);
  });

  it('round-trips a bundle between two profiles with different ticks: both see the union', async () => {
    const a = must(sessions[1], 'the second session (beforeAll)');
    const b = await start(false);
    const appA = await openWeek(a);
    const bundleA = await downloadText(appA, 'export-bundle');

    // B starts from A's week, then each side ticks something different.
    const optionsB = await openExtensionPage(b, 'options.html');
    await optionsB.getByTestId('bundle-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(bundleA.text) });
    await optionsB.getByTestId('bundle-status').filter({ hasText: 'added' }).waitFor();
    // Importing the same bundle twice changes nothing.
    await optionsB.getByTestId('bundle-file').setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from(bundleA.text) });
    await optionsB.getByTestId('bundle-status').filter({ hasText: '0 added, 0 updated' }).waitFor();

    const appB = await openWeek(b);
    const box = (p: Page, item: string) => p.locator(`[data-testid=target][data-account="Tailspin Aero"] [data-testid=target-grid] [data-cell$="|account|${item}"]`);
    for (const p of [appA, appB]) await p.locator('[data-testid=target][data-account="Tailspin Aero"]').getByRole('button', { name: 'Tailspin Aero' }).click();
    for (const [p, item] of [[appA, 'visitedWebsite'], [appB, 'pagesViewed']] as const) {
      if (!(await box(p, item).isChecked())) await box(p, item).click();
      await expect.poll(() => box(p, item).isChecked()).toBe(true);
    }
    // Make sure each starts without the other's tick.
    for (const [p, item] of [[appA, 'pagesViewed'], [appB, 'visitedWebsite']] as const) {
      if (await box(p, item).isChecked()) await box(p, item).click();
      await expect.poll(() => box(p, item).isChecked()).toBe(false);
    }

    const fromB = await downloadText(appB, 'export-bundle');
    const fromA = await downloadText(appA, 'export-bundle');
    const optionsA = await openExtensionPage(a, 'options.html');
    await optionsA.getByTestId('bundle-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(fromB.text) });
    await optionsA.getByTestId('bundle-status').filter({ hasText: 'merged' }).waitFor();
    await optionsB.getByTestId('bundle-file').setInputFiles({ name: 'a2.json', mimeType: 'application/json', buffer: Buffer.from(fromA.text) });
    await optionsB.getByTestId('bundle-status').filter({ hasText: 'a2.json' }).waitFor();

    for (const p of [appA, appB]) {
      await expect.poll(() => box(p, 'visitedWebsite').isChecked()).toBe(true);
      await expect.poll(() => box(p, 'pagesViewed').isChecked()).toBe(true);
    }

    // A broken or newer bundle is refused and nothing changes.
    await optionsA.getByTestId('bundle-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"tiercover-bundle","schemaVersion":99}') });
    await optionsA.getByTestId('bundle-status').filter({ hasText: 'newer Tiercover' }).waitFor();
    expect(await optionsA.getByTestId('bundle-status').textContent()).toContain('Nothing was imported');
  });
});
