import { beforeAll, describe, expect, it } from 'vitest';
import { CardObject, openExtensionPage, readStore, screenshot, type Session, useSession } from './harness';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

describe('the week', () => {
  it('shows this week grouped by tier with the focus bar and progress', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    expect(await app.getByTestId('target').count()).toBe(12);
    expect(await app.getByTestId('week-tier-tier1').locator('[data-testid=target]').count()).toBeGreaterThan(3);
    await app.getByTestId('focus-bar').waitFor();
    await app.getByTestId('filter-tier').selectOption('global');
    await expect.poll(() => app.getByTestId('target').count()).toBe(
      await app.getByTestId('week-tier-global').locator('[data-testid=target]').count(),
    );
    await app.getByTestId('filter-tier').selectOption('all');
    await app.getByTestId('week-search').fill('Northwind');
    await expect.poll(() => app.getByTestId('target').count()).toBe(1);
    // Notes on a target are saved and there on the next visit.
    await app.getByTestId('target').getByRole('button', { name: 'Northwind Analytics' }).click();
    await app.getByTestId('target-notes').fill('Call Jane after the board meeting');
    await app.getByTestId('target-notes').blur();
    // First wait for the note to be stored (through the service worker), then open a fresh view
    // once: a whole page load never sits inside a poll.
    await expect.poll(async () => (await readStore<{ notes?: string }>(s.worker, 'targets')).map((t) => t.notes ?? '')).toContain('Call Jane after the board meeting');
    const again = await openExtensionPage(s, 'app.html');
    await again.getByTestId('week-search').fill('Northwind');
    await again.getByTestId('target').getByRole('button', { name: 'Northwind Analytics' }).click();
    expect(await again.getByTestId('target-notes').inputValue()).toBe('Call Jane after the board meeting');
    await again.close();
    await app.getByTestId('week-search').fill('');
    await screenshot(app, 'week');
    await app.close();
  });

  it('starts next week from this one: review, carry-over, changes since last week', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    await app.getByTestId('week-next').click();
    await app.getByTestId('week-empty').waitFor();
    await app.getByTestId('start-review').click();
    await app.getByTestId('review-row').first().waitFor();
    expect(await app.getByTestId('review-row').count()).toBe(12);
    // Drop one with a reason during the review.
    const row = app.getByTestId('review-row').first();
    await row.getByRole('button', { name: 'Drop…' }).click();
    await row.getByRole('textbox').fill('No budget this year');
    await row.getByRole('button', { name: 'Drop', exact: true }).click();
    await expect.poll(() => app.getByTestId('review-row').count()).toBe(11);
    await app.getByTestId('start-week').click();
    await app.getByTestId('week-progress').waitFor();
    expect(await app.getByTestId('target').count()).toBe(11);
    await app.getByTestId('week-changes').locator('summary').click();
    const changes = await app.getByTestId('week-changes').textContent();
    expect(changes).toContain('0 new, 11 carried over');
    expect(changes).toContain('1 dropped');
    expect(changes).toContain('No budget this year');
    await app.close();
  });

  it('a tick in the side panel shows on an open LinkedIn card without a reload', async () => {
    const page = await s.context.newPage();
    await page.goto('https://www.linkedin.com/company/northwind-analytics/about/');
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=aircover-account]');
    const before = await card.text('[data-testid=aircover-account] [data-testid=aircover-progress]');

    const panel = await openExtensionPage(s, 'sidepanel.html');
    await panel.getByTestId('tab-week').click();
    const target = panel.locator('[data-testid=target][data-account="Northwind Analytics"]');
    await target.getByRole('button', { name: 'Northwind Analytics' }).click();
    const box = target.getByTestId('target-grid').locator('[data-cell$="|account|someoneKnowsOrg"]');
    const was = await box.isChecked();
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(!was);
    await expect.poll(() => card.text('[data-testid=aircover-account] [data-testid=aircover-progress]')).not.toBe(before);
    await panel.close();
    await page.close();
  });

  it('a tick shows when the week is opened again, from the week\'s kept ticks (patched, not dropped)', async () => {
    type Kept = { key: string; records?: { id: string; done?: boolean }[] };
    const kept = async (p: import('playwright-core').Page, prefix: string) => (await readStore<Kept>(p, 'meta')).filter((m) => m.key.startsWith(prefix));
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    // Once the page is idle, the week keeps its targets and its ticks as one value each (lib/db/kept-weeks.ts).
    await expect.poll(async () => (await kept(app, 'weekTargets:')).length).toBeGreaterThan(0);
    await expect.poll(async () => (await kept(app, 'weekTicks:')).length).toBeGreaterThan(0);
    const target = app.locator('[data-testid=target][data-account="Northwind Analytics"]');
    await target.getByRole('button', { name: 'Northwind Analytics' }).click();
    const box = target.getByTestId('target-grid').locator('[data-cell$="|account|strategyBlog"]');
    const cell = await box.getAttribute('data-cell');
    const was = await box.isChecked();
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(!was);
    // The tick's own transaction patched the kept week: it is there, with the new state.
    await expect.poll(async () => (await kept(app, 'weekTicks:')).flatMap((m) => m.records ?? []).find((t) => t.id === cell)?.done).toBe(!was);
    await app.close();
    const again = await openExtensionPage(s, 'app.html');
    await again.getByTestId('week-progress').waitFor();
    const targetAgain = again.locator('[data-testid=target][data-account="Northwind Analytics"]');
    await targetAgain.getByRole('button', { name: 'Northwind Analytics' }).click();
    await expect.poll(() => targetAgain.getByTestId('target-grid').locator('[data-cell$="|account|strategyBlog"]').isChecked()).toBe(!was);
    await again.close();
  });

  it('two tabs ticking different items of the same target at the same moment both survive', async () => {
    const target = (p: import('playwright-core').Page) => p.locator('[data-testid=target][data-account="Fabrikam Logistics"]');
    const box = (p: import('playwright-core').Page, item: string) => target(p).getByTestId('target-grid').locator(`[data-cell$="|account|${item}"]`);
    const openTarget = async (p: import('playwright-core').Page) => {
      await p.getByTestId('week-progress').waitFor();
      await target(p).getByRole('button', { name: 'Fabrikam Logistics' }).click();
    };
    const a = await openExtensionPage(s, 'app.html');
    const b = await openExtensionPage(s, 'app.html');
    await openTarget(a);
    await openTarget(b);
    // Start from both unticked.
    for (const item of ['visitedWebsite', 'pagesViewed']) {
      if (await box(a, item).isChecked()) {
        await box(a, item).click();
        await expect.poll(() => box(b, item).isChecked()).toBe(false);
      }
    }
    await Promise.all([box(a, 'visitedWebsite').click(), box(b, 'pagesViewed').click()]);
    const fresh = await openExtensionPage(s, 'app.html');
    await openTarget(fresh);
    await expect.poll(() => box(fresh, 'visitedWebsite').isChecked()).toBe(true);
    expect(await box(fresh, 'pagesViewed').isChecked()).toBe(true);
    for (const p of [a, b, fresh]) await p.close();
  });

  it('the focus bar follows the tiers of the week\'s targets', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    const tier4Before = await app.getByTestId('focus-tier4').textContent();
    expect(tier4Before).toContain('0 targets ·');
    // Add a Tier 4 account from the account list.
    await app.getByTestId('tab-accounts').click();
    await app.getByTestId('account-search').fill('Alpine');
    await app.getByRole('option', { name: 'Alpine Ski House,' }).click();
    // Its coverage as departments × buying roles, empty core departments marked as the gaps.
    const matrix = app.getByTestId('coverage-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
    expect(await matrix.locator('tbody tr.gap').count()).toBeGreaterThan(0);
    await app.getByTestId('account-add-target').click();
    await app.getByTestId('tab-week').click();
    await expect.poll(() => app.getByTestId('focus-tier4').textContent()).toContain('1 target ·');
    expect(await app.getByTestId('focus-drift').textContent()).toContain('Tier 4 is 8 % of this week\'s targets; the plan says 0 %, nurture them instead');
    await app.close();
  });
});
