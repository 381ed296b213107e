/**
 * Details of the rows on screen (tier sentence, named contacts, coverage gaps): they need each
 * account's contacts, so they are asked for the visible rows only, once the list stops moving,
 * and kept until accounts or contacts change.
 */
import { useSignal, type Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/messaging/client';
import type { AccountRow } from '@/lib/messaging/protocol';

/** Wait this long after the visible rows last changed: a fast scroll asks once, at its end. */
const SETTLE_MS = 60;

export function useAccountRows(visibleIds: string[], detailsVersion: Signal<number>): Signal<Map<string, AccountRow>> {
  const rows = useSignal(new Map<string, AccountRow>());
  const [state] = useState(() => ({ version: detailsVersion.peek(), asked: new Set<string>() }));
  const key = visibleIds.join('\n');
  const version = detailsVersion.value;

  useEffect(() => {
    const stale = state.version !== version;
    const wanted = visibleIds.filter((id) => stale || (!rows.peek().has(id) && !state.asked.has(id)));
    if (!wanted.length) return;
    const timer = setTimeout(() => {
      const askedAt = version;
      for (const id of wanted) state.asked.add(id);
      send('getAccountRows', { ids: wanted.slice(0, 500) }).then(
        (got) => {
          for (const id of wanted) state.asked.delete(id);
          if (askedAt !== detailsVersion.peek()) return; // changed since: the next ask is current
          // After a change, what was kept for rows now off screen is dropped with the old version.
          const next = askedAt !== state.version ? new Map<string, AccountRow>() : new Map(rows.peek());
          state.version = askedAt;
          for (const r of got) next.set(r.id, r);
          rows.value = next;
        },
        () => {
          for (const id of wanted) state.asked.delete(id);
        },
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [key, version]);

  return rows;
}
