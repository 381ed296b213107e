import { useSignal } from '@preact/signals';
import { getDb } from '@/lib/db/db';
import { mergeBundle, readBundleFile } from '@/lib/io/bundle';
import { exportFileName, fullBackup, restoreBackup } from '@/lib/io/csv-export';
import { send } from '@/lib/messaging/client';
import { download } from '../download';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { t } from '@/lib/i18n';
import { rich } from '../rich';

const ALL = ['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings'] as const;

/** A colleague's week bundle merged into yours; a full backup of everything, and its restore. */
export function BundleSection() {
  const { busy, message, run } = useAction();
  const restoreFile = useSignal<File | null>(null);

  return (
    <section class="card" aria-labelledby="bundle-h">
      <h2 id="bundle-h">{t('options.bundle.heading')}</h2>
      <h3>{t('options.bundle.colleague')}</h3>
      <p class="muted">
        {rich(t('options.bundle.intro', { file: '{file}' }), { file: <code>…-bundle.json</code> })}
      </p>
      <input
        type="file"
        accept=".json,application/json"
        data-testid="bundle-file"
        disabled={busy.value}
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          const f = input.files?.[0];
          input.value = '';
          if (!f) return;
          void run(async () => {
            let bundle, counts;
            try {
              bundle = await readBundleFile(f);
              counts = await mergeBundle(await getDb(), bundle);
            } catch (err) {
              throw new Error(t('options.bundle.failed', { file: f.name, error: (err as Error).message }), { cause: err });
            }
            await send('announceChange', { stores: [...ALL] });
            const added = Object.values(counts).reduce((n, c) => n + c.added, 0);
            const updated = Object.values(counts).reduce((n, c) => n + c.updated, 0);
            return t('options.bundle.merged', { file: f.name, week: bundle.weekId, by: bundle.exportedBy || t('options.bundle.aColleague'), added, updated, ticks: counts.ticks.added + counts.ticks.updated });
          });
        }}
      />
      <h3>{t('options.bundle.backup')}</h3>
      <p class="muted">{t('options.bundle.backupIntro')}</p>
      <div class="row">
        <button
          data-testid="backup-export"
          disabled={busy.value}
          onClick={() =>
            void run(async () => {
              const backup = await fullBackup(await getDb());
              download(exportFileName('backup'), JSON.stringify(backup), 'application/json');
              await send('saveSettings', { settings: { lastBackupAt: Date.now() } });
              return t('options.bundle.backupSaved');
            })
          }
        >
          {t('options.bundle.export')}
        </button>
        <label>
          {t('options.bundle.restoreFrom')}{' '}
          <input type="file" accept=".json,application/json" data-testid="restore-file" onChange={(e) => (restoreFile.value = (e.target as HTMLInputElement).files?.[0] ?? null)} />
        </label>
      </div>
      {restoreFile.value && (
        <div role="alertdialog" aria-label={t('options.bundle.confirm')} class="row">
          <span>{t('options.bundle.replaceAsk', { file: restoreFile.value.name })}</span>
          <button
            class="danger"
            data-testid="restore-confirm"
            onClick={() =>
              void run(async () => {
                const f = restoreFile.value!;
                restoreFile.value = null;
                let counts;
                try {
                  counts = await restoreBackup(await getDb(), await f.text());
                } catch (err) {
                  throw new Error(t('options.bundle.restoreFailed', { file: f.name, error: (err as Error).message }), { cause: err });
                }
                await send('announceChange', { stores: [...ALL] });
                return t('options.bundle.restored', { accounts: counts.accounts, contacts: counts.contacts, targets: counts.targets });
              })
            }
          >
            {t('options.bundle.replace')}
          </button>
          <button onClick={() => (restoreFile.value = null)}>{t('common.cancel')}</button>
        </div>
      )}
      <Status message={message} testId="bundle-status" />
    </section>
  );
}
