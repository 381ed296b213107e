import { useSignal } from '@preact/signals';
import { getDb } from '@/lib/db/db';
import { mergeBundle, readBundleFile } from '@/lib/io/bundle';
import { exportFileName, fullBackup, restoreBackup } from '@/lib/io/csv-export';
import { send } from '@/lib/messaging/client';
import { download } from '../download';
import { Status } from '../Status';
import { useAction } from '../useAsync';

const ALL = ['accounts', 'contacts', 'weeks', 'targets', 'ticks', 'links', 'settings'] as const;

/** A colleague's week bundle merged into yours; a full backup of everything, and its restore. */
export function BundleSection() {
  const { busy, message, run } = useAction();
  const restoreFile = useSignal<File | null>(null);

  return (
    <section class="card" aria-labelledby="bundle-h">
      <h2 id="bundle-h">Share and back up</h2>
      <h3>A colleague's week</h3>
      <p class="muted">
        Import the bundle (<code>…-bundle.json</code>) the other team exported from their week: their targets, contacts and
        air cover merge into yours; ticks from both sides are kept, the newer edit wins field by field, and importing the same
        bundle twice changes nothing.
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
              throw new Error(`${f.name}: ${(err as Error).message}. Nothing was imported.`, { cause: err });
            }
            await send('announceChange', { stores: [...ALL] });
            const added = Object.values(counts).reduce((n, c) => n + c.added, 0);
            const updated = Object.values(counts).reduce((n, c) => n + c.updated, 0);
            return `${f.name} (${bundle.weekId}, from ${bundle.exportedBy || 'a colleague'}): ${added} added, ${updated} updated, ${counts.ticks.added + counts.ticks.updated} air-cover ticks merged.`;
          });
        }}
      />
      <h3>Backup</h3>
      <p class="muted">Everything Tiercover holds, in one file. Export one every week; restore replaces all data with the file's.</p>
      <div class="row">
        <button
          data-testid="backup-export"
          disabled={busy.value}
          onClick={() =>
            void run(async () => {
              const backup = await fullBackup(await getDb());
              download(exportFileName('backup'), JSON.stringify(backup), 'application/json');
              await send('saveSettings', { settings: { lastBackupAt: Date.now() } });
              return 'Backup saved to your downloads.';
            })
          }
        >
          Export a full backup
        </button>
        <label>
          Restore from a backup{' '}
          <input type="file" accept=".json,application/json" data-testid="restore-file" onChange={(e) => (restoreFile.value = (e.target as HTMLInputElement).files?.[0] ?? null)} />
        </label>
      </div>
      {restoreFile.value && (
        <div role="alertdialog" aria-label="Confirm restore" class="row">
          <span>Replace all your data with {restoreFile.value.name}?</span>
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
                  throw new Error(`${f.name}: ${(err as Error).message}. Your data was not changed.`, { cause: err });
                }
                await send('announceChange', { stores: [...ALL] });
                return `Restored ${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.targets} targets.`;
              })
            }
          >
            Replace and restore
          </button>
          <button onClick={() => (restoreFile.value = null)}>Cancel</button>
        </div>
      )}
      <Status message={message} testId="bundle-status" />
    </section>
  );
}
