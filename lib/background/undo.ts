/**
 * Undo for a contact removed from the card: what the removal took is kept for UNDO_MS under a
 * random token (in memory and storage.session, so a service-worker restart in between loses
 * nothing), and given back once.
 */
import { browser } from 'wxt/browser';
import type { RemovedContact } from '../db/contacts';

export const UNDO_MS = 2 * 60_000;
const KEY = 'tiercover.undo';
type Kept = Record<string, { removed: RemovedContact; until: number }>;

const memory: Kept = {};

async function stored(): Promise<Kept> {
  try {
    return ((await browser.storage.session.get(KEY))[KEY] as Kept | undefined) ?? {};
  } catch {
    return {};
  }
}

async function save(all: Kept) {
  try {
    await browser.storage.session.set({ [KEY]: all });
  } catch {
    /* memory only */
  }
}

const fresh = (all: Kept, now: number) => Object.fromEntries(Object.entries(all).filter(([, v]) => v.until > now));

export async function keepForUndo(removed: RemovedContact, now = Date.now()): Promise<string> {
  const token = crypto.randomUUID();
  memory[token] = { removed, until: now + UNDO_MS };
  await save({ ...fresh(await stored(), now), [token]: memory[token] });
  return token;
}

/** What a token would restore, without using it up (for the scope check). */
export async function peekUndo(token: string, now = Date.now()): Promise<RemovedContact | undefined> {
  const kept = memory[token] ?? (await stored())[token];
  return kept && kept.until > now ? kept.removed : undefined;
}

export async function takeUndo(token: string, now = Date.now()): Promise<RemovedContact | undefined> {
  const removed = await peekUndo(token, now);
  delete memory[token];
  const all = fresh(await stored(), now);
  delete all[token];
  await save(all);
  return removed;
}
