/**
 * The marketer's Monday, end to end in Chromium: tick air cover in the grid with the keyboard
 * alone, bulk-tick a column, start next week (standing facts carried, weekly ones empty), and a
 * note typed just before the tab closes is kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExtensionPage, readStore, screenshot, type Session, useSession } from './harness';
import { first, must } from '../unit/helpers/must';

const session = useSession();
let s: Session;
beforeAll(() => {
  s = session();
});

interface StoredTick { id: string; weekId: string; targetId: string; contactId?: string; item: string; done: boolean; by: string; at: number; carriedFrom?: string }
interface StoredTarget { id: string; weekId: string; keyContactIds: string[]; status: string; notes?: string; carriedFrom?: string }

const STANDING = ['followedPersonal', 'companyPageFollow', 'onNewsletter', 'someoneKnowsOrg'];
const ME = 'Morgan Lee';

/** The focused grid cell: its tick id (`target|subject|item`) and whether it is ticked. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { cell: el?.dataset.cell ?? null, checked: el?.getAttribute('aria-checked') === 'true' };
  });

async function openGrid(s: Session): Promise<Page> {
  const app = await openExtensionPage(s, 'app.html');
  await app.getByTestId('week-progress').waitFor();
  await app.getByTestId('view-grid').click();
  await app.getByTestId('week-grid').locator('[role=grid]').waitFor();
  return app;
}

describe('the marketer', () => {
  it('sets their name, which the roster already has from the sample', async () => {
    const options = await openExtensionPage(s, 'options.html');
    await options.getByTestId('your-name').fill(ME);
    await options.getByTestId('your-name').press('Enter');
    await expect.poll(async () => (await options.getByTestId('roster').textContent()) ?? '').toContain(`${ME} (you)`);
    await options.close();
  });

  it('ticks 20 items across 5 targets with the keyboard alone, then bulk-ticks a column', async () => {
    const app = await openGrid(s);
    const weekId = (await app.getByTestId('week-label').textContent())!.slice(0, 8);
    const before = new Set((await readStore<StoredTick>(s.worker, 'ticks')).filter((t) => t.done).map((t) => t.id));

    // Into the grid with Tab: one stop (roving tabindex), on the first cell.
    await app.getByTestId('grid-open-only').focus();
    for (let i = 0; i < 5 && !(await focused(app)).cell; i++) await app.keyboard.press('Tab');
    expect((await focused(app)).cell).toBeTruthy();

    // Walk the grid: tick open cells, four per target, then ArrowDown into the next target.
    const ticked: string[] = [];
    const perTarget = new Map<string, number>();
    for (let step = 0; step < 600 && ticked.length < 20; step++) {
      const f = await focused(app);
      const target = first(must(f.cell, 'a focused cell').split('|'));
      const n = perTarget.get(target) ?? 0;
      if (n < 4) {
        if (!f.checked) {
          await app.keyboard.press('Space');
          ticked.push(f.cell!);
          perTarget.set(target, n + 1);
        }
        await app.keyboard.press('ArrowRight');
        if ((await focused(app)).cell === f.cell) {
          await app.keyboard.press('ArrowDown');
          await app.keyboard.press('Home');
        }
      } else {
        await app.keyboard.press('ArrowDown');
        await app.keyboard.press('Home');
      }
    }
    expect(ticked).toHaveLength(20);
    expect(perTarget.size).toBe(5);
    await expect
      .poll(async () => (await readStore<StoredTick>(s.worker, 'ticks')).filter((t) => t.done && !before.has(t.id) && t.by === ME).map((t) => t.id).sort())
      .toEqual([...ticked].sort());

    // "On the newsletter" for every key contact of the week: one key on that column.
    if ((await focused(app)).cell!.includes('|account|')) await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Home');
    for (let i = 0; i < 15 && !(await focused(app)).cell!.endsWith('|onNewsletter'); i++) await app.keyboard.press('ArrowRight');
    expect((await focused(app)).cell).toMatch(/\|onNewsletter$/);
    await app.keyboard.press('c');
    await expect.poll(() => app.getByTestId('grid-status').textContent()).toMatch(/^Ticked \d+ in “Newsletter” for every row shown\./);
    const targets = (await readStore<StoredTarget>(s.worker, 'targets')).filter((t) => t.weekId === weekId);
    const wanted = targets.flatMap((t) => t.keyContactIds.map((c) => `${t.id}|${c}|onNewsletter`)).sort();
    await expect
      .poll(async () => (await readStore<StoredTick>(s.worker, 'ticks')).filter((t) => t.done && t.item === 'onNewsletter' && t.weekId === weekId).map((t) => t.id).sort())
      .toEqual(wanted);
    expect(await app.getByTestId('week-progress-split').textContent()).toMatch(/^\d+ of \d+ standing · \d+ of \d+ this week$/);

    // L: a link on the focused cell, typed and saved without leaving the keyboard; the focus comes back.
    const here = (await focused(app)).cell!;
    await app.keyboard.press('l');
    await app.keyboard.type('https://example.com/newsletter-week');
    await app.keyboard.press('Enter');
    await expect.poll(async () => (await readStore<StoredTick & { link?: string }>(s.worker, 'ticks')).find((t) => t.id === here)?.link).toBe('https://example.com/newsletter-week');
    await expect.poll(async () => (await focused(app)).cell).toBe(here);

    // Only the rows in view are drawn (aria-rowcount tells assistive tech the whole size).
    const total = Number(await app.locator('[role=grid]').getAttribute('aria-rowcount')) - 2;
    expect(await app.locator('[role=grid] [data-row]').count()).toBeLessThan(total);

    // The screenshot: the top of the grid, the focus on a cell of the first contact.
    await app.setViewportSize({ width: 1280, height: 860 });
    await app.keyboard.press('Control+Home');
    await app.keyboard.press('ArrowDown');
    await app.locator('.acgrid-scroll').evaluate((el) => (el.scrollTop = 0));
    await app.getByTestId('view-grid').evaluate((el) => el.scrollIntoView());
    await screenshot(app, 'grid');
    await app.close();
  });

  it('"Mine" and my open tasks match the roster name', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    await app.getByTestId('filter-mine').check();
    await expect.poll(() => app.getByTestId('my-open-tasks').textContent()).toMatch(new RegExp(`^\\d+ open tasks for ${ME} across \\d+ targets\\.`));
    expect(await app.getByTestId('target').count()).toBeGreaterThan(0);
    await app.close();
  });

  it('starts next week with the standing facts carried and the weekly ones empty', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    const thisWeek = (await app.getByTestId('week-label').textContent())!.slice(0, 8);
    const ticksBefore = await readStore<StoredTick>(s.worker, 'ticks');
    await app.getByTestId('week-next').click();
    await app.getByTestId('start-review').click();
    // The review shows what each target got, so Done or Drop is not guesswork.
    await app.getByTestId('review-row').first().waitFor();
    expect(await app.getByTestId('review-progress').first().textContent()).toMatch(/^air cover \d+\/\d+ \(\d+ %: \d+ of \d+ standing · \d+ of \d+ this week\)/);
    await app.getByTestId('start-week').click();
    await app.getByTestId('week-progress').waitFor();

    const targets = await readStore<StoredTarget>(s.worker, 'targets');
    const nextWeek = targets.find((t) => t.carriedFrom === thisWeek)!.weekId;
    const carriedFrom = new Map(targets.filter((t) => t.weekId === nextWeek).map((t) => [t.id, t]));
    const after = (await readStore<StoredTick>(s.worker, 'ticks')).filter((t) => t.weekId === nextWeek);
    expect(after.length).toBeGreaterThan(0);
    // Only standing facts, each with its original who and when, marked as carried.
    expect(after.every((t) => STANDING.includes(t.item) && t.done && t.carriedFrom)).toBe(true);
    const original = new Map(ticksBefore.map((t) => [`${t.contactId ?? 'account'}|${t.item}|${t.by}|${t.at}`, t]));
    expect(after.every((t) => original.has(`${t.contactId ?? 'account'}|${t.item}|${t.by}|${t.at}`) && carriedFrom.has(t.targetId))).toBe(true);
    // Every newsletter tick of a carried target came along (the column ticked above).
    const keyContacts = [...carriedFrom.values()].reduce((n, t) => n + t.keyContactIds.length, 0);
    expect(after.filter((t) => t.item === 'onNewsletter')).toHaveLength(keyContacts);
    expect(await app.getByTestId('week-progress-split').textContent()).toMatch(/^\d+ of \d+ standing · 0 of \d+ this week$/);
    await app.close();
  });

  it('a note typed and the tab closed at once is kept', async () => {
    const app = await openExtensionPage(s, 'app.html');
    await app.getByTestId('week-progress').waitFor();
    await app.getByTestId('week-search').fill('Fabrikam');
    await app.getByTestId('target').getByRole('button', { name: 'Fabrikam Logistics' }).click();
    await app.getByTestId('target-notes').pressSequentially('Asked for the case study');
    await app.close();
    await expect.poll(async () => (await readStore<StoredTarget>(s.worker, 'targets')).map((t) => t.notes ?? '')).toContain('Asked for the case study');
  });
});
