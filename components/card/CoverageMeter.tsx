import type { Coverage } from '@/lib/domain/coverage';
import { t } from '@/lib/i18n';
import { departmentLabel } from '@/lib/i18n/labels';

/** Named contacts against 5 and 10, departments, decision maker, and the gaps in words. */
export function CoverageMeter({ coverage }: { coverage: Coverage }) {
  const c = coverage;
  const width = Math.round(100 * Math.min(1, c.named / c.max));
  return (
    <div data-testid="coverage">
      <h3>{t('card.coverage.heading')}</h3>
      <p>
        {/* Past the target, "12 of 5–10" over a full bar reads wrong: say it is more than needed. */}
        <b data-testid="coverage-named">{c.named}</b>
        {' '}{c.named > c.max ? t('card.coverage.over', { min: c.min, max: c.max }) : t('card.coverage.of', { min: c.min, max: c.max })}
        {' · '}{t('card.coverage.depts', c.departments.length, { count: c.departments.length })}
        {' · '}{c.decisionMaker ? t('card.coverage.decisionMaker') : t('card.coverage.noDecisionMaker')}
      </p>
      <div
        class={`meter ${c.level}`}
        role="meter"
        aria-valuemin={0}
        aria-valuemax={c.max}
        aria-valuenow={c.named}
        aria-label={t('card.coverage.meter', { named: c.named, max: c.max })}
      >
        <span style={{ width: `${width}%` }} />
      </div>
      {c.departments.length > 0 && <p class="muted">{c.departments.map((d) => departmentLabel(d)).join(', ')}</p>}
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
