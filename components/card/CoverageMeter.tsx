import type { Coverage } from '@/lib/domain/coverage';
import { DEPARTMENT_LABELS } from '@/lib/domain/constants';

/** Named contacts against 5 and 10, departments, decision maker, and the gaps in words. */
export function CoverageMeter({ coverage }: { coverage: Coverage }) {
  const c = coverage;
  const width = Math.round(100 * Math.min(1, c.named / c.max));
  return (
    <div data-testid="coverage">
      <h3>Coverage</h3>
      <p>
        {/* Past the target, "12 of 5–10" over a full bar reads wrong: say it is more than needed. */}
        <b data-testid="coverage-named">{c.named}</b>
        {c.named > c.max ? ` names, more than the ${c.min}–${c.max} target` : ` of ${c.min}–${c.max} names`} · {c.departments.length} dept
        {c.departments.length === 1 ? '' : 's'} · {c.decisionMaker ? 'decision maker named' : 'no decision maker'}
      </p>
      <div
        class={`meter ${c.level}`}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={c.max}
        aria-valuenow={c.named}
        aria-label={`${c.named} of ${c.max} target names`}
      >
        <span style={{ width: `${width}%` }} />
      </div>
      {c.departments.length > 0 && <p class="muted">{c.departments.map((d) => DEPARTMENT_LABELS[d]).join(', ')}</p>}
      {c.gaps.length > 0 && (
        <ul data-testid="coverage-gaps">
          {c.gaps.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
