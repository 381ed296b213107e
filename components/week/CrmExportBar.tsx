import { useSignal } from '@preact/signals';
import { getDb } from '@/lib/db/db';
import type { WeekId } from '@/lib/domain/schema';
import type { CrmExport, CrmTarget } from '@/lib/io/crm-export';
import { download } from '../download';

const NAMES: Record<CrmTarget, string> = { salesforce: 'Salesforce', hubspot: 'HubSpot' };

/**
 * Tiers back into the CRM: an import file for Salesforce or HubSpot, of this week's targets or of
 * every account. Accounts with no id in that CRM are listed here and offered as a second file.
 */
export function CrmExportBar({ weekId }: { weekId: WeekId }) {
  const scope = useSignal<'week' | 'all'>('week');
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const last = useSignal<{ system: CrmTarget; out: CrmExport; missingFile: string } | null>(null);
  const save = async (system: CrmTarget) => {
    busy.value = true;
    error.value = null;
    try {
      // Loaded on the first export, not with the week.
      const { crmExport, crmFileName, loadCrmExportData } = await import('@/lib/io/crm-export');
      const out = crmExport(system, await loadCrmExportData(await getDb(), weekId, scope.value));
      download(crmFileName(system, scope.value, weekId), out.csv, 'text/csv;charset=utf-8');
      last.value = { system, out, missingFile: crmFileName(system, scope.value, weekId, true) };
    } catch (e) {
      error.value = `Export failed: ${(e as Error).message}`;
    } finally {
      busy.value = false;
    }
  };
  const l = last.value;
  return (
    <div class="actions" role="group" aria-label="Tiers for the CRM" data-testid="crm-export-bar">
      <span class="muted">Tiers for the CRM:</span>
      <select class="field inline" aria-label="Which accounts" data-testid="crm-export-scope" value={scope.value} onChange={(e) => (scope.value = (e.target as HTMLSelectElement).value as 'week' | 'all')}>
        <option value="week">This week's targets</option>
        <option value="all">All accounts</option>
      </select>
      <button class="btn" disabled={busy.value} data-testid="export-salesforce" onClick={() => void save('salesforce')}>Salesforce import</button>
      <button class="btn" disabled={busy.value} data-testid="export-hubspot" onClick={() => void save('hubspot')}>HubSpot import</button>
      {l && (
        <div role="status" data-testid="crm-export-result">
          <p>
            {l.out.rows} {l.out.rows === 1 ? 'account' : 'accounts'} in the {NAMES[l.system]} file.
            {l.out.missing.length === 0 && ' Every account has an id there.'}
          </p>
          {l.out.missing.length > 0 && (
            <>
              <p data-testid="crm-export-missing">
                Not in the file, no {NAMES[l.system]} id in Tiercover ({l.out.missing.length}): {l.out.missing.join(', ')}
              </p>
              <button
                class="btn"
                data-testid="export-crm-missing"
                onClick={() => download(l.missingFile, l.out.missingCsv, 'text/csv;charset=utf-8')}
              >
                Download the list without an id
              </button>
            </>
          )}
        </div>
      )}
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}
