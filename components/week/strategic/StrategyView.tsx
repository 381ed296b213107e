import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { send } from '@/lib/messaging/client';
import type { InvestmentRow } from '@/lib/messaging/protocol';
import type { Settings } from '@/lib/domain/schema';
import { TIER_SHORT } from '@/lib/domain/tier';
import { useLive } from '../../useLive';
import { ReviewPanel } from './ReviewPanel';

/**
 * The team's side of strategic accounts: the 4R review of the SAM organisation as a whole, and
 * where to invest the costly air cover across accounts (weights in Options → Strategic accounts).
 */
export function StrategyView() {
  const settings = useSignal<Settings | null>(null);
  const ranking = useSignal<InvestmentRow[] | null>(null);
  const error = useSignal<string | null>(null);
  const load = async () => {
    try {
      const [s, r] = await Promise.all([send('getSettings', {}), send('rankInvestments', { limit: 20 })]);
      settings.value = s;
      ranking.value = r;
    } catch (e) {
      error.value = (e as Error).message;
    }
  };
  useLive(load);
  const s = settings.value;
  const w = s?.investWeights;
  return (
    <div class="list" data-testid="strategy-view">
      {error.value && <p class="error" role="alert">{error.value}</p>}
      <section aria-label={t('strategic.view.teamReview')}>
        <h3>{t('strategic.view.teamReview')}</h3>
        <p class="muted">{t('strategic.view.teamReviewHelp')}</p>
        {s && <ReviewPanel subject="the team" reviews={s.teamReviews} onSubmit={async (scores) => {
          await send('addReview', { scores });
          await load();
        }} />}
      </section>
      <section aria-label={t('strategic.view.invest')}>
        <h3>{t('strategic.view.invest')}</h3>
        {w && <p class="muted">{t('strategic.view.investHelp', { tier: String(w.tier), potential: String(w.potential), rating: String(w.rating) })}</p>}
        {ranking.value && ranking.value.length === 0 && <p class="muted">{t('strategic.view.noAccounts')}</p>}
        {ranking.value && ranking.value.length > 0 && (
          <ol data-testid="invest-ranking">
            {ranking.value.map((r) => (
              <li key={r.accountId}>
                <span class={`tier ${r.tier}`}>{TIER_SHORT[r.tier]}</span> <b>{r.name}</b> ({r.score}): {r.reasons.join('; ')}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
