import { useSignal } from '@preact/signals';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { t } from '@/lib/i18n';

export function ProfileSection({ settings }: { settings: Settings }) {
  const name = useSignal(settings.yourName);
  const team = useSignal(settings.team);
  const { busy, message, run } = useAction();
  return (
    <section class="card" aria-labelledby="you-h">
      <h2 id="you-h">{t('options.profile.heading')}</h2>
      <p class="muted">{t('options.profile.why')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await send('saveSettings', { settings: { yourName: name.value.trim(), team: team.value } });
            return t('common.saved');
          });
        }}
      >
        <div class="row">
          <div>
            <label for="your-name">{t('common.yourName')}</label>
            <input id="your-name" data-testid="your-name" value={name.value} maxLength={200} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
          </div>
          <div>
            <label for="your-team">{t('common.team')}</label>
            <select id="your-team" value={team.value} onChange={(e) => (team.value = (e.target as HTMLSelectElement).value as Settings['team'])}>
              <option value="sales">{t('common.sales')}</option>
              <option value="marketing">{t('common.marketing')}</option>
            </select>
          </div>
          <button class="primary" type="submit" disabled={busy.value} style={{ alignSelf: 'flex-end' }}>
            {t('common.save')}
          </button>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}
