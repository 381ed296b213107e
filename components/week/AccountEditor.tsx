import { useSignal } from '@preact/signals';
import { t } from '@/lib/i18n';
import { departmentLabel } from '@/lib/i18n/labels';
import { currentWeekId } from '@/lib/domain/week';
import { send } from '@/lib/messaging/client';
import { useLive } from '../useLive';
import { actThenReload } from '../useAsync';
import type { AccountView } from '@/lib/messaging/protocol';
import { CoverageMeter } from '../card/CoverageMeter';
import { TierExplain } from '../card/TierExplain';
import { TierOverride } from './TierOverride';
import { CoverageMatrix } from './CoverageMatrix';
import { StrategicSection } from './strategic/StrategicSection';

/** One account opened from the accounts list: tier boxes, override, team, contacts, strategy. */
export function AccountEditor({ id }: { id: string }) {
  const view = useSignal<AccountView | null>(null);
  const error = useSignal<string | null>(null);
  const load = async () => {
    try {
      view.value = await send('getAccount', { accountId: id });
    } catch (e) {
      error.value = (e as Error).message;
    }
  };
  useLive(load, [id]);
  const act = actThenReload(error, load);
  const a = view.value;
  if (!a) return <p class="muted">{error.value ?? t('common.loading')}</p>;
  const team = a.team;
  const teamField = (key: 'owner' | 'accountManager' | 'marketingOwner' | 'support', label: string) => (
    <label>
      {label}
      <input type="text" value={team[key] ?? ''} onChange={(e) => void act(() => send('updateAccount', { accountId: a.id, changes: { team: { [key]: (e.target as HTMLInputElement).value.trim() || undefined } } }))} />
    </label>
  );
  return (
    <div class="list" data-testid="account-editor">
      <TierExplain tier={a.tier} onSetFactor={(key, state) => void act(() => send('setFactor', { accountId: a.id, key, state }))} />
      <TierOverride account={a} onSave={(tier, reason) => send('setTierOverride', { accountId: a.id, tier, reason }).then(load)} />
      <div class="form">
        <label>
          {t('week.accounts.employees')}
          <input type="text" inputMode="numeric" value={a.employees ?? ''} onChange={(e) => {
            const n = Number((e.target as HTMLInputElement).value.replace(/[^\d]/g, ''));
            void act(() => send('updateAccount', { accountId: a.id, changes: { employees: Number.isFinite(n) && (e.target as HTMLInputElement).value ? n : undefined } }));
          }} />
        </label>
        {teamField('owner', t('week.accounts.owner'))}
        {teamField('accountManager', t('week.accounts.manager'))}
        {teamField('marketingOwner', t('week.accounts.marketingOwner'))}
        {teamField('support', t('week.accounts.support'))}
      </div>
      <CoverageMeter coverage={a.coverage} />
      <CoverageMatrix contacts={a.contacts} />
      <StrategicSection a={a} act={act} />
      <ul class="plain">
        {a.contacts.map((c) => (
          <li key={c.id} class="row">
            <span>{c.name}{c.title ? `, ${c.title}` : ''} · {departmentLabel(c.department)}</span>
            <select aria-label={t('week.accounts.contactStatus', { name: c.name })} value={c.status} onChange={(e) => void act(() => send('updateContact', { contactId: c.id, changes: { status: (e.target as HTMLSelectElement).value as typeof c.status } }))}>
              <option value="active">{t('label.contactStatus.active')}</option>
              <option value="unverified">{t('label.contactStatus.unverified')}</option>
              <option value="left">{t('label.contactStatus.left')}</option>
            </select>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button class="btn primary" data-testid="account-add-target" onClick={() => void act(() => send('addTarget', { accountId: a.id, weekId: currentWeekId() }))}>{t('card.week.add')}</button>
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
    </div>
  );
}
