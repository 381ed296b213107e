import { useSignal } from '@preact/signals';
import { getDb } from '@/lib/db/db';
import { TIERS } from '@/lib/domain/constants';
import type { Tier, WeekId } from '@/lib/domain/schema';
import { TIER_LABELS } from '@/lib/domain/tier';
import { send } from '@/lib/messaging/client';
import { download } from '../download';
import { formatNumber, t } from '@/lib/i18n';

type Cells = { targetId: string; contactId: string }[];

/**
 * The week's targets for LinkedIn ads: a Matched Audiences company list and contact list (of one
 * tier or all). Once the contact list is uploaded, one click records it as air cover ("In a recent
 * campaign", from a LinkedIn matched audience) for every contact in it; nothing is recorded before.
 */
export function AudienceExportBar({ weekId }: { weekId: WeekId }) {
  const tier = useSignal<Tier | ''>('');
  const busy = useSignal(false);
  const error = useSignal<string | null>(null);
  const status = useSignal<string | null>(null);
  const pending = useSignal<Cells | null>(null);
  const save = async (kind: 'companies' | 'contacts') => {
    busy.value = true;
    error.value = null;
    status.value = null;
    try {
      const [{ loadWeekData }, { companyList, contactList }] = await Promise.all([import('@/lib/io/csv-export'), import('@/lib/io/audience-export')]);
      const data = await loadWeekData(await getDb(), weekId, Date.now(), { contacts: 'keys' });
      const tiers = tier.value ? [tier.value] : [];
      const suffix = tier.value ? `-${tier.value}` : '';
      if (kind === 'companies') {
        const out = companyList(data, tiers);
        download(`tiercover-${weekId}${suffix}-linkedin-company-list.csv`, out.csv, 'text/csv;charset=utf-8');
        status.value = t('week.audience.companyRows', out.rows, { count: formatNumber(out.rows) });
      } else {
        const out = contactList(data, tiers);
        download(`tiercover-${weekId}${suffix}-linkedin-contact-list.csv`, out.csv, 'text/csv;charset=utf-8');
        status.value = t('week.audience.contactRows', out.rows, { count: formatNumber(out.rows) });
        pending.value = out.cells.length ? out.cells : null;
      }
    } catch (e) {
      error.value = t('week.crm.failed', { error: (e as Error).message });
    } finally {
      busy.value = false;
    }
  };
  const record = async (cells: Cells) => {
    busy.value = true;
    try {
      const written = await send('tickAirCoverMany', {
        weekId,
        done: true,
        cells: cells.map((c) => ({ ...c, item: 'inRecentCampaign' as const })),
        source: 'matchedAudience',
        note: 'LinkedIn matched audience',
      });
      pending.value = null;
      status.value = t('week.audience.recorded', written.length, { count: formatNumber(written.length) });
    } catch (e) {
      error.value = t('week.audience.notRecorded', { error: (e as Error).message });
    } finally {
      busy.value = false;
    }
  };
  return (
    <div class="actions" role="group" aria-label={t('week.audience.label')} data-testid="audience-export-bar">
      <span class="muted">{t('week.audience.label')}:</span>
      <select class="field inline" aria-label={t('week.audience.tier')} data-testid="audience-tier" value={tier.value} onChange={(e) => (tier.value = (e.target as HTMLSelectElement).value as Tier | '')}>
        <option value="">{t('week.audience.allTiers')}</option>
        {TIERS.map((t) => (
          <option key={t} value={t}>{TIER_LABELS[t]}</option>
        ))}
      </select>
      <button class="btn" disabled={busy.value} data-testid="export-audience-companies" onClick={() => void save('companies')}>{t('week.audience.companies')}</button>
      <button class="btn" disabled={busy.value} data-testid="export-audience-contacts" onClick={() => void save('contacts')}>{t('week.audience.contacts')}</button>
      {pending.value && (
        <button class="btn primary" disabled={busy.value} data-testid="audience-record" onClick={() => void record(pending.value!)}>
          {t('week.audience.record', pending.value.length, { count: formatNumber(pending.value.length) })}
        </button>
      )}
      {status.value && <span class="muted" role="status" data-testid="audience-status">{status.value}</span>}
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}
