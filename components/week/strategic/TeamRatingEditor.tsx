import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { RATING_WORDS } from '@/lib/domain/invest';
import type { Account, TeamRating } from '@/lib/domain/schema';
import { localDate } from '@/lib/domain/tier';

type Rating = Pick<TeamRating, 'positioning' | 'marketing' | 'followUp' | 'why'>;
const KEYS = Object.keys(RATING_WORDS) as (keyof typeof RATING_WORDS)[];
const RATING_LABELS: Record<(typeof KEYS)[number], () => string> = {
  positioning: () => t('strategic.rating.positioning'),
  marketing: () => t('strategic.rating.marketing'),
  followUp: () => t('strategic.rating.followUp'),
};

/**
 * Where-to-invest inputs of one account (seed 000): its potential and the account team's rating
 * on positioning our offer, bringing marketing in and following up after air cover, with why.
 * The rating shows who gave it and when: it is visible to whoever keeps it, and explained.
 */
export function TeamRatingEditor({ potential, rating, onPotential, onRate }: {
  potential?: Account['potential'];
  rating?: TeamRating;
  onPotential: (p: Account['potential'] | null) => Promise<void>;
  onRate: (r: Rating | null) => Promise<void>;
}) {
  const draft = useSignal<Rating>({ positioning: rating?.positioning ?? 3, marketing: rating?.marketing ?? 3, followUp: rating?.followUp ?? 3, why: rating?.why ?? '' });
  const d = draft.value;
  return (
    <div class="list" data-testid="team-rating">
      <label>
        {t('strategic.rating.potential')}
        <select data-testid="potential" value={potential ?? ''} onChange={(e) => void onPotential(((e.target as HTMLSelectElement).value || null) as Account['potential'] | null)}>
          <option value="">{t('strategic.rating.notSet')}</option>
          <option value="high">{t('strategic.rating.high')}</option>
          <option value="medium">{t('strategic.rating.medium')}</option>
          <option value="low">{t('strategic.rating.low')}</option>
        </select>
      </label>
      {rating && (
        <p class="muted" data-testid="rating-by">
          {rating.why ? t('strategic.rating.byWhy', { by: rating.by, date: localDate(rating.at), why: rating.why }) : t('strategic.rating.by', { by: rating.by, date: localDate(rating.at) })}
        </p>
      )}
      <form class="form" onSubmit={(e) => {
        e.preventDefault();
        void onRate({ ...d, why: d.why?.trim() || undefined });
      }}>
        {KEYS.map((k) => (
          <label key={k}>
            {RATING_LABELS[k]()}
            <select data-testid={`rating-${k}`} value={d[k]} onChange={(e) => (draft.value = { ...d, [k]: Number((e.target as HTMLSelectElement).value) })}>
              {[1, 2, 3, 4, 5].map((v) => <option key={v} value={v}>{v}</option>)}
            </select>
          </label>
        ))}
        <label>
          {t('strategic.rating.why')}
          <input type="text" maxLength={2000} data-testid="rating-why" value={d.why ?? ''} onInput={(e) => (draft.value = { ...d, why: (e.target as HTMLInputElement).value })} />
        </label>
        <div class="actions">
          <button class="btn" type="submit" data-testid="rating-save">{t('strategic.rating.save')}</button>
          {rating && <button class="btn" type="button" onClick={() => void onRate(null)}>{t('strategic.rating.clear')}</button>}
        </div>
      </form>
    </div>
  );
}
