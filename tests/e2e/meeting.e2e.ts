import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, screenshot, tabIdOf, type Session } from './harness';

const DATE = '\\d{4}-\\d{2}-\\d{2}';
const counts = (p: Page) => Promise.all(['stat-accounts', 'stat-contacts', 'stat-targets'].map((id) => p.getByTestId(id).textContent()));

describe('first run, sample data, tier overrides and the meeting in Chromium', () => {
  let s: Session;
  beforeAll(async () => {
    s = await launch();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('first run asks your name first, then sample data or an import, then says what to open next', async () => {
    const options = await openExtensionPage(s, 'options.html');
    const first = options.getByTestId('first-run');
    await first.and(options.locator('[data-step=name]')).waitFor();
    await options.getByTestId('first-name').fill('Morgan Meeting');
    await options.getByTestId('first-name-save').click();
    await first.and(options.locator('[data-step=data]')).waitFor();
    expect(await options.getByTestId('first-import').isVisible()).toBe(true);
    await options.getByTestId('first-sample').click();
    await first.and(options.locator('[data-step=next]')).waitFor();
    const links = await options.getByTestId('first-next').locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual([
      `chrome-extension://${s.extensionId}/app.html`,
      'https://www.linkedin.com/company/northwind-analytics/',
      `chrome-extension://${s.extensionId}/sidepanel.html`,
    ]);
    await expect.poll(() => options.getByTestId('stat-accounts').textContent()).toBe('40');
    await options.close();
  });

  it('loading the sample data twice leaves the counts unchanged, after a confirm; a listed account is still found', async () => {
    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('stat-accounts').filter({ hasText: '40' }).waitFor();
    const before = await counts(options);
    await options.getByTestId('load-sample').click();
    await options.getByTestId('sample-confirm').waitFor();
    await options.getByTestId('sample-confirm-button').click();
    await options.getByTestId('data-status').filter({ hasText: 'Sample data loaded: 40 accounts' }).waitFor();
    await expect.poll(() => counts(options)).toEqual(before);

    const page = await s.context.newPage();
    await page.goto('https://www.linkedin.com/company/northwind-analytics/about/');
    await expect.poll(() => tabIdOf(s, 'linkedin:company:northwind-analytics').catch(() => 0)).toBeGreaterThan(0);
    const panel = await openExtensionPage(s, `sidepanel.html?tab=${await tabIdOf(s, 'linkedin:company:northwind-analytics')}`);
    await expect.poll(() => panel.getByTestId('panel-title').textContent()).toBe('Northwind Analytics');
    await expect.poll(() => panel.getByTestId('week').textContent()).toContain('On the list');
    for (const p of [options, page, panel]) await p.close();
  });

  it('sets and clears a tier override with a reason in the account editor, shown once', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('tab-accounts').click();
    await app.getByTestId('account-search').fill('Northwind');
    await app.getByRole('option', { name: 'Northwind Analytics,' }).click();
    const editor = app.getByTestId('account-editor');
    await editor.getByTestId('tier-sentence').filter({ hasText: /^Tier 1: 7 of 7 boxes/ }).waitFor();

    await editor.getByTestId('override-open').click();
    await editor.getByTestId('override-tier').selectOption('tier2');
    await editor.getByTestId('override-reason').fill('Budget frozen until Q3');
    await editor.getByTestId('override-submit').click();
    await expect.poll(() => editor.getByTestId('tier-sentence').textContent()).toMatch(
      new RegExp(`^Tier 2 by override: Budget frozen until Q3 — Morgan Meeting, ${DATE}; computed Tier 1$`),
    );
    // Said once: nothing else in the editor restates the override.
    expect((await editor.textContent())!.match(/override/gi)).toHaveLength(2); // the sentence and the "Clear the override…" button

    await editor.getByTestId('override-open').click();
    await editor.getByTestId('override-reason').fill('Budget approved after all');
    await editor.getByTestId('override-submit').click();
    await expect.poll(() => editor.getByTestId('tier-sentence').textContent()).toMatch(/^Tier 1: 7 of 7 boxes/);
    expect(await editor.getByTestId('override-cleared').textContent()).toMatch(
      new RegExp(`^Override to Tier 2 cleared: Budget approved after all — Morgan Meeting, ${DATE}$`),
    );
    await app.close();
  });

  it('a decision typed in the week view is in the agenda; the print view has tables, the Markdown no escapes', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    const target = app.locator('[data-testid=target][data-account="Northwind Analytics"]');
    await target.getByRole('button', { name: 'Northwind Analytics' }).click();
    await target.getByTestId('meeting-decision').fill('Joint webinar in January (with *their* CFO)');
    await target.getByTestId('meeting-nextStep').fill('Send the ROI deck');
    await target.getByTestId('meeting-nextStepOwner').fill('Morgan Meeting');
    await target.getByTestId('meeting-ask').fill('Marketing: a retail case study');
    await target.getByTestId('meeting-nextStepOwner-state').filter({ hasText: 'saved' }).waitFor();
    await target.getByTestId('meeting-decision-state').filter({ hasText: 'saved' }).waitFor();
    await expect.poll(() => target.getByTestId('target-meeting').textContent()).toBe(
      'next: Send the ROI deck (Morgan Meeting) · decided: Joint webinar in January (with *their* CFO)',
    );

    const [dl] = await Promise.all([app.waitForEvent('download'), app.getByTestId('export-agenda').click()]);
    const md = readFileSync((await dl.path())!, 'utf8');
    expect(md).toContain('## 1. Focus against plan, 0:00–0:05 (5 min)');
    expect(md).toContain('- Northwind Analytics: decision: Joint webinar in January (with ∗their∗ CFO); next step: Send the ROI deck (owner: Morgan Meeting)');
    expect(md).toContain('- Northwind Analytics: Marketing: a retail case study (sales ');
    expect(md).not.toContain('\\');

    const [print] = await Promise.all([app.context().waitForEvent('page'), app.getByTestId('export-print').click()]);
    const doc = print.getByTestId('agenda-print');
    await doc.locator('section[data-section=decisions] table').waitFor();
    expect(await doc.locator('table').count()).toBeGreaterThanOrEqual(4); // running order, focus, other targets, asks, decisions
    expect(await doc.locator('section[data-section=decisions] tbody').textContent()).toContain('Joint webinar in January (with *their* CFO)');
    expect(await doc.locator('section[data-section=focus] thead th').allTextContents()).toContain('Share of work');
    expect(await doc.textContent()).not.toContain('|');

    // Copy as rich text: HTML with real tables for email and Teams, clean Markdown as plain text.
    // (The clipboard itself cannot be read in a headless extension page: record what is handed to it.)
    await print.evaluate(() => {
      const w = window as unknown as { copied?: Promise<Record<string, string>> };
      navigator.clipboard.write = async (items: ClipboardItem[]) => {
        const [item] = items;
        if (!item) throw new Error('clipboard.write was given no item');
        w.copied = Promise.all(item.types.map(async (t) => [t, await (await item.getType(t)).text()] as const)).then(Object.fromEntries);
      };
    });
    await print.getByTestId('agenda-copy-rich').click();
    await print.getByTestId('agenda-copied').filter({ hasText: 'Copied' }).waitFor();
    const copied = await print.evaluate(() => (window as unknown as { copied: Promise<Record<string, string>> }).copied);
    const clip = { types: Object.keys(copied), html: copied['text/html'], text: copied['text/plain'] };
    expect(clip.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
    expect(clip.html).toMatch(/<table[^>]*>.*<caption[^>]*>Running order \(30 minutes\)<\/caption>/s);
    expect(clip.html).toContain('Joint webinar in January (with *their* CFO)');
    expect(clip.text).toBe(md); // the same clean Markdown as the download
    await print.setViewportSize({ width: 1000, height: 1400 });
    await print.emulateMedia({ media: 'print' });
    await screenshot(print, 'agenda-print');
    expect(s.outside).toEqual([]);
    await print.close();
    await app.close();
  });
});
