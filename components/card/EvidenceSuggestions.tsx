import { suggestionsFor } from '@/lib/domain/evidence';
import { send } from '@/lib/messaging/client';
import type { CardContext } from '@/lib/messaging/protocol';

/**
 * What the page shows that the records do not say yet ("LinkedIn shows you are connected: mark
 * it?"), one button each. Nothing is ticked until the user accepts; the background records it as
 * seen on LinkedIn, with who and when.
 */
export function EvidenceSuggestions({ ctx, act }: { ctx: CardContext; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const target = ctx.target?.target;
  const suggestions = suggestionsFor(ctx.page, { contact: ctx.contact, target, ticks: ctx.target?.ticks });
  if (!suggestions.length) return null;
  return (
    <div class="evidence" data-testid="evidence" role="group" aria-label="Seen on this page">
      <h3>Seen on this page</h3>
      {suggestions.map((s) => (
        <div class="evidence-row" key={s.fact} data-testid={`evidence-${s.fact}`}>
          <span>{s.text}</span>
          <button
            class="btn primary"
            type="button"
            data-testid={`evidence-accept-${s.fact}`}
            onClick={() =>
              void act(() => send('acceptEvidence', { weekId: ctx.weekId, fact: s.fact, contactId: ctx.contact?.id, targetId: target?.id }))
            }
          >
            Mark it
          </button>
        </div>
      ))}
    </div>
  );
}
