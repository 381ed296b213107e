import { useSignal } from '@preact/signals';
import { getDb } from '@/lib/db/db';
import { TIERS } from '@/lib/domain/constants';
import type { Tier, WeekId } from '@/lib/domain/schema';
import { TIER_LABELS } from '@/lib/domain/tier';
import { send } from '@/lib/messaging/client';
import { download } from '../download';

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
      const data = await loadWeekData(await getDb(), weekId);
      const tiers = tier.value ? [tier.value] : [];
      const suffix = tier.value ? `-${tier.value}` : '';
      if (kind === 'companies') {
        const out = companyList(data, tiers);
        download(`tiercover-${weekId}${suffix}-linkedin-company-list.csv`, out.csv, 'text/csv;charset=utf-8');
        status.value = `${out.rows} ${out.rows === 1 ? 'company' : 'companies'} in the list.`;
      } else {
        const out = contactList(data, tiers);
        download(`tiercover-${weekId}${suffix}-linkedin-contact-list.csv`, out.csv, 'text/csv;charset=utf-8');
        status.value = `${out.rows} ${out.rows === 1 ? 'contact' : 'contacts'} in the list.`;
        pending.value = out.cells.length ? out.cells : null;
      }
    } catch (e) {
      error.value = `Export failed: ${(e as Error).message}`;
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
      status.value = `Recorded: ${written.length} ${written.length === 1 ? 'contact' : 'contacts'} now show "In a recent campaign" (LinkedIn matched audience).`;
    } catch (e) {
      error.value = `Not recorded: ${(e as Error).message}`;
    } finally {
      busy.value = false;
    }
  };
  return (
    <div class="actions" role="group" aria-label="LinkedIn Matched Audiences" data-testid="audience-export-bar">
      <span class="muted">LinkedIn audiences:</span>
      <select class="field inline" aria-label="Which tier" data-testid="audience-tier" value={tier.value} onChange={(e) => (tier.value = (e.target as HTMLSelectElement).value as Tier | '')}>
        <option value="">All tiers</option>
        {TIERS.map((t) => (
          <option key={t} value={t}>{TIER_LABELS[t]}</option>
        ))}
      </select>
      <button class="btn" disabled={busy.value} data-testid="export-audience-companies" onClick={() => void save('companies')}>Company list</button>
      <button class="btn" disabled={busy.value} data-testid="export-audience-contacts" onClick={() => void save('contacts')}>Contact list</button>
      {pending.value && (
        <button class="btn primary" disabled={busy.value} data-testid="audience-record" onClick={() => void record(pending.value!)}>
          Uploaded: record these {pending.value.length} as air cover
        </button>
      )}
      {status.value && <span class="muted" role="status" data-testid="audience-status">{status.value}</span>}
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}
