import { useSignal } from '@preact/signals';
import { ACCOUNT_ITEMS, ITEM_WANTS_LINK, tickId } from '@/lib/domain/aircover';
import { formatDayMonth, t } from '@/lib/i18n';
import { groupLabel, itemLabel } from '@/lib/i18n/labels';
import { safeHref } from '../safeHref';
import { AIR_COVER_GROUPS, type AirCoverGroup, type AirCoverItem } from '@/lib/domain/constants';
import type { AirCoverTick, TickSource } from '@/lib/domain/schema';

/** Where a tick came from, when not from this checklist. */
const SOURCE_LABELS: Record<TickSource, () => string> = {
  linkedin: () => t('card.source.linkedin'),
  matchedAudience: () => t('card.source.matchedAudience'),
  marketingPack: () => t('card.source.marketingPack'),
};


export interface TickRequest {
  contactId?: string;
  item: AirCoverItem;
  done: boolean;
  link?: string;
  note?: string;
}

/**
 * The air-cover checklist for one subject (a target contact, or the account), grouped as in
 * DOMAIN.md: tick, untick, add a link or a note. Who and when show next to each done item.
 */
export function AirCoverList(props: {
  targetId: string;
  contactId?: string;
  ticks: AirCoverTick[];
  onTick: (r: TickRequest) => Promise<void>;
  testId?: string;
}) {
  const byId = new Map(props.ticks.map((t) => [t.id, t]));
  const items = (Object.keys(AIR_COVER_GROUPS) as AirCoverGroup[]).map((g) => ({
    group: g,
    items: AIR_COVER_GROUPS[g].filter((i) => (props.contactId ? !ACCOUNT_ITEMS.includes(i) : ACCOUNT_ITEMS.includes(i))),
  }));
  const all = items.flatMap((g) => g.items);
  const done = all.filter((i) => byId.get(tickId(props.targetId, props.contactId, i))?.done).length;
  const editing = useSignal<AirCoverItem | null>(null);
  const draft = useSignal('');

  return (
    <div class="checklist" data-testid={props.testId ?? 'aircover'}>
      <p class="progress" data-testid="aircover-progress">
        {t('card.aircover.progress', { done, total: all.length })}
      </p>
      {items
        .filter((g) => g.items.length)
        .map((g) => (
          <div key={g.group} role="group" aria-label={groupLabel(g.group)}>
            <div class="group">{groupLabel(g.group)}</div>
            {g.items.map((item) => {
              const tick = byId.get(tickId(props.targetId, props.contactId, item));
              const wants = ITEM_WANTS_LINK[item];
              return (
                <div key={item}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`tick-${item}`}
                      checked={!!tick?.done}
                      onChange={(e) => void props.onTick({ contactId: props.contactId, item, done: (e.target as HTMLInputElement).checked, link: tick?.link, note: tick?.note })}
                    />
                    <span>
                      {itemLabel(item)}
                      {tick?.done && (
                        <span class="who">
                          {' '}
                          · {t('card.aircover.who', { who: tick.by, when: formatDayMonth(tick.at) })}
                          {tick.source ? `, ${SOURCE_LABELS[tick.source]()}` : ''}
                          {tick.carriedFrom ? `, ${t('card.aircover.carried', { week: tick.carriedFrom })}` : ''}
                        </span>
                      )}
                      {safeHref(tick?.link) && (
                        <span class="who">
                          {' '}
                          · <a href={safeHref(tick?.link)} target="_blank" rel="noopener noreferrer">{t('common.link').toLowerCase()}</a>
                        </span>
                      )}
                      {tick?.note && <span class="who"> · {tick.note}</span>}
                    </span>
                    {wants && (
                      <button
                        class="icon"
                        type="button"
                        aria-label={wants === 'link' ? t('card.aircover.addLink', { item: itemLabel(item) }) : t('card.aircover.addNote', { item: itemLabel(item) })}
                        onClick={(e) => {
                          e.preventDefault();
                          editing.value = editing.value === item ? null : item;
                          draft.value = (wants === 'link' ? tick?.link : tick?.note) ?? '';
                        }}
                      >
                        ✎
                      </button>
                    )}
                  </label>
                  {editing.value === item && wants && (
                    <form
                      class="row"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const v = draft.value.trim();
                        editing.value = null;
                        void props.onTick({ contactId: props.contactId, item, done: true, link: wants === 'link' ? v : tick?.link, note: wants === 'note' ? v : tick?.note });
                      }}
                    >
                      <input
                        type="text"
                        aria-label={wants === 'link' ? t('common.link') : t('common.note')}
                        placeholder={wants === 'link' ? 'https://…' : t('card.aircover.notePlaceholder')}
                        value={draft.value}
                        onInput={(e) => (draft.value = (e.target as HTMLInputElement).value)}
                        autoFocus
                      />
                    </form>
                  )}
                </div>
              );
            })}
          </div>
        ))}
    </div>
  );
}
