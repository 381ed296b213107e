import { suggestionsFor, type EvidenceFact } from '@/lib/domain/evidence';
import { t } from '@/lib/i18n';
import { send } from '@/lib/messaging/client';
import type { CardContext } from '@/lib/messaging/protocol';

/** The card's question for each fact (literal keys: docs/I18N.md). */
const QUESTION: Record<EvidenceFact, () => string> = {
  connected: () => t('card.evidence.connected'),
  followed: () => t('card.evidence.followed'),
  savedLead: () => t('card.evidence.savedLead'),
  companyFollowed: () => t('card.evidence.companyFollowed'),
};

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
    <div class="evidence" data-testid="evidence" role="group" aria-label={t('card.evidence.title')}>
      <h3>{t('card.evidence.title')}</h3>
      {suggestions.map((s) => (
        <div class="evidence-row" key={s.fact} data-testid={`evidence-${s.fact}`}>
          <span>{QUESTION[s.fact]()}</span>
          <button
            class="btn primary"
            type="button"
            data-testid={`evidence-accept-${s.fact}`}
            onClick={() =>
              void act(() => send('acceptEvidence', { weekId: ctx.weekId, fact: s.fact, contactId: ctx.contact?.id, targetId: target?.id }))
            }
          >
            {t('card.evidence.accept')}
          </button>
        </div>
      ))}
    </div>
  );
}
