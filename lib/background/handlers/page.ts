/**
 * The card's page path: a content script reports its page, the card frame asks for its tab's card
 * (and, in Firefox, sends its layout through here), our pages ask for a page or tab, the side
 * panel opens.
 */
import { browser } from 'wxt/browser';
import { getDb } from '../../db/db';
import type { PushMessage } from '../../messaging/protocol';
import { hasSubject } from '../../sites/types';
import { cardFrameOf, inReportOrder, persistTabPage, rememberCardFrame, rememberTabPage, replacesTabPage, tabPage, tabReport, reportedSince } from '../tab-cards';
import { setBadge } from '../badge';
import { pushToCardTabs } from '../live';
import { type Handler, buildContext, buildForTab, contextForTab, settingsOf } from './common';

const CLOCK_MARGIN_MS = 20;
const REPORT_WAIT_MS = 3000;

export const pageHandlers: { [K in ('reportPage' | 'getCardForTab' | 'relayToCard' | 'cardLayout' | 'getPageContext' | 'getTabContext' | 'openSidePanel')]: Handler<K> } = {
  reportPage({ page, settled, structure }, sender) {
    const tabId = sender.tabId!;
    const fromSubframe = (sender.frameId ?? 0) !== 0;
    // A frame of a page (LinkedIn's hidden preload frames, ads) that is no page of ours: not the tab's.
    if (fromSubframe && page.kind === 'unsupported') return Promise.resolve({ show: false });
    return inReportOrder(tabId, async () => {
      const db = await getDb();
      const settings = await settingsOf(db);
      if (!replacesTabPage(await tabPage(tabId), tabReport(tabId), page, fromSubframe)) {
        const ctx = await contextForTab(tabId);
        return { show: !!ctx && hasSubject(ctx.page) && ctx.cardMode === 'card' };
      }
      rememberTabPage(tabId, page, { settled, fromSubframe, structure });
      const ctx = await buildForTab(db, tabId, page, settings);
      // Bookkeeping after the answer: the card must not wait for storage.session.
      setTimeout(() => void persistTabPage(tabId, page), 0);
      void setBadge(tabId, ctx);
      const push: PushMessage = { type: 'tabPageChanged', tabId };
      browser.runtime.sendMessage(push).catch(() => undefined);
      pushToCardTabs(push, [tabId]);
      // The card shows in the top frame only; a sub-frame's script just reads its document.
      return { show: !fromSubframe && hasSubject(page) && ctx.cardMode === 'card' };
    });
  },

  async getCardForTab({ since }, sender) {
    const tabId = sender.tabId!;
    rememberCardFrame(tabId, sender.frameId);
    // The frame goes up while its page is still being reported: what the tab had before belongs
    // to the previous document (another page), so the answer waits for this one's report (or,
    // after REPORT_WAIT_MS, is empty and the report's push brings the card later).
    // (A small margin: the page's clock and ours are one clock, read through different APIs.)
    if (since !== undefined && !(await reportedSince(tabId, since - CLOCK_MARGIN_MS, REPORT_WAIT_MS))) return { tabId, ctx: null };
    return { tabId, ctx: await contextForTab(tabId) };
  },

  async relayToCard({ push }, sender) {
    const frameId = cardFrameOf(sender.tabId!);
    if (frameId === undefined) return { delivered: false };
    const ok = await browser.tabs.sendMessage(sender.tabId!, push satisfies PushMessage, { frameId }).then(() => true, () => false);
    return { delivered: ok };
  },

  async cardLayout(layout, sender) {
    // To the card frame's own tab only (the scope check refused a frame without one), top frame.
    const push: PushMessage = { type: 'cardLayout', ...layout };
    await browser.tabs.sendMessage(sender.tabId!, push, { frameId: 0 }).catch(() => undefined);
    return null;
  },

  async getPageContext({ page }) {
    const db = await getDb();
    return buildContext(db, page, await settingsOf(db));
  },

  async getTabContext({ tabId }) {
    return contextForTab(tabId);
  },

  async openSidePanel(_p, sender) {
    // Chrome: sidePanel.open needs a user gesture, which the card's click provides.
    const sp = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
    if (sp && sender.tabId !== undefined) {
      await sp.open({ tabId: sender.tabId });
      return { ok: true };
    }
    const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
    if (sidebar) {
      await sidebar.open();
      return { ok: true };
    }
    return { ok: false };
  },
};
