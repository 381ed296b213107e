/**
 * The card frame goes up while its page is still being reported (lib/card-host/host.ts): what
 * makes that safe. The background mirrors each site's card mode for the content script (so the
 * side panel sites get nothing on the page), and a frame that asks before its document's report
 * gets that report's card, never the previous page's.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
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

describe('a tab\'s reports', () => {
  const unsettled = (slug: string) => ({ ...companyPage(slug), readable: false, company: { linkedinSlug: slug } });

  it('are handled in the order they were sent: the settled report, sent second, is the tab\'s page', async () => {
    // A tab the background has not seen: each report first asks storage.session for the tab's
    // page. The first ask is slow here, so without an order the URL-only report would land last.
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let calls = 0;
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys) => {
      if (calls++ === 0) await new Promise((r) => setTimeout(r, 50));
      return get(keys as never);
    });
    const tab8 = (slug: string) => ({ ...content(slug), tab: { id: 8, url: url(slug) } });
    // The content script sends the URL-only report and, without waiting, the settled one.
    const fromUrl = send('reportPage', { page: unsettled('third-co'), settled: false }, tab8('third-co'));
    const fromContent = send('reportPage', { page: companyPage('third-co'), settled: true }, tab8('third-co'));
    await Promise.all([fromUrl, fromContent]);
    vi.restoreAllMocks();
    const got = (await send('getTabContext', { tabId: 8 }, extension())) as { ok: true; data: { page: { readable: boolean } } | null };
    expect(got.data?.page.readable).toBe(true);
  });
});

describe('inReportOrder', () => {
  it('runs a tab\'s jobs one after another, a failed one included, and other tabs\' apart', async () => {
    const { inReportOrder } = await import('@/lib/background/tab-cards');
    const seen: string[] = [];
    const slow = inReportOrder(1, async () => {
      await new Promise((r) => setTimeout(r, 30));
      seen.push('1a');
      throw new Error('lost');
    });
    const next = inReportOrder(1, async () => void seen.push('1b'));
    const other = inReportOrder(2, async () => void seen.push('2a'));
    await expect(slow).rejects.toThrow('lost');
    await Promise.all([next, other]);
    expect(seen).toEqual(['2a', '1a', '1b']);
  });
});

describe('reportedSince', () => {
  it('wakes for a report remembered while it was still reading storage.session (after a worker restart)', async () => {
    const { rememberTabPage, reportedSince } = await import('@/lib/background/tab-cards');
    const get = fakeBrowser.storage.session.get.bind(fakeBrowser.storage.session);
    let release!: () => void;
    const slowRead = new Promise<void>((r) => (release = r));
    vi.spyOn(fakeBrowser.storage.session, 'get').mockImplementation(async (keys) => {
      await slowRead;
      return get(keys as never);
    });
    // Tab 9 is unknown to this worker: its look goes to storage.session, which is slow here.
    const asked = reportedSince(9, Date.now() - 5, 60_000);
    rememberTabPage(9, companyPage('fourth-co') as never);
    release();
    const first = await Promise.race([asked, new Promise((r) => setTimeout(() => r('still waiting'), 1000))]);
    vi.restoreAllMocks();
    expect(first).toBe(true);
  });
});
