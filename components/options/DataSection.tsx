import { useSignal, type Signal } from '@preact/signals';
import type { Stats } from '@/lib/db/db';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';

const fmt = (n: number) => n.toLocaleString('en-US');

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
      return `Sample data loaded: ${fmt(st.accounts)} accounts, ${fmt(st.contacts)} contacts, ${fmt(st.targets)} targets.`;
    });

  return (
    <section class="card" aria-labelledby="data-h">
      <h2 id="data-h">Your data</h2>
      {s && (
        <div class="stats" data-testid="stats">
          <span><b data-testid="stat-accounts">{fmt(s.accounts)}</b>accounts</span>
          <span><b data-testid="stat-contacts">{fmt(s.contacts)}</b>contacts</span>
          <span><b>{fmt(s.weeks)}</b>weeks</span>
          <span><b data-testid="stat-targets">{fmt(s.targets)}</b>targets</span>
          <span><b>{fmt(s.ticks)}</b>air-cover ticks</span>
        </div>
      )}
      {s && !empty && (!lastBackupAt || Date.now() - lastBackupAt > WEEK) && (
        <p class="status error" data-testid="backup-reminder" role="note">
          {lastBackupAt
            ? `Your last backup is ${Math.floor((Date.now() - lastBackupAt) / 86_400_000)} days old.`
            : 'You have no backup yet.'}{' '}
          This pipeline lives only in this browser: export a full backup (below) once a week.
        </p>
      )}
      {empty && (
        <p data-testid="empty-state">
          Nothing here yet. Load the sample data to see Tiercover at work on LinkedIn and CRM pages, or import your
          accounts and contacts from a CRM export.
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
          {busy.value ? 'Working…' : 'Load sample data'}
        </button>
        {!confirming.value && (
          <button class="danger" data-testid="delete-all" disabled={busy.value} onClick={() => (confirming.value = true)}>
            Delete all data…
          </button>
        )}
      </div>
      {askingSample.value && (
        <div role="alertdialog" aria-labelledby="sample-h" class="card" data-testid="sample-confirm" onKeyDown={(e) => e.key === 'Escape' && (askingSample.value = false)}>
          <p id="sample-h">
            <b>Load the sample data again?</b> It replaces the sample accounts, their contacts, targets and air-cover ticks with
            fresh copies; it never adds a second copy. Your own records stay, and so do the contacts and targets you added to
            sample accounts.
          </p>
          <div class="row">
            <button class="primary" data-testid="sample-confirm-button" disabled={busy.value} autoFocus onClick={() => void loadSample()}>
              Replace the sample data
            </button>
            <button onClick={() => (askingSample.value = false)}>Cancel</button>
          </div>
        </div>
      )}
      {confirming.value && (
        <div role="alertdialog" aria-labelledby="del-h" class="card" data-testid="delete-confirm">
          <p id="del-h">
            <b>Delete everything?</b> This removes {s ? `${fmt(s.accounts)} accounts, ${fmt(s.contacts)} contacts and ${fmt(s.targets)} targets` : 'all data'},
            your air-cover ticks and settings from this browser. It cannot be undone. Type <code>DELETE</code> to confirm.
          </p>
          <div class="row">
            <input
              aria-label="Type DELETE to confirm"
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
                  return 'All data deleted.';
                })
              }
            >
              Delete all data
            </button>
            <button onClick={() => ((confirming.value = false), (typed.value = ''))}>Cancel</button>
          </div>
        </div>
      )}
      <Status message={message} testId="data-status" />
    </section>
  );
}
