/** Ask for persistent storage so the browser never evicts the pipeline data under pressure. */
import { browser } from 'wxt/browser';
import { getDb } from '../db/db';

export function setupStorage() {
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    try {
      await navigator.storage?.persist?.();
    } catch {
      /* not granted: unlimitedStorage still exempts us from the quota */
    }
    // Open (and upgrade) the database now rather than on the first page.
    await getDb().catch((e) => console.error('Tiercover: database upgrade failed; the old data is kept.', e));
    if (reason === 'install') await browser.runtime.openOptionsPage().catch(() => undefined);
  });
}
