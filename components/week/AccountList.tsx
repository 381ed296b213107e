import { useSignal } from '@preact/signals';
import type { Tier } from '@/lib/domain/schema';
import { TIER_ORDER, TIER_SHORT } from '@/lib/domain/tier';
import { t } from '@/lib/i18n';
import { departmentLabel, tierLabel } from '@/lib/i18n/labels';
import { currentWeekId } from '@/lib/domain/week';
import { send } from '@/lib/messaging/client';
import { useLive } from '../useLive';
import { actThenReload } from '../useAsync';
import type { AccountRow, AccountView } from '@/lib/messaging/protocol';
import { CoverageMeter } from '../card/CoverageMeter';
import { TierExplain } from '../card/TierExplain';
import { TierOverride } from './TierOverride';
import { CoverageMatrix } from './CoverageMatrix';
import { StrategicSection } from './strategic/StrategicSection';

/** Every account: search, filter by tier and coverage gaps, open one to edit it. */
export function AccountList() {
  const query = useSignal('');
  const tier = useSignal<Tier | 'all'>('all');
  const gapsOnly = useSignal(false);
  const page = useSignal(0);
  const result = useSignal<{ rows: AccountRow[]; total: number; more: boolean } | null>(null);
  const openId = useSignal<string | null>(null);
  const error = useSignal<string | null>(null);
  const LIMIT = 50;
  let seq = 0;

  const load = async () => {
    const mine = ++seq;
    try {
      const r = await send('listAccounts', { query: query.value, tier: tier.value === 'all' ? undefined : tier.value, gapsOnly: gapsOnly.value, offset: page.value * LIMIT, limit: LIMIT });
      if (mine === seq) result.value = r;
    } catch (e) {
      error.value = (e as Error).message;
    }
  };
  useLive(load);
  const refilter = () => {
    page.value = 0;
    void load();
  };

  const r = result.value;
  return (
    <div class="list" data-testid="account-list">
      <div class="filters" role="group" aria-label={t('week.accounts.filters')}>
        <input type="search" aria-label={t('week.accounts.searchLabel')} placeholder={t('week.accounts.searchPlaceholder')} data-testid="account-search" value={query.value} onInput={(e) => ((query.value = (e.target as HTMLInputElement).value), refilter())} />
        <select aria-label={t('week.accounts.tier')} data-testid="account-tier" value={tier.value} onChange={(e) => ((tier.value = (e.target as HTMLSelectElement).value as Tier | 'all'), refilter())}>
          <option value="all">{t('week.accounts.allTiers')}</option>
          {TIER_ORDER.map((x) => (
            <option key={x} value={x}>{tierLabel(x)}</option>
          ))}
        </select>
        <label><input type="checkbox" checked={gapsOnly.value} onChange={(e) => ((gapsOnly.value = (e.target as HTMLInputElement).checked), refilter())} /> {t('week.accounts.gapsOnly')}</label>
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {!r && <p class="muted">{t('week.accounts.loading')}</p>}
      {r && r.total === 0 && <p data-testid="accounts-empty">{query.value || tier.value !== 'all' || gapsOnly.value ? t('week.accounts.noMatch') : t('week.accounts.empty')}</p>}
      {r && r.rows.length > 0 && (
        <table class="accounts">
          <thead><tr><th>{t('week.accounts.colTier')}</th><th>{t('week.accounts.colAccount')}</th><th>{t('week.accounts.colNames')}</th><th>{t('week.accounts.colGaps')}</th></tr></thead>
          <tbody>
            {r.rows.map((a) => (
              <>
                <tr key={a.id} data-testid="account-row">
                  <td><span class={`tier ${a.tier}${a.provisional ? ' provisional' : ''}`} title={a.sentence}>{TIER_SHORT[a.tier]}</span></td>
                  <td>
                    <button class="link" aria-expanded={openId.value === a.id} onClick={() => (openId.value = openId.value === a.id ? null : a.id)}>{a.name}</button>
                    <div class="muted">{a.domains[0] ?? ''}{a.owner ? ` · ${a.owner}` : ''}</div>
                  </td>
                  <td>{a.named}</td>
                  <td class="muted">{a.gaps.slice(0, 2).join('; ')}</td>
                </tr>
                {openId.value === a.id && (
                  <tr key={`${a.id}-edit`}>
                    <td colSpan={4}><AccountEditor id={a.id} /></td>
                  </tr>
                )}
              </>
            ))}
          </tbody>
        </table>
      )}
      {r && (r.more || page.value > 0) && (
        <div class="actions">
          <span class="muted">{t('week.accounts.range', { from: page.value * LIMIT + 1, to: page.value * LIMIT + r.rows.length, total: r.total })}</span>
          <button class="btn" disabled={page.value === 0} onClick={() => ((page.value -= 1), void load())}>{t('week.accounts.previous')}</button>
          <button class="btn" disabled={!r.more} onClick={() => ((page.value += 1), void load())}>{t('week.accounts.next')}</button>
        </div>
      )}
    </div>
  );
}

function AccountEditor({ id }: { id: string }) {
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
