import { useSignal } from '@preact/signals';
import { GROUP_LABELS, ITEM_LABELS } from '@/lib/domain/aircover';
import { AIR_COVER_GROUPS, DEFAULT_STANDING_ITEMS, type AirCoverGroup, type AirCoverItem } from '@/lib/domain/constants';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';

/**
 * Which air-cover items are standing facts (carried into the next week until someone unticks
 * them) and which are this week's activity (start empty each week).
 */
export function AirCoverSection({ settings }: { settings: Settings }) {
  const standing = useSignal<AirCoverItem[]>(settings.standingItems);
  const { busy, message, run } = useAction();
  const set = (item: AirCoverItem, on: boolean) => (standing.value = on ? [...standing.value.filter((i) => i !== item), item] : standing.value.filter((i) => i !== item));
  return (
    <section class="card" aria-labelledby="aircover-h">
      <h2 id="aircover-h">Air cover: standing or weekly</h2>
      <p class="muted">
        A standing fact stays true until someone says otherwise: its tick carries into next week's list, with who ticked it and
        when. Everything else is this week's activity and starts empty each week.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await send('saveSettings', { settings: { standingItems: standing.value } });
            return 'Saved: applies from the next week you start.';
          });
        }}
      >
        <table>
          <thead>
            <tr><th>Item</th><th>Standing</th><th>Weekly</th></tr>
          </thead>
          {(Object.keys(AIR_COVER_GROUPS) as AirCoverGroup[]).map((g) => (
            <tbody key={g}>
              <tr><th colSpan={3}>{GROUP_LABELS[g]}</th></tr>
              {AIR_COVER_GROUPS[g].map((item) => {
                const on = standing.value.includes(item);
                return (
                  <tr key={item}>
                    <td>{ITEM_LABELS[item]}</td>
                    <td><input type="radio" name={`kind-${item}`} aria-label={`${ITEM_LABELS[item]}: standing`} data-testid={`standing-${item}`} checked={on} onChange={() => set(item, true)} /></td>
                    <td><input type="radio" name={`kind-${item}`} aria-label={`${ITEM_LABELS[item]}: weekly`} checked={!on} onChange={() => set(item, false)} /></td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
        <div class="row" style={{ marginTop: '12px' }}>
          <button class="primary" type="submit" data-testid="save-aircover" disabled={busy.value}>Save</button>
          <button type="button" onClick={() => (standing.value = [...DEFAULT_STANDING_ITEMS])}>Back to the defaults</button>
        </div>
      </form>
      <Status message={message} testId="aircover-status" />
    </section>
  );
}
