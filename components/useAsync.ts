import { useSignal } from '@preact/signals';

/** A button's busy/ok/error state for an async action, with the message to show. */
export function useAction() {
  const busy = useSignal(false);
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  async function run(fn: () => Promise<string | void>) {
    busy.value = true;
    message.value = null;
    try {
      const text = await fn();
      if (text) message.value = { kind: 'ok', text };
    } catch (e) {
      message.value = { kind: 'error', text: (e as Error)?.message ?? String(e) };
    } finally {
      busy.value = false;
    }
  }
  return { busy, message, run };
}

/**
 * An action that shows its error in `error` and then reloads the view: `act(() => send(…))`.
 */
export function actThenReload(error: { value: string | null }, reload: () => unknown) {
  return async (fn: () => Promise<unknown>) => {
    try {
      error.value = null;
      await fn();
      await reload();
    } catch (e) {
      error.value = (e as Error).message;
    }
  };
}
