import { useSignal } from '@preact/signals';
import { AIR_COVER_GROUPS, DEFAULT_STANDING_ITEMS, type AirCoverGroup, type AirCoverItem } from '@/lib/domain/constants';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { Status } from '../Status';
import { useAction } from '../useAsync';
import { t } from '@/lib/i18n';
import { groupLabel, itemLabel } from '@/lib/i18n/labels';

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
      <h2 id="aircover-h">{t('options.aircover.heading')}</h2>
      <p class="muted">
        {t('options.aircover.intro')}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await send('saveSettings', { settings: { standingItems: standing.value } });
            return t('options.aircover.saved');
          });
        }}
      >
        <table>
          <thead>
            <tr><th>{t('options.aircover.item')}</th><th>{t('options.aircover.standing')}</th><th>{t('options.aircover.weekly')}</th></tr>
          </thead>
          {(Object.keys(AIR_COVER_GROUPS) as AirCoverGroup[]).map((g) => (
            <tbody key={g}>
              <tr><th colSpan={3}>{groupLabel(g)}</th></tr>
              {AIR_COVER_GROUPS[g].map((item) => {
                const on = standing.value.includes(item);
                return (
                  <tr key={item}>
                    <td>{itemLabel(item)}</td>
                    <td><input type="radio" name={`kind-${item}`} aria-label={t('options.aircover.itemStanding', { item: itemLabel(item) })} data-testid={`standing-${item}`} checked={on} onChange={() => set(item, true)} /></td>
                    <td><input type="radio" name={`kind-${item}`} aria-label={t('options.aircover.itemWeekly', { item: itemLabel(item) })} checked={!on} onChange={() => set(item, false)} /></td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
        <div class="row" style={{ marginTop: '12px' }}>
          <button class="primary" type="submit" data-testid="save-aircover" disabled={busy.value}>{t('common.save')}</button>
          <button type="button" onClick={() => (standing.value = [...DEFAULT_STANDING_ITEMS])}>{t('options.aircover.defaults')}</button>
        </div>
      </form>
      <Status message={message} testId="aircover-status" />
    </section>
  );
}
