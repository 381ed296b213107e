import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, setupMessaging } from '@/lib/background/messaging';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { makeSampleData } from '@/lib/sample';
import { chromeMessages, useLanguage } from './helpers/i18n';

const ext = (path = 'options.html') => ({ id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/${path}` });
const contentScript = { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/in/jane/', tab: { id: 7, url: 'https://www.linkedin.com/in/jane/' } };

describe('handleMessage', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await closeDb();
    await deleteAllData(await getDb());
  });

  it('ignores messages that are not ours', async () => {
    expect(await handleMessage({ type: 'getStats' }, ext() as never)).toBeUndefined();
    expect(await handleMessage('hello', ext() as never)).toBeUndefined();
  });

  it('refuses another extension', async () => {
    const r = await handleMessage({ tiercover: 1, type: 'getStats', payload: {} }, { id: 'evil-extension', url: 'chrome-extension://evil/x.html' } as never);
    expect(r).toEqual({ ok: false, error: 'Refused: not from Tiercover.' });
  });

  it('refuses privileged messages from a content script', async () => {
    const r = await handleMessage({ tiercover: 1, type: 'deleteAllData', payload: { confirm: 'DELETE' } }, contentScript as never);
    expect(r).toEqual({ ok: false, error: "Refused: deleteAllData is only allowed from Tiercover's own pages." });
  });

  it('refuses a payload that does not parse, with the reason', async () => {
    const r = await handleMessage({ tiercover: 1, type: 'setFactor', payload: { accountId: 'a', key: 'nonsense', state: 'checked' } }, ext() as never);
    expect(r?.ok).toBe(false);
    expect((r as { error: string }).error).toMatch(/^Invalid setFactor request: key:/);
  });

  it('answers an extension page, and out-of-range settings get a clear message', async () => {
    const stats = await handleMessage({ tiercover: 1, type: 'getStats', payload: {} }, ext() as never);
    expect(stats).toEqual({ ok: true, data: { accounts: 0, contacts: 0, weeks: 0, targets: 0, ticks: 0, links: 0 } });
    const bad = await handleMessage({ tiercover: 1, type: 'saveSettings', payload: { settings: { employeeBand: { min: 5000, max: 100 } } } }, ext() as never);
    expect(bad).toEqual({ ok: false, error: 'Invalid saveSettings request: settings.employeeBand: The employee band minimum must not exceed the maximum' });
  });
});

describe('a worker the browser gave no message catalog', () => {
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await useLanguage('en');
  });

  it('reads its words from _locales before it answers: the tier sentence is never blank', async () => {
    fakeBrowser.reset();
    await closeDb();
    await deleteAllData(await getDb());
    expect((await handleMessage({ tiercover: 1, type: 'loadSampleData', payload: {} }, ext() as never))?.ok).toBe(true);
    const id = makeSampleData().accounts[0]!.id;
    // The browser's fault: every getMessage answers "" (even @@ui_locale) in this worker.
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    vi.stubGlobal('chrome', {
      i18n: fakeBrowser.i18n,
      runtime: { id: fakeBrowser.runtime.id, getURL: (p: string) => `ext:/${p}`, getManifest: () => ({ default_locale: 'en' }) },
    });
    // The file is read slowly: a message that arrives meanwhile waits for it.
    const en = await chromeMessages('en');
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    vi.stubGlobal('fetch', async (url: string) => {
      await released;
      return url === 'ext:/_locales/en/messages.json' ? { ok: true, json: async () => en } : { ok: false, json: async () => ({}) };
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    setupMessaging();
    const answer = handleMessage({ tiercover: 1, type: 'getAccount', payload: { accountId: id } }, ext() as never);
    setTimeout(release, 20);
    const r = (await answer) as { ok: true; data: { tier: { sentence: string } } };
    expect(r.ok).toBe(true);
    expect(r.data.tier.sentence).toMatch(/^Tier \d|^Global/);
  });
});
