import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { exportFileName } from '@/lib/io/csv-export';
import { BackupJob } from '@/lib/io/backup/client';
import type { BackupEvent, BackupKind, BackupPhase } from '@/lib/io/backup/session';
import { send } from '@/lib/messaging/client';
import { download } from '../download';
import { FilePicker } from '../FilePicker';
import { Status } from '../Status';
import { formatNumber, t } from '@/lib/i18n';
import { rich } from '../rich';

const ALL = ['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings'] as const;

/** An export, a restore or a bundle merge under way (in its worker), as the page shows it. */
interface Running {
  kind: BackupKind;
  file: string;
  phase: BackupPhase | 'cancelling';
  /** The share written, while writing. */
  fraction?: number;
}

/**
 * A colleague's week bundle merged into yours; a full backup of everything, and its restore.
 * Each runs in a worker (`lib/io/backup/`): this page shows its progress and can cancel it, and
 * never waits on its work. The job lives in a ref, not in the render.
 */
export function BundleSection() {
  const message = useSignal<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const restoreFile = useSignal<File | null>(null);
  const running = useSignal<Running | null>(null);
  const job = useRef<BackupJob | undefined>(undefined);
  useEffect(() => () => job.current?.end(), []);

  function onEvent(kind: BackupKind, file: string, e: BackupEvent) {
    if (e.type === 'progress') {
      if (running.value?.phase !== 'cancelling') running.value = { kind, file, phase: e.phase, fraction: e.fraction };
      return;
    }
    job.current = undefined;
    running.value = null;
    if (e.type === 'failed') {
      let text: string;
      if (kind === 'export') text = e.cancelled ? t('options.bundle.exportCancelled') : e.message;
      else if (kind === 'restore') text = e.cancelled ? t('options.bundle.restoreCancelled', { file }) : t('options.bundle.restoreFailed', { file, error: e.message });
      else text = e.cancelled ? t('options.bundle.mergeCancelled', { file }) : t('options.bundle.failed', { file, error: e.message });
      message.value = { kind: 'error', text };
      return;
    }
    if (e.type === 'exported') {
      download(file, e.bytes, 'application/json');
      message.value = { kind: 'ok', text: t('options.bundle.backupSaved') };
      void send('saveSettings', { settings: { lastBackupAt: Date.now() } }).catch(() => undefined);
      return;
    }
    void send('announceChange', { stores: [...ALL] }).catch(() => undefined);
    if (e.type === 'restored') {
      const { accounts, contacts, targets } = e.counts;
      message.value = { kind: 'ok', text: t('options.bundle.restored', { accounts: formatNumber(accounts), contacts: formatNumber(contacts), targets: formatNumber(targets) }) };
      return;
    }
    const added = Object.values(e.counts).reduce((n, c) => n + c.added, 0);
    const updated = Object.values(e.counts).reduce((n, c) => n + c.updated, 0);
    const ticks = e.counts.ticks.added + e.counts.ticks.updated;
    message.value = { kind: 'ok', text: t('options.bundle.merged', { file, week: e.weekId, by: e.exportedBy || t('options.bundle.aColleague'), added: formatNumber(added), updated: formatNumber(updated), ticks: formatNumber(ticks) }) };
  }

  /** `f`: the file to restore or merge; an export names its own. */
  function start(kind: BackupKind, f?: File) {
    job.current?.end();
    message.value = null;
    const file = f?.name ?? exportFileName('backup');
    running.value = { kind, file, phase: 'reading' };
    job.current = new BackupJob(kind === 'export' || !f ? { type: 'export' } : { type: kind, file: f }, (e) => onEvent(kind, file, e));
  }

  function cancel() {
    const r = running.value;
    if (!job.current || !r || r.phase === 'cancelling') return;
    running.value = { ...r, phase: 'cancelling' };
    job.current.cancel();
  }

  const r = running.value;
  const locked = r !== null;
  return (
    <section class="card" aria-labelledby="bundle-h">
      <h2 id="bundle-h">{t('options.bundle.heading')}</h2>
      <h3>{t('options.bundle.colleague')}</h3>
      <p class="muted">
        {rich(t('options.bundle.intro', { file: '{file}' }), { file: <code>…-bundle.json</code> })}
      </p>
      <FilePicker accept=".json,application/json" testId="bundle-file" disabled={locked} onFile={(f) => start('merge', f)} />
      <h3>{t('options.bundle.backup')}</h3>
      <p class="muted">{t('options.bundle.backupIntro')}</p>
      <div class="row">
        <button
          data-testid="backup-export"
          disabled={locked}
          onClick={() => start('export')}
        >
          {t('options.bundle.export')}
        </button>
        <label>
          {t('options.bundle.restoreFrom')}{' '}
          <FilePicker accept=".json,application/json" testId="restore-file" disabled={locked} onFile={(f) => (restoreFile.value = f)} />
        </label>
      </div>
      {restoreFile.value && (
        <div role="alertdialog" aria-label={t('options.bundle.confirm')} class="row">
          <span>{t('options.bundle.replaceAsk', { file: restoreFile.value.name })}</span>
          <button
            class="danger"
            data-testid="restore-confirm"
            onClick={() => {
              const f = restoreFile.value!;
              restoreFile.value = null;
              start('restore', f);
            }}
          >
            {t('options.bundle.replace')}
          </button>
          <button onClick={() => (restoreFile.value = null)}>{t('common.cancel')}</button>
        </div>
      )}
      {r && (
        <div class="row" data-testid="bundle-progress" role="status" data-phase={r.phase}>
          {/* Reading and checking a file is one step: the bar shows work, not a share. Keyed, so
              the writing bar is a new element and never inherits a missing value. */}
          {r.phase === 'writing' ? <progress key="share" max={1} value={r.fraction ?? 0} data-testid="bundle-progress-bar" /> : <progress key="busy" data-testid="bundle-progress-bar" />}
          <span>{progressText(r)}</span>
          <button type="button" data-testid="bundle-cancel" disabled={r.phase === 'cancelling'} onClick={cancel}>{t('common.cancel')}</button>
        </div>
      )}
      <Status message={message} testId="bundle-status" />
    </section>
  );
}

function progressText(r: Running): string {
  if (r.phase === 'reading') return r.kind === 'export' ? t('options.bundle.preparing') : t('options.bundle.reading', { file: r.file });
  if (r.phase === 'writing') return t('options.bundle.saving', { file: r.file, percent: formatNumber(Math.round((r.fraction ?? 0) * 100)) });
  return t('options.bundle.cancelling', { file: r.file });
}
