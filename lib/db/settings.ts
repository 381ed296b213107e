/**
 * Settings in the database, checked with zod on the way out. Apart from db.ts so that pages which
 * only read the week (and content of the database) do not load zod.
 */
import { defaultSettings, settings as settingsSchema, type Settings } from '../domain/schema';
import { getDb, type DB } from './db';

export async function getSettings(db?: DB): Promise<Settings> {
  const d = db ?? (await getDb());
  const stored = await d.get('settings', 'settings');
  if (!stored) return defaultSettings(0);
  const parsed = settingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultSettings(0);
}

export async function putSettings(s: Settings, db?: DB) {
  const d = db ?? (await getDb());
  await d.put('settings', s);
}

