import { useSignal, type Signal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Stats } from '@/lib/db/db';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { t } from '@/lib/i18n';

type Step = 'name' | 'data' | 'next';

/**
 * The first run, in the order a new user needs it: your name (it goes on every tick), then the
 * sample data or an import, then what to open next. Shown at the top of the options page while
 * there is no name or no data, and once more right after the data arrives.
 */
export function FirstRun({ settings, stats }: { settings: Settings; stats: Signal<Stats | null> }) {
  const name = useSignal(settings.yourName);
  const team = useSignal(settings.team);
  // Decided once, when the page opens: a page opened without a name or data is a first run, and
  // says what to open next when the data arrives; a page opened later never shows this.
  const firstRun = useRef<boolean | null>(null);
  const used = useSignal<'sample' | 'import' | null>(null);
  const dismissed = useSignal(false);
  const { busy, message, run } = useAction();
  const s = stats.value;
  if (!s || dismissed.value) return null;
  const hasData = s.accounts > 0 || s.targets > 0;
  firstRun.current ??= !settings.yourName.trim() || !hasData;
  const step: Step | null = !settings.yourName.trim() ? 'name' : !hasData ? 'data' : firstRun.current ? 'next' : null;
  if (!step) return null;
  const n = { name: 1, data: 2, next: 3 }[step];

  return (
    <section class="card first-run" aria-labelledby="first-h" data-testid="first-run" data-step={step}>
      <h2 id="first-h">{t('firstRun.heading', { step: n })}</h2>
      {step === 'name' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => {
              await send('saveSettings', { settings: { yourName: name.value.trim(), team: team.value } });
            });
          }}
        >
          <p>{t('firstRun.name')}</p>
          <div class="row">
            <div>
              <label for="first-name">{t('common.yourName')}</label>
              <input id="first-name" data-testid="first-name" required maxLength={200} autoFocus value={name.value} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
            </div>
            <div>
              <label for="first-team">{t('common.team')}</label>
              <select id="first-team" value={team.value} onChange={(e) => (team.value = (e.target as HTMLSelectElement).value as Settings['team'])}>
                <option value="sales">{t('common.sales')}</option>
                <option value="marketing">{t('common.marketing')}</option>
              </select>
            </div>
            <button class="primary" type="submit" data-testid="first-name-save" disabled={busy.value || !name.value.trim()} style={{ alignSelf: 'flex-end' }}>
              {t('firstRun.continue')}
            </button>
          </div>
        </form>
      )}
      {step === 'data' && (
        <>
          <p>{t('firstRun.data', { name: settings.yourName })}</p>
          <div class="row">
            <button
              class="primary"
              data-testid="first-sample"
              disabled={busy.value}
              onClick={() =>
                run(async () => {
                  used.value = 'sample';
                  stats.value = await send('loadSampleData', {});
                })
              }
            >
              {t('firstRun.loadSample')}
            </button>
            <button
              data-testid="first-import"
              onClick={() => {
                used.value = 'import';
                document.getElementById('import-h')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                document.querySelector<HTMLInputElement>('[data-testid=import-file]')?.focus();
              }}
            >
              {t('firstRun.import')}
            </button>
          </div>
        </>
      )}
      {step === 'next' && (
        <>
          <p>{t('firstRun.next')}</p>
          <ul data-testid="first-next">
            <li>
              <a href={browser.runtime.getURL('/app.html')} target="_blank" rel="noopener">{t('firstRun.weekLink')}</a>
              {t('firstRun.weekText')}
            </li>
            <li>
              {used.value === 'sample' ? (
                <a href="https://www.linkedin.com/company/northwind-analytics/" target="_blank" rel="noopener noreferrer">{t('firstRun.linkedinSample')}</a>
              ) : (
                <a href="https://www.linkedin.com/feed/" target="_blank" rel="noopener noreferrer">{t('firstRun.linkedin')}</a>
              )}
              {t('firstRun.linkedinText')}
            </li>
            <li>
              <a href={browser.runtime.getURL('/sidepanel.html')} target="_blank" rel="noopener">{t('firstRun.panelLink')}</a>
              {t('firstRun.panelText')}
            </li>
          </ul>
          <button data-testid="first-done" onClick={() => (dismissed.value = true)}>{t('firstRun.done')}</button>
        </>
      )}
      <Status message={message} />
    </section>
  );
}
