import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

/**
 * A text field saved as it is typed: `delay` ms after the last key, and at once when the page is
 * hidden or closed (`visibilitychange`, `pagehide`) or the field goes away, so closing the tab
 * right after typing loses nothing. While an edit is waiting, a reload from elsewhere does not
 * overwrite what is being typed.
 */
export function useAutosave(stored: string, save: (value: string) => Promise<unknown>, delay = 400) {
  const value = useSignal(stored);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const error = useSignal<string | null>(null);
  /** The field: while it has the focus, its text is the user's, not the last reload's. */
  const ref = useRef<HTMLTextAreaElement>(null);

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const v = pending.current;
    if (v === null) return;
    pending.current = null;
    // The message leaves at once; the page may be gone before the answer comes back.
    saveRef.current(v).then(
      () => (error.value = null),
      (e: Error) => (error.value = t('week.notSaved', { error: e.message })),
    );
  };

  // Follow the stored value (someone else's edit) when nothing of ours is waiting and the field
  // is not being typed in: a reload that answers an earlier save never undoes later keys.
  useEffect(() => {
    if (pending.current === null && document.activeElement !== ref.current) value.value = stored;
  }, [stored]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const onInput = (v: string) => {
    value.value = v;
    pending.current = v;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, delay);
  };
  return { value, onInput, flush, error, ref };
}
