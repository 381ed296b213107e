import { useSignal } from '@preact/signals';
import { ACCOUNT_ITEMS, GROUP_LABELS, ITEM_LABELS, ITEM_WANTS_LINK, tickId } from '@/lib/domain/aircover';
import { safeHref } from '../safeHref';
import { t } from '@/lib/i18n';
import { AIR_COVER_GROUPS, type AirCoverGroup, type AirCoverItem } from '@/lib/domain/constants';
import type { AirCoverTick, TickSource } from '@/lib/domain/schema';

/** Where a tick came from, when not from this checklist. */
const SOURCE_LABELS: Record<TickSource, () => string> = {
  linkedin: () => t('card.source.linkedin'),
  matchedAudience: () => t('card.source.matchedAudience'),
  marketingPack: () => t('card.source.marketingPack'),
};

const fmtWhen = (t: number) => new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

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
        {done} of {all.length} done
      </p>
      {items
        .filter((g) => g.items.length)
        .map((g) => (
          <div key={g.group} role="group" aria-label={GROUP_LABELS[g.group]}>
            <div class="group">{GROUP_LABELS[g.group]}</div>
            {g.items.map((item) => {
              const t = byId.get(tickId(props.targetId, props.contactId, item));
              const wants = ITEM_WANTS_LINK[item];
              return (
                <div key={item}>
                  <label>
                    <input
                      type="checkbox"
                      data-testid={`tick-${item}`}
                      checked={!!t?.done}
                      onChange={(e) => void props.onTick({ contactId: props.contactId, item, done: (e.target as HTMLInputElement).checked, link: t?.link, note: t?.note })}
                    />
                    <span>
                      {ITEM_LABELS[item]}
                      {t?.done && (
                        <span class="who">
                          {' '}
                          · {t.by}, {fmtWhen(t.at)}
                          {t.source ? `, ${SOURCE_LABELS[t.source]()}` : ''}
                          {t.carriedFrom ? `, carried from ${t.carriedFrom}` : ''}
                        </span>
                      )}
                      {safeHref(t?.link) && (
                        <span class="who">
                          {' '}
                          · <a href={safeHref(t?.link)} target="_blank" rel="noopener noreferrer">link</a>
                        </span>
                      )}
                      {t?.note && <span class="who"> · {t.note}</span>}
                    </span>
                    {wants && (
                      <button
                        class="icon"
                        type="button"
                        aria-label={`Add a ${wants} to “${ITEM_LABELS[item]}”`}
                        onClick={(e) => {
                          e.preventDefault();
                          editing.value = editing.value === item ? null : item;
                          draft.value = (wants === 'link' ? t?.link : t?.note) ?? '';
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
                        void props.onTick({ contactId: props.contactId, item, done: true, link: wants === 'link' ? v : t?.link, note: wants === 'note' ? v : t?.note });
                      }}
                    >
                      <input
                        type="text"
                        aria-label={wants === 'link' ? 'Link' : 'Note'}
                        placeholder={wants === 'link' ? 'https://…' : 'Who / what'}
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
