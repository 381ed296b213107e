import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { FOUR_RS, R_LABELS, STATEMENTS, reviewTrend, scoreReview } from '@/lib/domain/fourr';
import type { FourRReview } from '@/lib/domain/schema';
import { localDate } from '@/lib/domain/tier';

const SCALE = [1, 2, 3, 4, 5] as const;

/**
 * The 4R self-assessment (seed 001): the 15 statements scored 1 (strongly disagree) to 5
 * (strongly agree), the total against the seed's bands, the trend over the reviews kept, and
 * the weakest R with its best practices. For the team, or for one strategic account.
 */
export function ReviewPanel({ reviews, onSubmit, subject }: { reviews: FourRReview[]; onSubmit: (scores: number[]) => Promise<void>; subject: string }) {
  const taking = useSignal(false);
  const scores = useSignal<(number | undefined)[]>(Array(STATEMENTS.length).fill(undefined));
  const trend = reviewTrend(reviews);
  const latest = trend.points.length ? [...reviews].sort((a, b) => a.at - b.at)[reviews.length - 1] : undefined;
  const score = latest ? scoreReview(latest.scores) : undefined;
  const answered = scores.value.filter((s) => s !== undefined).length;
  return (
    <div class="list" data-testid="review">
      <p data-testid="review-trend">{trend.sentence}</p>
      {trend.points.length > 1 && <TrendChart points={trend.points} />}
      {score && (
        <>
          <p data-testid="review-band"><b>{score.band.label}:</b> {score.band.advice}</p>
          <p class="muted">{FOUR_RS.map((r) => `${R_LABELS[r]} ${score.perR.find((x) => x.r === r)!.average}`).join(' · ')} {t('strategic.review.averages')}</p>
          <div data-testid="review-weakest">
            <p><b>{t('strategic.review.weakest', { r: R_LABELS[score.weakest.r] })}</b>{t('strategic.review.weakestTail', { average: String(score.weakest.average) })}</p>
            <ul>{score.weakest.practices.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        </>
      )}
      {trend.points.length > 0 && (
        <details>
          <summary>{t('strategic.review.all', { count: String(trend.points.length) })}</summary>
          <ul class="plain" data-testid="review-history">
            {trend.points.map((p, i) => <li key={i}>{t('strategic.review.historyItem', { date: localDate(p.at), total: String(p.total) })}{p.delta !== undefined ? ` (${p.delta >= 0 ? '+' : ''}${p.delta})` : ''}</li>)}
          </ul>
        </details>
      )}
      {!taking.value && <div class="actions"><button class="btn primary" data-testid="review-start" onClick={() => (taking.value = true)}>{reviews.length ? t('strategic.review.again') : t('strategic.review.take')}</button></div>}
      {taking.value && (
        <form
          data-testid="review-form"
          aria-label={t('strategic.review.formLabel', { subject })}
          onSubmit={(e) => {
            e.preventDefault();
            if (answered < STATEMENTS.length) return;
            void onSubmit(scores.value as number[]).then(() => {
              taking.value = false;
              scores.value = Array(STATEMENTS.length).fill(undefined);
            });
          }}
        >
          <p class="muted">{t('strategic.review.scale')}</p>
          <ol class="review-statements">
            {STATEMENTS.map((s, i) => (
              <li key={i}>
                {STATEMENTS[i - 1]?.r !== s.r && <b>{R_LABELS[s.r]}: </b>}
                {s.text}
                <div class="scale" role="radiogroup" aria-label={t('strategic.review.statement', { n: String(i + 1) })}>
                  {SCALE.map((v) => (
                    <label key={v}>
                      <input
                        type="radio"
                        name={`s${i}`}
                        value={v}
                        data-testid={`review-s${i}-${v}`}
                        checked={scores.value[i] === v}
                        onChange={() => (scores.value = scores.value.map((x, j) => (j === i ? v : x)))}
                      />{' '}
                      {v}
                    </label>
                  ))}
                </div>
              </li>
            ))}
          </ol>
          <div class="actions">
            <button class="btn primary" type="submit" data-testid="review-submit" disabled={answered < STATEMENTS.length}>
              {t('strategic.review.save', { answered: String(answered), total: String(STATEMENTS.length) })}
            </button>
            <button class="btn" type="button" onClick={() => (taking.value = false)}>{t('strategic.review.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The totals over time against the bands' lines (40, 50, 60), with each total written on its dot. */
function TrendChart({ points }: { points: { at: number; total: number }[] }) {
  const W = 320;
  const H = 120;
  const x = (i: number) => 30 + (i * (W - 50)) / Math.max(1, points.length - 1);
  const y = (t: number) => H - 15 - ((t - 15) * (H - 30)) / 60;
  return (
    <svg width={W} height={H} role="img" aria-label={t('strategic.review.chart', { totals: points.map((p) => p.total).join(', ') })} data-testid="review-chart">
      {[40, 50, 60].map((b) => (
        <g key={b}>
          <line class="trend-axis" x1="25" x2={W - 10} y1={y(b)} y2={y(b)} />
          <text class="trend-label" x="0" y={y(b) + 4}>{b}</text>
        </g>
      ))}
      <polyline class="trend" points={points.map((p, i) => `${x(i)},${y(p.total)}`).join(' ')} />
      {points.map((p, i) => (
        <g key={i}>
          <circle class="trend-dot" cx={x(i)} cy={y(p.total)} r="4" />
          <text class="trend-label" x={x(i) - 6} y={y(p.total) - 8}>{p.total}</text>
        </g>
      ))}
    </svg>
  );
}
