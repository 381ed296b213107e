/**
 * The accounts list's index on the page: the first screen of entries at once, the rest in pages
 * in the background, then kept current from `changed` pushes: an edit of one account re-reads
 * that account only; an import, a restore or a settings change (tiers are computed from the
 * settings) reads the index again, behind the list that is on screen.
 */
import { useSignal, type Signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { AccountIndex, type AccountIndexEntry } from '@/lib/domain/account-index';
import { onChange, send } from '@/lib/messaging/client';
import type { ChangeEvent } from '@/lib/messaging/protocol';

/** Enough for the first screen of rows, asked first so it does not wait for the rest. */
export const FIRST_PAGE = 60;
/** The bulk read's pages: few round trips, each short enough to keep the background answering. */
export const PAGE = 10_000;

export interface LiveAccountIndex {
  index: AccountIndex;
  /** Bumped whenever the index changed (a page arrived, an account was patched, a reload). */
  version: Signal<number>;
  /** Bumped when accounts or contacts changed: row details and the gap set are out of date. */
  detailsVersion: Signal<number>;
  /** Entries held and accounts stored while pages are still coming; null once complete. */
  progress: Signal<{ loaded: number; total: number } | null>;
  /** False until the first page arrived. */
  ready: Signal<boolean>;
  error: Signal<string | null>;
}

export function useAccountIndex(): LiveAccountIndex {
  const [holder] = useState(() => ({ index: new AccountIndex() }));
  const version = useSignal(0);
  const detailsVersion = useSignal(0);
  const progress = useSignal<{ loaded: number; total: number } | null>(null);
  const ready = useSignal(false);
  const error = useSignal<string | null>(null);

  useEffect(() => {
    const ac = new AbortController();
    let generation = 0;

    /**
     * Read the whole index. A first load shows the first screen (name order, through the name
     * index) at once; then every entry is read in stored order (much faster in bulk), sorted once,
     * and swapped in. A reload keeps the list on screen until its replacement is complete.
     */
    const loadAll = async (fresh: boolean) => {
      const mine = ++generation;
      const stale = () => mine !== generation || ac.signal.aborted;
      try {
        if (fresh) {
          const first = await send('listAccountIndex', { limit: FIRST_PAGE });
          if (stale()) return;
          holder.index.append(first.entries);
          ready.value = true;
          version.value++;
          if (first.next === undefined) return; // that was every account
          progress.value = { loaded: first.entries.length, total: first.entries.length };
        }
        const all: AccountIndexEntry[] = [];
        let after: string | undefined;
        let total = -1;
        for (;;) {
          const page = await send('listAccountIndexById', { after, limit: PAGE, withTotal: total < 0 });
          if (stale()) return;
          if (page.total >= 0) total = page.total;
          all.push(...page.entries);
          if (page.next === undefined) break;
          after = page.next;
          progress.value = { loaded: all.length, total: Math.max(total, all.length) };
        }
        holder.index = AccountIndex.from(all);
        progress.value = null;
        version.value++;
        error.value = null;
      } catch (e) {
        if (mine === generation) error.value = (e as Error).message;
      }
    };

    const patch = async (ids: string[]) => {
      const mine = generation;
      try {
        const entries = await send('getAccountIndexEntries', { ids });
        if (mine !== generation || ac.signal.aborted) return; // a reload since: it has them
        const found = new Set(entries.map((e) => e.id));
        for (const e of entries) holder.index.upsert(e);
        for (const id of ids) if (!found.has(id)) holder.index.remove(id);
        version.value++;
      } catch (e) {
        error.value = (e as Error).message;
      }
    };

    const changed = (e: ChangeEvent) => {
      if (e.stores.includes('accounts') || e.stores.includes('contacts')) detailsVersion.value++;
      const everything = e.stores.includes('settings') || (e.stores.includes('accounts') && !e.accountIds);
      // While the first read is still paging in, a reload restarts it; a patch would be overtaken.
      if (everything || (e.accountIds && progress.value)) void loadAll(!ready.value);
      else if (e.accountIds?.length) void patch(e.accountIds);
    };

    void loadAll(true);
    onChange(changed, ac.signal, { coalesceMs: 300 });
    return () => {
      generation++;
      ac.abort();
    };
  }, []);

  return { get index() { return holder.index; }, version, detailsVersion, progress, ready, error };
}
