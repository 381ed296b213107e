import { t } from '@/lib/i18n';
import type { StrategicSummary } from '@/lib/messaging/protocol';

/**
 * The strategic parts on the card, in words: the account team in one line, the relationship
 * map's gaps and overdue governance. Read-only here: they are edited in the account view.
 */
export function StrategicLines({ s }: { s: StrategicSummary }) {
  if (!s.teamLine && !s.relationshipGaps.length && !s.governance.length) return null;
  return (
    <div class="strategic-lines" data-testid="card-strategic">
      {s.teamLine && (
        <p class="muted one-line" data-testid="card-team" title={s.teamLine}>
          <b>{t('strategic.card.team')}</b> {s.teamLine}
        </p>
      )}
      {s.relationshipGaps.length > 0 && (
        <p data-testid="card-relationship-gaps">
          <b>{t('strategic.card.relationships')}</b> {s.relationshipGaps.join('; ')}
        </p>
      )}
      {s.governance.length > 0 && (
        <p class="error" data-testid="card-governance">
          <b>{t('strategic.card.governance')}</b> {s.governance.join('; ')}
        </p>
      )}
    </div>
  );
}
