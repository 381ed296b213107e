import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';

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
