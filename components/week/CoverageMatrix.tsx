import { BUYING_ROLES } from '@/lib/domain/constants';
import { t } from '@/lib/i18n';
import { departmentLabel, roleLabel } from '@/lib/i18n/labels';
import { coverageMatrix, matrixKey } from '@/lib/domain/coverage';
import type { ContactView } from '@/lib/messaging/protocol';

/**
 * The account's names as departments × buying roles: where the coverage is, and the empty rows of
 * core departments that are its gaps. Those who left are not counted.
 */
export function CoverageMatrix({ contacts }: { contacts: ContactView[] }) {
  const m = coverageMatrix(contacts, BUYING_ROLES);
  return (
    <table class="matrix" data-testid="coverage-matrix">
      <caption>{t('week.matrix.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('week.matrix.department')}</th>
          {m.roles.map((r) => (
            <th scope="col" key={r}>{roleLabel(r)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {m.departments.map((d) => {
          const total = m.roles.reduce((n, r) => n + (m.counts[matrixKey(d, r)] ?? 0), 0);
          return (
            <tr key={d} class={total ? '' : 'gap'} data-department={d}>
              <th scope="row">
                {departmentLabel(d)}
                {!total && <span class="muted"> · {t('week.matrix.nobody')}</span>}
              </th>
              {m.roles.map((r) => (
                <td key={r}>{m.counts[matrixKey(d, r)] ?? '–'}</td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
