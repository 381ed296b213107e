import { BUYING_ROLE_LABELS, BUYING_ROLES, DEPARTMENT_LABELS } from '@/lib/domain/constants';
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
      <caption>Names by department and buying role</caption>
      <thead>
        <tr>
          <th scope="col">Department</th>
          {m.roles.map((r) => (
            <th scope="col" key={r}>{BUYING_ROLE_LABELS[r]}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {m.departments.map((d) => {
          const total = m.roles.reduce((n, r) => n + (m.counts[matrixKey(d, r)] ?? 0), 0);
          return (
            <tr key={d} class={total ? '' : 'gap'} data-department={d}>
              <th scope="row">
                {DEPARTMENT_LABELS[d]}
                {!total && <span class="muted"> · nobody</span>}
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
