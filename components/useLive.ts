import { useEffect } from 'preact/hooks';
import { onChange } from '@/lib/messaging/client';

/** Load now, and again whenever data changes anywhere (bursts coalesced); stops on unmount. */
export function useLive(load: () => unknown, deps: unknown[] = [], coalesceMs = 300) {
  useEffect(() => {
    const ac = new AbortController();
    void load();
    onChange(() => void load(), ac.signal, { coalesceMs });
    return () => ac.abort();
  }, deps);
}
