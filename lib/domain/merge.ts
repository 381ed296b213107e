/**
 * The one merge rule, for the bundle import (lib/io/bundle.ts) and team sync (lib/sync/): per
 * field the newer edit wins, by the edit times records carry in `edits` (never by who wrote last
 * or by a Yjs client id); ticks are one record per checklist cell, so the ticks of both sides are
 * kept, and a cell's newer record wins, an untick (`done: false` with its time) included, so an
 * older tick never revives it.
 */
import type { AirCoverTick } from './schema';

export interface Timed {
  id: string;
  createdAt: number;
  updatedAt: number;
  edits?: Record<string, number>;
}

/** Kept from both sides rather than chosen. */
const UNION_FIELDS = new Set(['domains']);
/** Merged key by key ("factors.website", "team.owner", "crmIds.hubspot"). */
const NESTED_FIELDS = new Set(['factors', 'team', 'crmIds']);
/** Recomputed from the others. */
const SKIP_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'edits', 'nameKey', 'crmKeys']);

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
/** Equal as data (key order and undefined fields do not count). */
export const same = (a: unknown, b: unknown) => a === b || stable(a) === stable(b);

/**
 * When a field was last set. An edit time if one was recorded (for "factors.website", also one
 * recorded for "factors"). Otherwise: a record that tracks edits but not this field has not had
 * it edited since it was created; a record that tracks no edits only knows its updatedAt.
 * `exact`: an edit time was recorded for this very path, so an absent value there was a deletion.
 */
function fieldTime(r: Timed, path: string): { at: number; exact: boolean } {
  const e = r.edits;
  const at = e?.[path] ?? e?.[path.split('.')[0] ?? path];
  if (at !== undefined) return { at, exact: e?.[path] !== undefined };
  return { at: e && Object.keys(e).length ? r.createdAt : r.updatedAt, exact: false };
}

/**
 * Per field the newer edit wins (ties keep ours). An absent value on the winning side only wins
 * if an edit of that very field removed it. Conflicts decided on a record that tracks edits
 * record the winning time, so merging the same data again changes nothing.
 */
export function mergeFields<T extends Timed>(ours: T, theirs: T): T {
  const out = { ...ours } as Record<string, unknown>;
  const edits: Record<string, number> = { ...(ours.edits ?? {}) };
  for (const [k, t] of Object.entries(theirs.edits ?? {})) edits[k] = Math.max(edits[k] ?? 0, t);
  const tracks = !!(ours.edits || theirs.edits);

  const pick = (path: string, a: unknown, b: unknown): unknown => {
    if (same(a, b)) return a;
    const ta = fieldTime(ours, path);
    const tb = fieldTime(theirs, path);
    let win: 'a' | 'b' = tb.at > ta.at ? 'b' : 'a';
    if (win === 'b' && b === undefined && !tb.exact) win = 'a';
    else if (win === 'a' && a === undefined && !ta.exact) win = 'b';
    if (tracks) edits[path] = Math.max(edits[path] ?? 0, ta.at, tb.at);
    return win === 'a' ? a : b;
  };

  const o = ours as unknown as Record<string, unknown>;
  const t = theirs as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(o), ...Object.keys(t)])) {
    if (SKIP_FIELDS.has(key)) continue;
    const a = o[key];
    const b = t[key];
    if (UNION_FIELDS.has(key) && Array.isArray(a) && Array.isArray(b)) {
      out[key] = [...new Set([...a, ...b])];
    } else if (NESTED_FIELDS.has(key) && (a ?? {}) instanceof Object && (b ?? {}) instanceof Object) {
      const ao = (a ?? {}) as Record<string, unknown>;
      const bo = (b ?? {}) as Record<string, unknown>;
      const sub: Record<string, unknown> = {};
      for (const s of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
        const v = pick(`${key}.${s}`, ao[s], bo[s]);
        if (v !== undefined) sub[s] = v;
      }
      out[key] = sub;
    } else {
      const v = pick(key, a, b);
      if (v === undefined) delete out[key];
      else out[key] = v;
    }
  }
  if (Object.keys(edits).length) out.edits = edits;
  out.updatedAt = Math.max(ours.updatedAt, theirs.updatedAt);
  return out as unknown as T;
}

/**
 * One checklist cell seen by two sides: the newer record wins, tick or untick (ties keep ours).
 * Ticks of different cells are different records, so both sides' ticks are always kept.
 */
export function mergeTick(ours: AirCoverTick | undefined, theirs: AirCoverTick): AirCoverTick {
  return ours && ours.at >= theirs.at ? ours : theirs;
}
