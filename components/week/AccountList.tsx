import { useSignal } from '@preact/signals';
import { useEffect, useId, useMemo, useRef } from 'preact/hooks';
import type { Tier } from '@/lib/domain/schema';
import { TIER_ORDER, TIER_SHORT } from '@/lib/domain/tier';
import { t } from '@/lib/i18n';
import { tierLabel } from '@/lib/i18n/labels';
import { formatNumber } from '@/lib/i18n/format';
import { send } from '@/lib/messaging/client';
import { useVirtualList } from '../useVirtualList';
import { useAccountIndex } from './useAccountIndex';
import { useAccountRows } from './useAccountRows';
import { AccountEditor } from './AccountEditor';
import './account-list.css';

/** Every row is this tall (px; also in account-list.css): the virtual list places rows by it. */
const ROW_HEIGHT = 48;

/**
 * Every account: search as you type, filter by tier and coverage gaps, open one to edit it.
 * A virtual listbox over the page's own index (useAccountIndex): the first screen shows while the
 * rest loads, and a keystroke or a filter never asks the background. Keyboard: arrows, Home, End,
 * PageUp/PageDown move through the rows, Enter opens the account, Escape closes it.
 */
export function AccountList() {
  const live = useAccountIndex();
  const query = useSignal('');
  const tier = useSignal<Tier | 'all'>('all');
  const gapsOnly = useSignal(false);
  /** The accounts without coverage gaps, asked when "gaps only" is ticked; null while asked. */
  const covered = useSignal<Set<string> | null>(null);
  const openId = useSignal<string | null>(null);
  const active = useSignal(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const uid = useId();
  const version = live.version.value;
  const detailsVersion = live.detailsVersion.value;

  useEffect(() => {
    if (!gapsOnly.value) return;
    let current = true;
    send('listCoveredAccounts', {}).then(
      (ids) => current && (covered.value = new Set(ids)),
      (e: Error) => current && (live.error.value = e.message),
    );
    return () => {
      current = false;
    };
  }, [gapsOnly.value, detailsVersion]);

  const waitingForGaps = gapsOnly.value && !covered.value;
  const matches = useMemo(
    () => (waitingForGaps ? new Int32Array(0) : live.index.filter({ query: query.value, tier: tier.value === 'all' ? undefined : tier.value, exclude: gapsOnly.value ? covered.value ?? undefined : undefined })),
    [version, query.value, tier.value, gapsOnly.value, covered.value],
  );
  const count = matches.length;
  const list = useVirtualList({ count, scrollRef, rowHeight: ROW_HEIGHT });
  const items = list.items();
  const entryAt = (i: number) => live.index.at(matches[i] ?? -1);
  const visibleIds = items.map((it) => entryAt(it.index)?.id).filter((id): id is string => !!id);
  const details = useAccountRows(visibleIds, live.detailsVersion).value;
  const activeIndex = Math.min(active.value, Math.max(0, count - 1));

  const refilter = () => {
    active.value = 0;
    scrollRef.current?.scrollTo({ top: 0 });
  };
  const moveTo = (i: number) => {
    active.value = i;
    list.scrollToIndex(i);
  };
  const toggle = (id: string) => (openId.value = openId.value === id ? null : id);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const last = count - 1;
    const page = list.rowsPerScreen();
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: last, PageDown: activeIndex + page, PageUp: activeIndex - page };
    if (e.key in moves && count > 0) moveTo(Math.max(0, Math.min(last, moves[e.key]!)));
    else if (e.key === 'Enter' && count > 0) {
      const entry = entryAt(activeIndex);
      if (entry) toggle(entry.id);
    } else if (e.key === 'Escape' && openId.value) openId.value = null;
    else return;
    e.preventDefault();
  };

  const opened = openId.value;
  const openedName = opened ? live.index.get(opened)?.name : undefined;
  const filtering = !!query.value || tier.value !== 'all' || gapsOnly.value;
  const progress = live.progress.value;

  return (
    <div class="list account-list" data-testid="account-list">
      <div class="filters" role="group" aria-label={t('week.accounts.filters')}>
        <input type="search" aria-label={t('week.accounts.searchLabel')} placeholder={t('week.accounts.searchPlaceholder')} data-testid="account-search" value={query.value} onInput={(e) => ((query.value = (e.target as HTMLInputElement).value), refilter())} />
        <select aria-label={t('week.accounts.tier')} data-testid="account-tier" value={tier.value} onChange={(e) => ((tier.value = (e.target as HTMLSelectElement).value as Tier | 'all'), refilter())}>
          <option value="all">{t('week.accounts.allTiers')}</option>
          {TIER_ORDER.map((x) => (
            <option key={x} value={x}>{tierLabel(x)}</option>
          ))}
        </select>
        <label><input type="checkbox" data-testid="account-gaps" checked={gapsOnly.value} onChange={(e) => ((gapsOnly.value = (e.target as HTMLInputElement).checked), (covered.value = null), refilter())} /> {t('week.accounts.gapsOnly')}</label>
      </div>
      {live.error.value && <p class="error" role="alert">{live.error.value}</p>}
      <p class="muted account-count" role="status" data-testid="account-count">
        {waitingForGaps
          ? t('week.accounts.checkingGaps')
          : !live.ready.value
            ? t('week.accounts.loading')
            : progress
              ? t('week.accounts.loadingMore', { shown: formatNumber(count), loaded: formatNumber(progress.loaded), total: formatNumber(progress.total) })
              : t('week.accounts.shown', { shown: formatNumber(count), total: formatNumber(live.index.size) })}
      </p>
      {opened && (
        <section class="account-open" aria-label={openedName ?? ''} data-testid="account-open">
          <div class="row">
            <h3>{openedName}</h3>
            <button type="button" class="btn" style={{ marginLeft: 'auto' }} onClick={() => ((openId.value = null), scrollRef.current?.focus())}>{t('week.accounts.close')}</button>
          </div>
          <AccountEditor id={opened} />
        </section>
      )}
      {live.ready.value && count === 0 && !waitingForGaps && <p data-testid="accounts-empty">{filtering ? t('week.accounts.noMatch') : t('week.accounts.empty')}</p>}
      <div class="account-head" aria-hidden="true">
        <span>{t('week.accounts.colTier')}</span><span>{t('week.accounts.colAccount')}</span><span>{t('week.accounts.colNames')}</span><span>{t('week.accounts.colGaps')}</span>
      </div>
      <div
        ref={scrollRef}
        class="account-scroller"
        role="listbox"
        tabIndex={0}
        aria-label={t('week.accounts.listLabel')}
        aria-describedby={`${uid}-keys`}
        aria-activedescendant={count > 0 ? `${uid}-row-${activeIndex}` : undefined}
        data-testid="account-listbox"
        onKeyDown={onKeyDown}
      >
        <div class="account-rows" style={{ height: `${list.totalSize()}px` }}>
          {items.map((it) => {
            const a = entryAt(it.index);
            if (!a) return null;
            const d = details.get(a.id);
            return (
              <div
                // Keyed by slot, not by account: the rows on screen are consecutive, so each
                // index keeps its element while it stays on screen, and a row scrolled in takes
                // the element of the one scrolled out (its text is patched, nothing is created).
                key={it.index % items.length}
                id={`${uid}-row-${it.index}`}
                role="option"
                aria-selected={it.index === activeIndex}
                aria-setsize={count}
                aria-posinset={it.index + 1}
                aria-label={t('week.accounts.rowLabel', { name: a.name, tier: tierLabel(a.tier) })}
                data-testid="account-row"
                data-open={opened === a.id ? '' : undefined}
                class="account-row"
                style={{ transform: `translateY(${it.start}px)` }}
                onClick={() => ((active.value = it.index), toggle(a.id))}
              >
                <span class={`tier ${a.tier}${a.provisional ? ' provisional' : ''}`} title={d?.sentence}>{TIER_SHORT[a.tier]}</span>
                <span class="account-name">
                  <span class="name">{a.name}</span>
                  <span class="muted">{a.domains[0] ?? ''}{a.owner ? ` · ${a.owner}` : ''}</span>
                </span>
                <span class="account-named">{d ? formatNumber(d.named) : ''}</span>
                <span class="muted account-gaps">{d?.gaps.slice(0, 2).join('; ') ?? ''}</span>
              </div>
            );
          })}
        </div>
      </div>
      <p class="muted account-keys" id={`${uid}-keys`}>{t('week.accounts.keys')}</p>
    </div>
  );
}
