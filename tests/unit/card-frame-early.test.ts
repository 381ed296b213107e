/**
 * The card frame goes up while its page is still being reported (lib/card-host/host.ts): what
 * makes that safe. The background mirrors each site's card mode for the content script (so the
 * side panel sites get nothing on the page), and a frame that asks before its document's report
 * gets that report's card, never the previous page's.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { CONTENT_MIRROR_KEYS } from '@/lib/domain/constants';

const id = () => fakeBrowser.runtime.id;
const url = (slug: string) => `https://www.linkedin.com/company/${slug}/`;
const content = (slug: string) => ({ id: id(), url: url(slug), tab: { id: 7, url: url(slug) }, frameId: 0 });
const frame = (slug: string) => ({ id: id(), url: `chrome-extension://${id()}/card.html?site=linkedin`, tab: { id: 7, url: url(slug) }, frameId: 4 });
const extension = () => ({ id: id(), url: `chrome-extension://${id()}/options.html` });
const send = (type: string, payload: unknown, sender: object) => handleMessage({ tiercover: 1, type, payload }, sender as never);
const companyPage = (slug: string) => ({
  kind: 'company',
  site: 'linkedin',
  url: url(slug),
  pageKey: `linkedin:company:${slug}`,
  readable: true,
  company: { name: slug, linkedinSlug: slug },
  signals: [],
});
type CardAnswer = { ok: true; data: { ctx: { page: { pageKey: string } } | null } };

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  await deleteAllData(await getDb());
});

describe('the content scripts\' copy of the settings', () => {
  it('follows the card mode of each site as soon as the settings are saved', async () => {
    await send('saveSettings', { settings: { cardMode: { linkedin: 'sidepanel' } } }, extension());
    expect((await fakeBrowser.storage.local.get(CONTENT_MIRROR_KEYS.cardModes))[CONTENT_MIRROR_KEYS.cardModes]).toEqual({ linkedin: 'sidepanel' });
    await send('saveSettings', { settings: { cardMode: {} } }, extension());
    expect((await fakeBrowser.storage.local.get(CONTENT_MIRROR_KEYS.cardModes))[CONTENT_MIRROR_KEYS.cardModes]).toEqual({});
  });
});

describe('a card frame that asks before its page is reported', () => {
  it('gets its own page\'s card when that report lands, never the previous page\'s', async () => {
    await send('reportPage', { page: companyPage('first-co') }, content('first-co'));
    await new Promise((r) => setTimeout(r, 30));
    // A new document in the same tab: its frame asks first, with the document's start time.
    const since = Date.now();
    const asked = send('getCardForTab', { since }, frame('second-co')) as Promise<CardAnswer>;
    await new Promise((r) => setTimeout(r, 30));
    await send('reportPage', { page: companyPage('second-co') }, content('second-co'));
    const answer = await asked;
    expect(answer.data.ctx?.page.pageKey).toBe('linkedin:company:second-co');
  });

  it('gets an empty answer (the report\'s push follows) when no report comes in time', async () => {
    await send('reportPage', { page: companyPage('first-co') }, content('first-co'));
    const answer = (await send('getCardForTab', { since: Date.now() + 60_000 }, frame('first-co'))) as CardAnswer;
    expect(answer.data.ctx).toBeNull();
  }, 10_000);

  it('gets the card at once when the report came first', async () => {
    const since = Date.now() - 5;
    await send('reportPage', { page: companyPage('first-co') }, content('first-co'));
    const answer = (await send('getCardForTab', { since }, frame('first-co'))) as CardAnswer;
    expect(answer.data.ctx?.page.pageKey).toBe('linkedin:company:first-co');
  });
});
