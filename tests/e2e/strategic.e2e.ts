import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CardObject, openExtensionPage, screenshot, useSession } from './harness';

// Contoso Retail: a Global account in the sample (82,000 employees); Lucía Fernández's profile is
// one of the fixture pages (tests/fixtures/pages/linkedin-profile-old-2020-es.html).
const LUCIA = 'https://es.linkedin.com/in/lucia-fernandez-7c/';
const DAY = 86_400_000;
const localDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function openContoso(app: Page): Promise<Locator> {
  await app.getByTestId('tab-accounts').click();
  await app.getByTestId('account-search').fill('Contoso');
  await app.getByRole('option', { name: 'Contoso Retail,' }).click();
  const editor = app.getByTestId('account-editor');
  await editor.getByTestId('relationship-map').waitFor();
  return editor;
}

const node = (editor: Locator, name: string) => editor.getByTestId('map-node').and(editor.locator(`[aria-label^="${name}"]`));

describe('strategic accounts in Chromium: team, relationship map, governance, 4R review', () => {
  const session = useSession();

  it('adds a contact from their card, then builds the map with keyboard and mouse and sees its gaps on the card', async () => {
    const s = session();
    const page = await s.context.newPage();
    await page.goto(LUCIA);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-title]', 'Contoso Retail');
    await card.click('[data-testid=add-person]');
    await card.submit('[data-testid=add-person-form]');
    await card.waitFor('[data-testid=person-known]', 'Lucía Fernández');
    await card.click('[data-testid=add-target]');
    await card.waitFor('[data-testid=week]', 'On the list');

    const app = await openExtensionPage(s, 'app.html');
    const editor = await openContoso(app);

    // The account team: an executive sponsor, typed and submitted from the keyboard.
    await editor.getByTestId('team-add-name').fill('Dana Fox');
    await editor.getByTestId('team-add-role').selectOption('Executive sponsor');
    await editor.getByTestId('team-add-name').press('Enter');
    await expect.poll(() => editor.getByTestId('team-line').textContent()).toContain('Dana Fox (executive sponsor)');

    // Keyboard: Tab onto the first box, arrows along the row, Enter opens the editor in place.
    await node(editor, 'Chloé Moreau').focus();
    await app.keyboard.press('ArrowRight');
    await expect.poll(() => app.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Elena Schmidt/);
    await app.keyboard.press('Enter');
    const form = editor.getByTestId('map-editor');
    await form.getByText('Elena Schmidt, Director of Operations').waitFor();
    // The first field has the focus: choose with the keyboard.
    await expect.poll(() => app.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('map-role');
    await form.getByTestId('map-owner').selectOption('Sam Rep');
    await form.getByTestId('map-influence').selectOption('medium');
    await app.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => app.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Elena Schmidt.*owned by Sam Rep/);

    // Mouse: click a box to edit it; buying roles change after the person was added.
    const edit = async (name: string, p: { role?: string; owner?: string; influence?: string; strength?: string }) => {
      await node(editor, name).click();
      await form.getByText(new RegExp(`^${name}`)).waitFor();
      if (p.role) await form.getByTestId('map-role').selectOption(p.role);
      if (p.owner) await form.getByTestId('map-owner').selectOption(p.owner);
      if (p.influence) await form.getByTestId('map-influence').selectOption(p.influence);
      if (p.strength) await form.getByTestId('map-strength').selectOption(p.strength);
      await expect.poll(() => node(editor, name).getAttribute('aria-label')).toContain(p.owner ? `owned by ${p.owner}` : '');
      await form.getByTestId('map-editor-close').click();
    };
    await edit('Felix Fischer', { owner: 'Sam Rep', influence: 'high', strength: 'strong' });
    await edit('Chloé Moreau', { owner: 'Sam Rep', strength: 'good' });
    await edit('Ines Martin', { owner: 'Alex Kim' });
    await edit('Ines Moreau', { role: 'influencer' });
    await edit('Amara Haddad', { role: 'influencer' });
    await edit('Kenji Haddad', { role: 'user' });
    await edit('Lucía Fernández', { role: 'decision-maker', influence: 'high', strength: 'weak' });

    // Mouse: drag Chloé's box onto Felix's: she reports to him, and is drawn below him.
    await node(editor, 'Chloé Moreau').dragTo(node(editor, 'Felix Fischer'));
    await expect.poll(() => node(editor, 'Chloé Moreau').getAttribute('aria-label')).toContain('reports to Felix Fischer');
    const [boss, report] = await Promise.all([node(editor, 'Felix Fischer').boundingBox(), node(editor, 'Chloé Moreau').boundingBox()]);
    expect(report!.y).toBeGreaterThan(boss!.y);
    // A loop is refused with a reason, and nothing changes.
    await node(editor, 'Felix Fischer').click();
    await form.getByTestId('map-reports-to').selectOption({ label: 'Chloé Moreau, Head of IT' });
    await app.getByRole('alert').filter({ hasText: 'that would be a loop' }).waitFor();
    await form.getByTestId('map-editor-close').click();

    const gaps = editor.getByTestId('relationship-gaps');
    await expect.poll(() => gaps.textContent()).toContain('the decision maker (Lucía Fernández) has no owner on our side');
    expect(await gaps.textContent()).toContain('no executive sponsor relationship');
    expect(await gaps.textContent()).toContain('3 of 4 relationships owned by one person (Sam Rep)');
    await app.setViewportSize({ width: 1400, height: 1000 });
    await editor.getByTestId('relationships').scrollIntoViewIfNeeded();
    await screenshot(app, 'strategic-map');

    // The card of one of its contacts says the same gaps, and the team in one line.
    await page.reload();
    const again = await CardObject.of(page);
    await again.waitFor('[data-testid=card-relationship-gaps]', 'the decision maker (Lucía Fernández) has no owner on our side');
    expect(await again.text('[data-testid=card-relationship-gaps]')).toContain('3 of 4 relationships owned by one person (Sam Rep)');
    expect(await again.text('[data-testid=card-team]')).toContain('Dana Fox (executive sponsor)');
    await screenshot(page, 'card-strategic');
    await page.close();
    await app.close();
  });

  it('takes the 4R review twice and shows the trend and the weakest R', async () => {
    const s = session();
    const app = await openExtensionPage(s, 'app.html');
    const editor = await openContoso(app);
    const review = editor.getByTestId('account-review');
    await review.locator('summary').click();
    const take = async (score: (i: number) => number) => {
      await review.getByTestId('review-start').click();
      for (let i = 0; i < 15; i++) await review.getByTestId(`review-s${i}-${score(i)}`).check();
      await review.getByTestId('review-submit').click();
      await review.getByTestId('review-form').waitFor({ state: 'detached' });
    };
    await take(() => 3);
    await expect.poll(() => review.getByTestId('review-trend').textContent()).toBe('45 of 75 (concern); take it again later to see the trend.');
    // The second time: relationships (statements 12-15) stay low, the rest improve.
    await take((i) => (i >= 11 ? 2 : 5));
    await expect.poll(() => review.getByTestId('review-trend').textContent()).toBe('63 of 75 (excellent), up 18 since the review before (2 reviews).');
    expect(await review.getByTestId('review-weakest').textContent()).toContain('Weakest: Relationships');
    expect(await review.getByTestId('review-weakest').textContent()).toContain('Find reasons to meet with executives on a regular basis.');
    await review.getByTestId('review-chart').waitFor();
    await review.scrollIntoViewIfNeeded();
    await screenshot(app, 'strategic-review');
    await app.close();
  });

  it('the side panel’s Strategy tab ranks where to invest and keeps the team’s 4R review', async () => {
    const s = session();
    const panel = await openExtensionPage(s, 'sidepanel.html');
    await panel.getByTestId('tab-strategy').click();
    const view = panel.getByTestId('strategy-view');
    const ranking = view.getByTestId('invest-ranking');
    // Contoso Retail is the sample's Global account: it is on the list, with its reasons.
    await expect.poll(() => ranking.locator('li').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    expect(await ranking.textContent()).toContain('Contoso Retail');
    const review = view.getByTestId('review');
    await review.getByTestId('review-start').click();
    for (let i = 0; i < 15; i++) await review.getByTestId(`review-s${i}-4`).check();
    await review.getByTestId('review-submit').click();
    await expect.poll(() => review.getByTestId('review-trend').textContent()).toContain('60 of 75');
    // Kept: a new panel shows the same review.
    await panel.reload();
    await panel.getByTestId('tab-strategy').click();
    await expect.poll(() => panel.getByTestId('review-trend').textContent(), { timeout: 20_000 }).toContain('60 of 75');
    await panel.close();
  });

  it('shows an overdue executive check-in on the card and in the printed agenda', async () => {
    const s = session();
    const app = await openExtensionPage(s, 'app.html');
    const editor = await openContoso(app);
    await editor.getByTestId('touchpoint-kind').selectOption('executive-checkin');
    await editor.getByTestId('touchpoint-add').click();
    const tp = editor.getByTestId('touchpoint').and(editor.locator('[data-kind=executive-checkin]'));
    await tp.getByTestId('touchpoint-last').fill(localDay(Date.now() - 75 * DAY));
    await expect.poll(() => tp.getByTestId('touchpoint-status').textContent()).toMatch(/^Executive check-in overdue by 1[45] days/);
    await tp.getByTestId('touchpoint-ours').fill('Dana Fox, Sam Rep');
    await tp.getByTestId('touchpoint-ours').press('Tab');
    await expect.poll(() => tp.getByTestId('touchpoint-ours').inputValue()).toBe('Dana Fox, Sam Rep');

    const page = await s.context.newPage();
    await page.goto(LUCIA);
    const card = await CardObject.of(page);
    await card.waitFor('[data-testid=card-governance]', 'Executive check-in overdue by');
    await page.close();

    await app.getByTestId('tab-week').click();
    const [print] = await Promise.all([app.context().waitForEvent('page'), app.getByTestId('export-print').click()]);
    const doc = print.getByTestId('agenda-print');
    await doc.waitFor();
    await expect.poll(() => doc.textContent()).toMatch(/Contoso Retail: Executive check-in overdue by 1[45] days/);
    expect(await doc.textContent()).toContain('Relationship gaps: no executive sponsor relationship');
    expect(await doc.textContent()).toContain('Where to invest the costly air cover');
    await print.setViewportSize({ width: 1000, height: 1400 });
    await print.emulateMedia({ media: 'print' });
    await doc.getByText(/Governance overdue/).scrollIntoViewIfNeeded();
    await screenshot(print, 'agenda-strategic');
    expect(s.outside).toEqual([]);
    await print.close();
    await app.close();
  });
});
