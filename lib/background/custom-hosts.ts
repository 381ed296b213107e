/**
 * Custom CRM hosts: once the user has granted a host (options page), the CRM content script is
 * registered for it, and the host list is mirrored to storage.local where the content script
 * reads it to pick the right adapter (content-mirror.ts).
 */
import { browser } from 'wxt/browser';
import { getSettings } from '../db/settings';
import { mirrorForContentScripts } from './content-mirror';

const SCRIPT_ID = 'tiercover-custom-crm';

export async function syncCustomHosts() {
  const settings = await getSettings().catch(() => undefined);
  const hosts = settings?.customCrmHosts ?? [];
  await mirrorForContentScripts(settings);
  const scripting = (browser as unknown as { scripting?: typeof browser.scripting }).scripting;
  if (!scripting?.registerContentScripts) return; // optional permission not granted yet
  const granted = [];
  for (const h of hosts) {
    if (await browser.permissions.contains({ origins: [`https://${h.host}/*`] })) granted.push(`https://${h.host}/*`);
  }
  await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] }).catch(() => undefined);
  if (granted.length) {
    await scripting.registerContentScripts([{ id: SCRIPT_ID, matches: granted, js: ['content-scripts/crm.js'], runAt: 'document_end' }]);
  }
}

export function setupCustomHosts() {
  browser.runtime.onStartup.addListener(() => void syncCustomHosts());
  browser.runtime.onInstalled.addListener(() => void syncCustomHosts());
  browser.permissions.onAdded?.addListener(() => void syncCustomHosts());
  browser.permissions.onRemoved?.addListener(() => void syncCustomHosts());
}
