import type { Signal } from '@preact/signals';

/** A live region for the outcome of an action: screen readers hear it, errors stand out. */
export function Status({ message, testId }: { message: Signal<{ kind: 'ok' | 'error'; text: string } | null>; testId?: string }) {
  const m = message.value;
  return (
    <div class={`status ${m?.kind ?? ''}`} role={m?.kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {m?.text ?? ''}
    </div>
  );
}
