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
