/**
 * Who may send what (protocol.ts SENDERS, lib/background/senders.ts) and what a card frame may
 * change (lib/background/scope.ts): every message type against every kind of sender, the
 * own-property check on types, and the frame's writes held to its tab's matched account.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/lib/background/messaging';
import { classifySender } from '@/lib/background/senders';
import { OUT_OF_SCOPE } from '@/lib/background/scope';
import { closeDb, deleteAllData, getDb } from '@/lib/db/db';
import { currentWeekId } from '@/lib/domain/week';
import { requestSchemas, SENDERS, type MessageType, type SenderKind } from '@/lib/messaging/protocol';

const id = () => fakeBrowser.runtime.id;
const WEB = 'https://www.linkedin.com/company/acme/';
const senders = {
  content: () => ({ id: id(), url: WEB, tab: { id: 7, url: WEB }, frameId: 0 }),
  frame: () => ({ id: id(), url: `chrome-extension://${id()}/card.html?site=linkedin`, tab: { id: 7, url: WEB }, frameId: 4 }),
  extension: () => ({ id: id(), url: `chrome-extension://${id()}/options.html` }),
  other: () => ({ id: 'another-extension', url: 'chrome-extension://another-extension/x.html', tab: { id: 7, url: WEB }, frameId: 0 }),
};
const send = (type: string, payload: unknown, sender: object) => handleMessage({ tiercover: 1, type, payload }, sender as never);
const permissionRefusal = (type: string, r: unknown) =>
  typeof (r as { error?: unknown })?.error === 'string' && (r as { error: string }).error.startsWith(`Refused: ${type} is`);

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  await deleteAllData(await getDb());
});

describe('sender kinds', () => {
  it('tells content scripts, the card frame and extension pages apart, and hears no one else', () => {
    expect(classifySender(senders.content() as never, id())?.kind).toBe('content');
    expect(classifySender(senders.frame() as never, id())?.kind).toBe('frame');
    expect(classifySender(senders.extension() as never, id())?.kind).toBe('extension');
    expect(classifySender(senders.other() as never, id())).toBeUndefined();
    // The card page is the card frame wherever it is (also as a top-level tab).
    expect(classifySender({ id: id(), url: `chrome-extension://${id()}/card.html`, tab: { id: 9, url: `chrome-extension://${id()}/card.html` }, frameId: 0 } as never, id())?.kind).toBe('frame');
    // Another page of ours inside a frame of some tab: we embed none, so it is refused.
    expect(classifySender({ id: id(), url: `chrome-extension://${id()}/options.html`, tab: { id: 7, url: WEB }, frameId: 2 } as never, id())).toBeUndefined();
    // A content script without a tab (cannot happen) is not trusted as one.
    expect(classifySender({ id: id(), url: WEB } as never, id())).toBeUndefined();
  });
});

describe('message permissions', () => {
  const types = Object.keys(requestSchemas) as MessageType[];
  const kinds: SenderKind[] = ['content', 'frame', 'extension'];
  for (const kind of kinds) {
    it(`${kind}: exactly the types SENDERS allows get past the sender check`, async () => {
      const allowed: string[] = [];
      for (const type of types) {
        const r = await send(type, {}, senders[kind]());
        if (!permissionRefusal(type, r)) allowed.push(type);
      }
      expect(allowed.sort()).toEqual(types.filter((t) => SENDERS[t].includes(kind)).sort());
    });
  }

  it('a content script may only report its page, open the side panel and pass its card its pushes', () => {
    expect(Object.entries(SENDERS).filter(([, k]) => k.includes('content')).map(([t]) => t).sort()).toEqual(['openSidePanel', 'relayToCard', 'reportPage']);
  });

  it('a relayed push is one of the three a content script sends its card, nothing else', () => {
    const relay = requestSchemas.relayToCard;
    expect(relay.safeParse({ push: { type: 'toggleCard' } }).success).toBe(true);
    // Its stamp is kept, for the frame's newest-wins check (push.ts newestOnly).
    expect(relay.parse({ push: { type: 'cardHost', dark: true, viewport: { width: 1280, height: 800 }, at: 5 } }).push).toMatchObject({ at: 5 });
    expect(relay.safeParse({ push: { type: 'cardHost', dark: true, viewport: { width: 1280, height: 800 } } }).success).toBe(false);
    for (const push of [{ type: 'changed', stores: ['accounts'] }, { type: 'cardLayout', visible: true, top: 0, right: 0, width: 1, height: 1, at: 1 }, { type: 'tabPageChanged', tabId: 1 }]) {
      expect(relay.safeParse({ push }).success).toBe(false);
    }
  });

  it('the card frame may send only what the card does', () => {
    expect(Object.entries(SENDERS).filter(([, k]) => k.includes('frame')).map(([t]) => t).sort()).toEqual(
      ['acceptEvidence', 'addContact', 'addTarget', 'cardLayout', 'createAccount', 'fixContact', 'getCardForTab', 'linkPage', 'openSidePanel', 'removeContact', 'restoreContact', 'searchAccounts', 'setFactor', 'setKeyContact', 'setTierOverride', 'tickAirCover'].sort(),
    );
  });

  it('another extension is refused every type', async () => {
    for (const type of Object.keys(requestSchemas)) {
      expect(await send(type, {}, senders.other())).toEqual({ ok: false, error: 'Refused: not from Tiercover.' });
    }
  });

  it('types are own properties only: toString, __proto__ and friends are not types', async () => {
    for (const type of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      for (const sender of Object.values(senders)) expect(await send(type, {}, sender())).toBeUndefined();
    }
  });

  it('a malformed request from a content script gets a sentence, not zod text', async () => {
    const r = await send('reportPage', { page: { kind: 'person', site: 'linkedin', url: WEB, pageKey: 'x'.repeat(501), readable: true, signals: [] } }, senders.content());
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^Tiercover could not use what it read on this page\./) });
    expect((r as { error: string }).error).not.toMatch(/pageKey|Too big|expected/);
  });
});

describe('the card frame writes only to its tab\'s account', () => {
  async function setup() {
    const ext = senders.extension();
    const mine = (await send('createAccount', { account: { name: 'Acme' }, pageKey: 'linkedin:company:acme' }, ext)) as { ok: true; data: { id: string } };
    const other = (await send('createAccount', { account: { name: 'Other Co' } }, ext)) as { ok: true; data: { id: string } };
    const page = { kind: 'company', site: 'linkedin', url: WEB, pageKey: 'linkedin:company:acme', readable: true, company: { name: 'Acme' }, signals: ['url'] };
    expect(await send('reportPage', { page }, senders.content())).toEqual({ ok: true, data: { show: true } });
    const card = (await send('getCardForTab', {}, senders.frame())) as { ok: true; data: { tabId: number; ctx: { account?: { id: string } } } };
    expect(card.data.tabId).toBe(7);
    expect(card.data.ctx.account?.id).toBe(mine.data.id);
    return { mine: mine.data.id, other: other.data.id };
  }

  it('factors, targets, contacts: its account yes, another no', async () => {
    const { mine, other } = await setup();
    const frame = senders.frame();
    expect((await send('setFactor', { accountId: mine, key: 'productFit', state: 'checked' }, frame))?.ok).toBe(true);
    expect(await send('setFactor', { accountId: other, key: 'productFit', state: 'checked' }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect(await send('addTarget', { accountId: other }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect(await send('addContact', { accountId: other, contact: { name: 'Eve' } }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    // A valid week that is not this one.
    const [y = NaN, w = NaN] = currentWeekId().split('-W').map(Number);
    const elsewhere = `${y + 1}-W${String(w).padStart(2, '0')}`;
    expect(await send('addTarget', { accountId: mine, weekId: elsewhere }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    const target = (await send('addTarget', { accountId: mine }, frame)) as { ok: true; data: { id: string; weekId: string } };
    expect(target.ok).toBe(true);
    expect((await send('tickAirCover', { weekId: target.data.weekId, targetId: target.data.id, item: 'onNewsletter', done: true }, frame))?.ok).toBe(true);
    // The same writes from an extension page are not scoped.
    expect((await send('setFactor', { accountId: other, key: 'productFit', state: 'checked' }, senders.extension()))?.ok).toBe(true);
    const otherTarget = (await send('addTarget', { accountId: other }, senders.extension())) as { ok: true; data: { id: string; weekId: string } };
    expect(await send('tickAirCover', { weekId: otherTarget.data.weekId, targetId: otherTarget.data.id, item: 'onNewsletter', done: true }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect(await send('setKeyContact', { targetId: otherTarget.data.id, contactId: 'x', key: true }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
  });

  it('links only for its own page, only to accounts', async () => {
    const { other } = await setup();
    const frame = senders.frame();
    expect(await send('linkPage', { pageKey: 'linkedin:company:someone-else', kind: 'account', targetId: other }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect(await send('linkPage', { pageKey: 'linkedin:company:acme', kind: 'contact', targetId: other }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect(await send('createAccount', { account: { name: 'Sneaky' }, pageKey: 'linkedin:company:someone-else' }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect((await send('linkPage', { pageKey: 'linkedin:company:acme', kind: 'account', targetId: other }, frame))?.ok).toBe(true);
  });

  it('a frame in a tab that reported nothing may change nothing', async () => {
    const { mine } = await setup();
    const stranger = { ...senders.frame(), tab: { id: 99, url: WEB } };
    expect(await send('setFactor', { accountId: mine, key: 'productFit', state: 'checked' }, stranger)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect(await send('getCardForTab', {}, stranger)).toEqual({ ok: true, data: { tabId: 99, ctx: null } });
  });
});

describe('the card frame\'s layout, passed on by the background (Firefox: a framed extension page has no tabs API)', () => {
  const layout = { visible: true, top: 72, right: 16, width: 340, height: 200, at: 1_764_900_000_000 };

  it('goes to the top frame of the frame\'s own tab, and nowhere else', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    expect(await send('cardLayout', layout, senders.frame())).toEqual({ ok: true, data: null });
    expect(sent.mock.calls).toEqual([[7, { type: 'cardLayout', ...layout }, { frameId: 0 }]]);
  });

  it('only from the card frame, only with a tab, only a well-formed layout', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    for (const sender of [senders.content(), senders.extension()]) expect(permissionRefusal('cardLayout', await send('cardLayout', layout, sender))).toBe(true);
    const { tab: _tab, ...tabless } = senders.frame();
    expect(await send('cardLayout', layout, tabless)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect((await send('cardLayout', { ...layout, height: 'tall' }, senders.frame()))?.ok).toBe(false);
    expect((await send('cardLayout', { ...layout, top: Infinity }, senders.frame()))?.ok).toBe(false);
    expect(sent).not.toHaveBeenCalled();
  });

  it('accepts evidence only when its tab\'s page shows it, and writes it with its provenance', async () => {
    const ext = senders.extension();
    const mine = (await send('createAccount', { account: { name: 'Acme' }, pageKey: 'linkedin:company:acme' }, ext)) as { ok: true; data: { id: string } };
    const other = (await send('createAccount', { account: { name: 'Other Co' } }, ext)) as { ok: true; data: { id: string } };
    const page = (following: boolean) => ({ kind: 'company', site: 'linkedin', url: WEB, pageKey: 'linkedin:company:acme', readable: true, company: { name: 'Acme' }, evidence: { following }, signals: ['url'] });
    await send('reportPage', { page: page(false) }, senders.content());
    await send('getCardForTab', {}, senders.frame());
    const frame = senders.frame();
    const target = (await send('addTarget', { accountId: mine.data.id }, frame)) as { ok: true; data: { id: string; weekId: string } };
    const accept = { weekId: target.data.weekId, fact: 'companyFollowed', targetId: target.data.id };
    // The page does not show "Following": nothing to accept.
    expect(await send('acceptEvidence', accept, frame)).toEqual({ ok: false, error: 'The page no longer shows that. Reload it and try again.' });
    await send('reportPage', { page: page(true) }, senders.content());
    await send('getCardForTab', {}, frame);
    const otherTarget = (await send('addTarget', { accountId: other.data.id }, ext)) as { ok: true; data: { id: string } };
    expect(await send('acceptEvidence', { ...accept, targetId: otherTarget.data.id }, frame)).toEqual({ ok: false, error: OUT_OF_SCOPE });
    expect(await send('acceptEvidence', accept, frame)).toEqual({ ok: true, data: { contact: false, tick: true } });
    const tick = await (await getDb()).get('ticks', `${target.data.id}|account|companyPageFollow`);
    expect(tick).toMatchObject({ done: true, source: 'linkedin', item: 'companyPageFollow' });
    // Already recorded: a second accept writes nothing.
    expect(await send('acceptEvidence', accept, frame)).toEqual({ ok: true, data: { contact: false, tick: false } });
  });
});
