/// <reference types="chrome" />
import { beforeAll, describe, expect, it } from 'vitest';
import { openExtensionPage, restartServiceWorker, screenshot, type Session, useSession } from './harness';

const session = useSession({ sample: false });
let s: Session;
beforeAll(() => {
  s = session();
});

describe('foundation in Chromium', () => {
  it('the built manifest asks for the least it needs', async () => {
    const m = await s.worker.evaluate(() => chrome.runtime.getManifest());
    expect(m.name).toBe('Tiercover');
    expect([...(m.permissions ?? [])].sort()).toEqual(['alarms', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(m.host_permissions ?? []).toEqual([]);
    // Custom CRM hosts, and team sync's server (wss anywhere, ws on this machine): asked at run time.
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'wss://*/*', 'ws://localhost/*', 'ws://127.0.0.1/*']);
    // Only the card page, only through a per-session dynamic URL (custom CRM hosts need it too):
    // nothing a site can probe for at a fixed address.
    expect(m.web_accessible_resources).toEqual([
      { resources: ['card.html'], matches: ['https://*/*'], use_dynamic_url: true },
    ]);
    // Connections only to a team sync server: wss anywhere (chosen at run time), ws on this machine.
    expect((m.content_security_policy as { extension_pages: string }).extension_pages).toBe("script-src 'self'; object-src 'none'; connect-src 'self' wss: ws://localhost:* ws://127.0.0.1:*");
    // A classic service worker: Chrome starts it from its kept compiled code (entrypoints/background).
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m.content_scripts?.flatMap((c) => c.matches).sort()).toEqual([
      'https://*.hubspot.com/*',
      'https://*.lightning.force.com/*',
      'https://*.linkedin.com/*',
      'https://*.salesforce.com/*',
    ]);
  });

  it('options shows an empty state, loads sample data, and the data survives a service-worker restart', async () => {
    const page = await openExtensionPage(s, 'options.html');
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('load-sample').click();
    await expect.poll(() => page.getByTestId('data-status').textContent()).toContain('Sample data loaded: 40 accounts');
    const accounts = await page.getByTestId('stat-accounts').textContent();
    expect(accounts).toBe('40');
    // Data and no backup yet: the reminder says so, and a backup makes it go.
    await page.getByTestId('backup-reminder').filter({ hasText: 'no backup yet' }).waitFor();
    await screenshot(page, 'options');
    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-export').click()]);
    expect(backup.suggestedFilename()).toMatch(/^tiercover-backup-\d{4}-\d{2}-\d{2}\.json$/);
    await expect.poll(() => page.getByTestId('backup-reminder').count()).toBe(0);

    await s.worker.evaluate(() => ((globalThis as { beforeRestart?: boolean }).beforeRestart = true));
    await restartServiceWorker(s, page);
    await page.reload();
    await expect.poll(() => page.getByTestId('stat-accounts').textContent()).toBe('40');
    // The answer came from a fresh service worker, not the one we stopped.
    const fresh = s.context.serviceWorkers().at(-1)!;
    expect(await fresh.evaluate(() => (globalThis as { beforeRestart?: boolean }).beforeRestart ?? false)).toBe(false);
    expect(Number(await page.getByTestId('stat-contacts').textContent())).toBeGreaterThan(200);
    await page.close();
  });

  it('delete all data asks for confirmation first', async () => {
    const page = await openExtensionPage(s, 'options.html');
    await page.getByTestId('stat-accounts').filter({ hasText: '40' }).waitFor();
    await page.getByTestId('delete-all').click();
    await expect(page.getByTestId('delete-confirm-button').isDisabled()).resolves.toBe(true);
    await page.getByTestId('delete-typed').fill('DELETE');
    await page.getByTestId('delete-confirm-button').click();
    await expect.poll(() => page.getByTestId('stat-accounts').textContent()).toBe('0');
    await page.getByTestId('empty-state').waitFor();
    await page.close();
  });

  it('made no request to anywhere', () => {
    expect(s.outside).toEqual([]);
  });
});
