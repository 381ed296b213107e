import { useSignal } from '@preact/signals';
import { getDb } from '@/lib/db/db';
import type { WeekId } from '@/lib/domain/schema';
import type { CrmExport, CrmTarget } from '@/lib/io/crm-export';
import { download } from '../download';
import { formatNumber, t } from '@/lib/i18n';

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
      error.value = t('week.crm.failed', { error: (e as Error).message });
    } finally {
      busy.value = false;
    }
  };
  const l = last.value;
  return (
    <div class="actions" role="group" aria-label={t('week.crm.label')} data-testid="crm-export-bar">
      <span class="muted">{t('week.crm.label')}:</span>
      <select class="field inline" aria-label={t('week.crm.scope')} data-testid="crm-export-scope" value={scope.value} onChange={(e) => (scope.value = (e.target as HTMLSelectElement).value as 'week' | 'all')}>
        <option value="week">{t('week.crm.scopeWeek')}</option>
        <option value="all">{t('week.crm.scopeAll')}</option>
      </select>
      <button class="btn" disabled={busy.value} data-testid="export-salesforce" onClick={() => void save('salesforce')}>{t('week.crm.salesforce')}</button>
      <button class="btn" disabled={busy.value} data-testid="export-hubspot" onClick={() => void save('hubspot')}>{t('week.crm.hubspot')}</button>
      {l && (
        <div role="status" data-testid="crm-export-result">
          <p>
            {t('week.crm.rows', l.out.rows, { count: formatNumber(l.out.rows), crm: NAMES[l.system] })}
            {l.out.missing.length === 0 && ` ${t('week.crm.allHaveId')}`}
          </p>
          {l.out.missing.length > 0 && (
            <>
              <p data-testid="crm-export-missing">
                {t('week.crm.missing', { crm: NAMES[l.system], count: formatNumber(l.out.missing.length), names: l.out.missing.join(', ') })}
              </p>
              <button
                class="btn"
                data-testid="export-crm-missing"
                onClick={() => download(l.missingFile, l.out.missingCsv, 'text/csv;charset=utf-8')}
              >
                {t('week.crm.downloadMissing')}
              </button>
            </>
          )}
        </div>
      )}
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}
