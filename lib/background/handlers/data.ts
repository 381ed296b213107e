/** Settings, statistics, the sample data, deleting everything, and change announcements. */
import { settings as settingsSchema } from '../../domain/schema';
import { getDb, getStats, deleteAllData } from '../../db/db';
import { makeSampleData, SAMPLE_OWNERS } from '../../sample';
import { notifyChange } from '../live';
import { replaceSampleData } from '../../db/sample';
import { syncCustomHosts } from '../custom-hosts';
import { type Handler, UserError, forgetSettings, settingsOf } from './common';

export const dataHandlers: { [K in ('getSettings' | 'saveSettings' | 'getStats' | 'loadSampleData' | 'deleteAllData' | 'announceChange')]: Handler<K> } = {
  async getSettings() {
    return settingsOf(await getDb());
  },

  async saveSettings({ settings: changes }) {
    const db = await getDb();
    const current = await settingsOf(db);
    const parsed = settingsSchema.safeParse({ ...current, ...changes, id: 'settings', updatedAt: Date.now() });
    if (!parsed.success) throw new UserError(`Settings not saved: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    await db.put('settings', parsed.data);
    await forgetSettings();
    if (changes.customCrmHosts) await syncCustomHosts();
    // Tiers are computed from settings on every read, so every account is re-tiered at once.
    void notifyChange(['settings', 'accounts']);
    return parsed.data;
  },

  async getStats() {
    return getStats();
  },

  async loadSampleData() {
    const db = await getDb();
    const settings = await settingsOf(db);
    // Replaces the sample records loaded before (the options page asks first): never a second copy.
    await replaceSampleData(db, makeSampleData({ yourName: settings.yourName }));
    // The sample's owners become the roster when there is none, so owner selects and "Mine" work.
    if (!settings.roster.length) {
      const roster = [...SAMPLE_OWNERS.sales.map((name) => ({ name, team: 'sales' as const })), ...SAMPLE_OWNERS.marketing.map((name) => ({ name, team: 'marketing' as const }))];
      await db.put('settings', { ...settings, roster, updatedAt: Date.now() });
      await forgetSettings();
    }
    void notifyChange(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'settings']);
    return getStats(db);
  },

  async deleteAllData() {
    const db = await getDb();
    await deleteAllData(db);
    await forgetSettings();
    void notifyChange(['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings']);
    return getStats(db);
  },

  async announceChange({ stores }) {
    if (stores.includes('settings')) await forgetSettings();
    await notifyChange(stores);
    return { ok: true as const };
  },
};
