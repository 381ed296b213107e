import { planText, workJudgement, type FocusReport } from '@/lib/domain/focus';
import { TIER_LABELS } from '@/lib/domain/tier';

/** The week's make-up by tier against the focus bands; drift called out in words. */
export function FocusBar({ focus }: { focus: FocusReport }) {
  const rows = focus.rows.filter((r) => r.targets > 0);
  return (
    <div data-testid="focus-bar">
      <div class="focusbar" role="img" aria-label={rows.map((r) => `${TIER_LABELS[r.tier]} ${r.targetShare} %`).join(', ') || 'No targets'}>
        {rows.map((r) => (
          <span key={r.tier} class={`seg ${r.tier}`} style={{ width: `${r.targetShare}%` }} title={`${TIER_LABELS[r.tier]}: ${r.targets} (${r.targetShare} %; plan ${r.band.min}–${r.band.max} %)`}>
            {r.targetShare >= 8 ? `${TIER_LABELS[r.tier].replace('Tier ', 'T')} ${r.targetShare}%` : ''}
          </span>
        ))}
      </div>
      <table class="focus-table">
        <tbody>
          {focus.rows.map((r) => (
            <tr key={r.tier} data-testid={`focus-${r.tier}`} class={r.drift === 'ok' ? '' : 'drift'}>
              <td>{TIER_LABELS[r.tier]}</td>
              <td>{r.targets} target{r.targets === 1 ? "" : "s"} · {r.targetShare} %</td>
              <td class={r.workDrift === 'ok' ? '' : 'drift'} title={workJudgement(r)}>work {r.workShare} %</td>
              <td class="muted">plan {planText(r.band)}</td>
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
        focus.totalTargets > 0 && <p class="muted">On plan.</p>
      )}
    </div>
  );
}
