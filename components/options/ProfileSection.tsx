import { useSignal } from '@preact/signals';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';

export function ProfileSection({ settings }: { settings: Settings }) {
  const name = useSignal(settings.yourName);
  const team = useSignal(settings.team);
  const { busy, message, run } = useAction();
  return (
    <section class="card" aria-labelledby="you-h">
      <h2 id="you-h">You</h2>
      <p class="muted">Your name goes on every air-cover tick you make, so the other team knows who did it.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await send('saveSettings', { settings: { yourName: name.value.trim(), team: team.value } });
            return 'Saved.';
          });
        }}
      >
        <div class="row">
          <div>
            <label for="your-name">Your name</label>
            <input id="your-name" data-testid="your-name" value={name.value} maxLength={200} onInput={(e) => (name.value = (e.target as HTMLInputElement).value)} />
          </div>
          <div>
            <label for="your-team">Team</label>
            <select id="your-team" value={team.value} onChange={(e) => (team.value = (e.target as HTMLSelectElement).value as Settings['team'])}>
              <option value="sales">Sales</option>
              <option value="marketing">Marketing</option>
            </select>
          </div>
          <button class="primary" type="submit" disabled={busy.value} style={{ alignSelf: 'flex-end' }}>
            Save
          </button>
        </div>
      </form>
      <Status message={message} />
    </section>
  );
}
