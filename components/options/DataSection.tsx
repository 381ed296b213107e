import { useSignal, type Signal } from '@preact/signals';
import type { Stats } from '@/lib/db/db';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { formatNumber, t } from '@/lib/i18n';
import { rich } from '../rich';
import { teamStatus } from './teamStatus';

const fmt = formatNumber;

const WEEK = 7 * 86_400_000;

export function DataSection({ stats, lastBackupAt }: { stats: Signal<Stats | null>; lastBackupAt?: number }) {
  const { busy, message, run } = useAction();
  const confirming = useSignal(false);
  const typed = useSignal('');
  const s = stats.value;
  const empty = s && s.accounts === 0 && s.contacts === 0 && s.targets === 0;
  const askingSample = useSignal(false);
  const loadSample = () =>
    run(async () => {
      askingSample.value = false;
      const st = await send('loadSampleData', {});
      stats.value = st;
      return t('options.data.sampleLoaded', { accounts: fmt(st.accounts), contacts: fmt(st.contacts), targets: fmt(st.targets) });
    });

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">{t('options.data.heading')}</h2>
      {s && (
        <div class="stats" data-testid="stats">
          <span><b data-testid="stat-accounts">{fmt(s.accounts)}</b>{t('options.data.accounts')}</span>
          <span><b data-testid="stat-contacts">{fmt(s.contacts)}</b>{t('options.data.contacts')}</span>
          <span><b>{fmt(s.weeks)}</b>{t('options.data.weeks')}</span>
          <span><b data-testid="stat-targets">{fmt(s.targets)}</b>{t('options.data.targets')}</span>
          <span><b>{fmt(s.ticks)}</b>{t('options.data.ticks')}</span>
        </div>
      )}
      {s && !empty && (!lastBackupAt || Date.now() - lastBackupAt > WEEK) && (
        <p class="status error" data-testid="backup-reminder" role="note">
          {lastBackupAt
            ? t('options.data.backupAge', Math.floor((Date.now() - lastBackupAt) / 86_400_000), { count: fmt(Math.floor((Date.now() - lastBackupAt) / 86_400_000)) })
            : t('options.data.noBackup')}{' '}
          {/* With team sync on, the week is also on the team's server; the CRM imports are not. */}
          {teamStatus.value?.enabled ? t('options.data.backupAdviceSynced') : t('options.data.backupAdvice')}
        </p>
      )}
      {empty && (
        <p data-testid="empty-state">
          {t('options.data.empty')}
        </p>
      )}
      <div class="row">
        <button
          class="primary"
          data-testid="load-sample"
          disabled={busy.value}
          // With data already here, ask first: loading again replaces the sample records.
          onClick={() => (s && s.accounts > 0 ? (askingSample.value = true) : loadSample())}
        >
          {busy.value ? t('common.working') : t('options.data.loadSample')}
        </button>
        {!confirming.value && (
          <button class="danger" data-testid="delete-all" disabled={busy.value} onClick={() => (confirming.value = true)}>
            {t('options.data.deleteOpen')}
          </button>
        )}
      </div>
      {askingSample.value && (
        <div role="alertdialog" aria-labelledby="sample-h" class="card" data-testid="sample-confirm" onKeyDown={(e) => e.key === 'Escape' && (askingSample.value = false)}>
          <p id="sample-h">
            <b>{t('options.data.sampleAgain')}</b> {t('options.data.sampleAgainText')}
          </p>
          <div class="row">
            <button class="primary" data-testid="sample-confirm-button" disabled={busy.value} autoFocus onClick={() => void loadSample()}>
              {t('options.data.sampleReplace')}
            </button>
            <button onClick={() => (askingSample.value = false)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      {confirming.value && (
        <div role="alertdialog" aria-labelledby="del-h" class="card" data-testid="delete-confirm">
          <p id="del-h">
            <b>{t('options.data.deleteAsk')}</b>{' '}
            {rich(
              t('options.data.deleteText', {
                what: s ? t('options.data.deleteWhat', { accounts: fmt(s.accounts), contacts: fmt(s.contacts), targets: fmt(s.targets) }) : t('options.data.deleteAllWhat'),
                word: '{word}',
              }),
              { word: <code>DELETE</code> },
            )}
          </p>
          <div class="row">
            <input
              aria-label={t('options.data.deleteTyped')}
              data-testid="delete-typed"
              value={typed.value}
              onInput={(e) => (typed.value = (e.target as HTMLInputElement).value)}
              autoFocus
            />
            <button
              class="danger"
              data-testid="delete-confirm-button"
              disabled={typed.value !== 'DELETE' || busy.value}
              onClick={() =>
                run(async () => {
                  stats.value = await send('deleteAllData', { confirm: 'DELETE' });
                  confirming.value = false;
                  typed.value = '';
                  return t('options.data.deleted');
                })
              }
            >
              {t('options.data.delete')}
            </button>
            <button onClick={() => ((confirming.value = false), (typed.value = ''))}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      <Status message={message} testId="data-status" />
    </section>
  );
}
