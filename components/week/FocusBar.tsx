import { planText, workJudgement, type FocusReport } from '@/lib/domain/focus';
import { TIER_SHORT } from '@/lib/domain/tier';
import { t } from '@/lib/i18n';
import { tierLabel } from '@/lib/i18n/labels';

/** The week's make-up by tier against the focus bands; drift called out in words. */
export function FocusBar({ focus }: { focus: FocusReport }) {
  const rows = focus.rows.filter((r) => r.targets > 0);
  return (
    <div data-testid="focus-bar">
      <div class="focusbar" role="img" aria-label={rows.map((r) => `${tierLabel(r.tier)} ${r.targetShare} %`).join(', ') || t('week.focus.noTargets')}>
        {rows.map((r) => (
          <span key={r.tier} class={`seg ${r.tier}`} style={{ width: `${r.targetShare}%` }} title={t('week.focus.segTitle', { tier: tierLabel(r.tier), count: r.targets, share: r.targetShare, min: r.band.min, max: r.band.max })}>
            {r.targetShare >= 8 ? `${r.tier === 'global' ? tierLabel(r.tier) : TIER_SHORT[r.tier]} ${r.targetShare}%` : ''}
          </span>
        ))}
      </div>
      <table class="focus-table">
        <tbody>
          {focus.rows.map((r) => (
            <tr key={r.tier} data-testid={`focus-${r.tier}`} class={r.drift === 'ok' ? '' : 'drift'}>
              <td>{tierLabel(r.tier)}</td>
              <td>{t('week.focus.targets', r.targets, { count: r.targets })} · {r.targetShare} %</td>
              <td class={r.workDrift === 'ok' ? '' : 'drift'} title={workJudgement(r)}>{t('week.focus.work', { share: r.workShare })}</td>
              <td class="muted">{t('week.focus.plan', { plan: planText(r.band) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {focus.drift.length > 0 ? (
        <ul class="drift-list" data-testid="focus-drift">
          {focus.drift.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : (
        focus.totalTargets > 0 && <p class="muted">{t('week.focus.onPlan')}</p>
      )}
    </div>
  );
}
