/**
 * What content scripts need before their first message, kept in storage.local (they cannot open
 * our database): the custom CRM hosts (to pick an adapter) and each site's card mode (to put the
 * card frame up while the page is still being reported, and never where the user chose the side
 * panel). Rewritten whenever the settings change, at install and at browser start.
 */
import { browser } from 'wxt/browser';
import { CONTENT_MIRROR_KEYS } from '../domain/constants';
import type { Settings } from '../domain/schema';
import { getSettings } from '../db/settings';

export async function mirrorForContentScripts(settings?: Settings) {
  const s = settings ?? (await getSettings().catch(() => undefined));
  await browser.storage.local.set({
    [CONTENT_MIRROR_KEYS.customHosts]: s?.customCrmHosts ?? [],
    [CONTENT_MIRROR_KEYS.cardModes]: s?.cardMode ?? {},
  });
}
