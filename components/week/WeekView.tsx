import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { contactsOfAccount, getDb } from '@/lib/db/db';
import { applyDetails, DETAIL_PER_TIER, keyContactsToStore, readDetails, weekView, withTick, withTicks, type TargetRow, type WeekView as WeekData } from '@/lib/db/week';
import { saveWeekContacts } from '@/lib/db/week-digest';
import type { Cell } from '@/lib/db/aircover';
import type { AirCoverTick, Settings } from '@/lib/domain/schema';
import { contactView } from '@/lib/domain/views';
import type { ContactView } from '@/lib/messaging/protocol';
import { DEFAULT_STANDING_ITEMS, pct, progressSentence } from '@/lib/domain/aircover';
import type { AirCoverGroup, AirCoverItem, RosterMember, Tier, WeekId } from '@/lib/domain/schema';
import { isMine } from '@/lib/domain/roster';
import { onTeam } from '@/lib/domain/account-team';
import { TIER_ORDER, TIER_SHORT } from '@/lib/domain/tier';
import { currentWeekId, nextWeek, previousWeek } from '@/lib/domain/week';
import { onChange, send } from '@/lib/messaging/client';
import type { TickRequest } from '../card/AirCoverList';
import { AirCoverGrid } from './AirCoverGrid';
import { TargetFields } from './TargetFields';
import { FocusBar } from './FocusBar';
import { actThenReload } from '../useAsync';
import { ExportBar } from './ExportBar';
import { MeetingFields } from './MeetingFields';
import { meetingSummary } from '@/lib/domain/meeting';
import { t } from '@/lib/i18n';
import { groupLabel, tierLabel } from '@/lib/i18n/labels';

type Filter = { mine: boolean; team: 'all' | 'sales' | 'marketing'; open: boolean; tier: Tier | 'all'; q: string };

/**
 * A week's target list, grouped by tier, with filters, search, focus bar, carry-over review and
 * the air-cover checklist of every target. Live: a change anywhere reloads it.
 */
export function WeekView({ you }: { you: string }) {
  const weekId = useSignal<WeekId>(currentWeekId());
  const data = useSignal<WeekData | null>(null);
  const error = useSignal<string | null>(null);
  const filter = useSignal<Filter>({ mine: false, team: 'all', open: false, tier: 'all', q: '' });
  const reviewing = useSignal(false);
  const settings = useSignal<Settings | null>(null);
  /** The week as target cards, or as one contacts × items grid (the marketer's view). */
  const mode = useSignal<'list' | 'grid'>('list');

  const load = async () => {
    const wanted = weekId.value;
    try {
      // An extension page reads the extension's own database directly: no message, no copy.
      performance.mark('tiercover:week-read-start');
      // The settings come from the background while the week's records are read.
      const asked = send('getSettings', {}).then((s) => (settings.value = s));
      const d = await weekView(await getDb(), wanted, asked);
      performance.measure('tiercover:week-read', 'tiercover:week-read-start');
      if (wanted === weekId.value) {
        data.value = d;
        void fillDetails(d);
      }
      error.value = null;
    } catch (e) {
      error.value = (e as Error).message;
    }
  };
  /**
   * After the first screen, every other row's key contacts (and gaps), a hundred rows at a time: so
   * a search by a contact's name finds every target. Those the week kept need no read; once all are
   * known they are kept for the next opening and its exports (lib/db/week-digest.ts). Stops when
   * the week is read again or another is shown.
   */
  const filling = useRef(0);
  const fillDetails = async (from: WeekData) => {
    const run = ++filling.current; // a newer read of the week starts its own fill: this one stops
    for (;;) {
      await new Promise((r) => setTimeout(r, 0));
      const cur = data.value;
      if (run !== filling.current || !cur || cur.weekId !== from.weekId) return;
      const ids = cur.rows.filter((r) => !r.detailed).slice(0, 100).map((r) => r.target.id);
      if (!ids.length) {
        // Every key contact is read now: kept for the next opening (lib/db/week-digest.ts).
        const all = keyContactsToStore(cur);
        if (all) void saveWeekContacts(await getDb(), cur.weekId, cur.contactStamp, all);
        return;
      }
      const before = cur;
      await detail(ids);
      if (data.value === before) return; // nothing filled (the view changed under it): stop
    }
  };
  useEffect(() => {
    const ac = new AbortController();
    void load();
    onChange((e) => {
      // A tick: applied in place. Anything else: read the week again.
      if (e.tick && e.stores.length === 1 && data.value && settings.value) data.value = withTick(data.value, e.tick, settings.value);
      else void load();
    }, ac.signal, { coalesceMs: 150 });
    return () => ac.abort();
  }, []);
  const go = (id: WeekId) => {
    weekId.value = id;
    data.value = null;
    reviewing.value = false;
    void load();
  };
  const act = actThenReload(error, load);

  /** A tick comes back whole: applied in place, no re-read of the week. */
  const tick = async (targetId: string, r: TickRequest) => {
    try {
      error.value = null;
      const t = await send('tickAirCover', { weekId: weekId.value, targetId, ...r });
      if (data.value && settings.value) data.value = withTick(data.value, t, settings.value);
    } catch (e) {
      error.value = (e as Error).message;
    }
  };

  /** A grid column or row at once: applied in place from what the background wrote. */
  const tickMany = async (cells: Cell[], done: boolean): Promise<AirCoverTick[]> => {
    try {
      error.value = null;
      const written = await send('tickAirCoverMany', { weekId: weekId.value, cells, done });
      if (data.value && settings.value) data.value = withTicks(data.value, written, settings.value);
      return written;
    } catch (e) {
      error.value = (e as Error).message;
      return [];
    }
  };

  /** Rows that come on screen (more shown, a filter) get their key contacts read then. */
  const detail = async (ids: string[]) => {
    if (!data.value || !settings.value) return;
    const details = await readDetails(await getDb(), data.value, ids, settings.value);
    // Onto the view as it is now: a tick applied during the read stays.
    if (data.value) data.value = applyDetails(data.value, details);
  };

  const d = data.value;
  const f = filter.value;
  const setF = (p: Partial<Filter>) => (filter.value = { ...filter.value, ...p });
  const rows = (d?.rows ?? []).filter((r) => {
    if (f.tier !== 'all' && r.account.tier !== f.tier) return false;
    if (f.open && (r.target.status !== 'active' || r.progress.all.done >= r.progress.all.total)) return false;
    const owner = f.team === 'marketing' ? r.target.marketingOwner : f.team === 'sales' ? r.target.salesOwner : undefined;
    if (f.team !== 'all' && !owner) return false;
    // Yours: you own the target, or you are on its account's team (any role).
    if (f.mine && !isMine(r.target, you) && !onTeam(r.account.team, you)) return false;
    if (f.q) {
      const q = f.q.toLowerCase();
      const hay = [r.account.name, ...r.keyContacts.map((c) => c.name), r.target.salesOwner, r.target.marketingOwner, r.target.notes].join(' ').toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
  const standing = settings.value?.standingItems ?? DEFAULT_STANDING_ITEMS;
  const roster = settings.value?.roster ?? [];
  // "My open tasks across the week": the open cells of the active targets you own.
  const myOpen = f.mine ? rows.filter((r) => r.target.status === 'active').reduce((n, r) => n + r.progress.all.total - r.progress.all.done, 0) : 0;

  return (
    <div class="list" data-testid="week-view">
      <div class="weeknav">
        <button class="icon" aria-label={t('week.nav.previous')} data-testid="week-prev" onClick={() => go(previousWeek(weekId.value))}>‹</button>
        <span class="label" data-testid="week-label">{d?.label ?? weekId.value}</span>
        <button class="icon" aria-label={t('week.nav.next')} data-testid="week-next" onClick={() => go(nextWeek(weekId.value))}>›</button>
        {weekId.value !== currentWeekId() && (
          <button class="btn" onClick={() => go(currentWeekId())}>{t('sidepanel.thisWeek')}</button>
        )}
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {!d && <p class="muted">{t('week.loading')}</p>}
      {d && !d.exists && d.rows.length === 0 && (
        <div data-testid="week-empty">
          <p>{t('week.empty.none', { week: d.weekId })}</p>
          {d.previous.exists && (
            <p>
              {t('week.empty.stillOpen', d.previous.open, { count: d.previous.open, week: d.previous.weekId })}{' '}
              <button class="btn primary" data-testid="start-review" onClick={() => (reviewing.value = true)}>
                {t('week.empty.start', { week: d.previous.weekId })}
              </button>
            </p>
          )}
          {!d.previous.exists && <p class="muted">{t('week.empty.hint')}</p>}
        </div>
      )}
      {d && reviewing.value && <Review weekId={d.weekId} fromWeek={d.previous.weekId} onDone={() => act(async () => {
        await send('startWeek', { weekId: d.weekId });
        reviewing.value = false;
      })} onCancel={() => (reviewing.value = false)} />}
      {d && (d.exists || d.rows.length > 0) && (
        <>
          <p data-testid="week-progress">
            <b>{d.rows.filter((r) => r.target.status !== 'dropped').length}</b> {t('week.progress.targets')}{' '}
            <b>{t('week.progress.of', { done: d.progress.all.done, total: d.progress.all.total })}</b> ({pct(d.progress.all)} %):{' '}
            <span data-testid="week-progress-split">{progressSentence(d.progress)}</span>
          </p>
          <FocusBar focus={d.focus} />
          <ExportBar weekId={d.weekId} />
          <details data-testid="week-changes">
            <summary>{t('week.changes.since', { week: d.previous.weekId })}</summary>
            <ul>
              <li>{t('week.changes.added', { added: d.changes.added, carried: d.changes.carried })}</li>
              <li>{t('week.changes.done', { count: d.changes.done.length })}{d.changes.done.length ? `: ${d.changes.done.map((x) => `${x.account}${x.reason ? ` (${x.reason})` : ''}`).join(', ')}` : ''}</li>
              <li>{t('week.changes.dropped', { count: d.changes.dropped.length })}{d.changes.dropped.length ? `: ${d.changes.dropped.map((x) => `${x.account}${x.reason ? ` (${x.reason})` : ''}`).join(', ')}` : ''}</li>
              <li>{t('week.changes.aircover', { count: d.changes.airCoverAdded })}</li>
            </ul>
          </details>
          <div class="filters" role="group" aria-label={t('week.filters.label')}>
            <input type="search" aria-label={t('week.filters.searchLabel')} placeholder={t('week.filters.search')} data-testid="week-search" value={f.q} onInput={(e) => setF({ q: (e.target as HTMLInputElement).value })} />
            <label title={you ? t('week.filters.mineTitle', { name: you }) : t('week.filters.mineNoName')}>
              <input type="checkbox" data-testid="filter-mine" checked={f.mine} disabled={!you} onChange={(e) => setF({ mine: (e.target as HTMLInputElement).checked })} /> {t('week.filters.mine')}
            </label>
            <label><input type="checkbox" data-testid="filter-open" checked={f.open} onChange={(e) => setF({ open: (e.target as HTMLInputElement).checked })} /> {t('week.filters.open')}</label>
            <select aria-label={t('common.team')} value={f.team} onChange={(e) => setF({ team: (e.target as HTMLSelectElement).value as Filter['team'] })}>
              <option value="all">{t('week.filters.bothTeams')}</option>
              <option value="sales">{t('week.filters.hasSales')}</option>
              <option value="marketing">{t('week.filters.hasMarketing')}</option>
            </select>
            <select aria-label={t('week.accounts.tier')} data-testid="filter-tier" value={f.tier} onChange={(e) => setF({ tier: (e.target as HTMLSelectElement).value as Filter['tier'] })}>
              <option value="all">{t('week.accounts.allTiers')}</option>
              {TIER_ORDER.map((x) => (
                <option key={x} value={x}>{tierLabel(x)}</option>
              ))}
            </select>
          </div>
          {f.mine && (
            <p data-testid="my-open-tasks">
              {myOpen === 0 ? t('week.mine.none', { name: you }) : t('week.mine.open', myOpen, { count: myOpen, name: you, targets: rows.filter((r) => r.target.status === 'active').length })}
              {myOpen > 0 && mode.value === 'list' && <> <button class="link" onClick={() => (mode.value = 'grid')}>{t('week.mine.grid')}</button></>}
            </p>
          )}
          <div class="tabs" role="tablist" aria-label={t('week.mode.label')}>
            <button role="tab" aria-selected={mode.value === 'list'} data-testid="view-list" onClick={() => (mode.value = 'list')}>{t('week.mode.list')}</button>
            <button role="tab" aria-selected={mode.value === 'grid'} data-testid="view-grid" onClick={() => (mode.value = 'grid')}>{t('week.mode.grid')}</button>
          </div>
          {mode.value === 'grid' && rows.length > 0 && (
            <AirCoverGrid
              targets={TIER_ORDER.flatMap((x) => rows.filter((r) => r.account.tier === x))}
              standing={standing}
              onTick={tick}
              onTickMany={tickMany}
              detail={detail}
              scope="week"
              label={t('week.grid.label', { name: d.weekId })}
              testId="week-grid"
            />
          )}
          {mode.value === 'list' && TIER_ORDER.map((x) => {
            const group = rows.filter((r) => r.account.tier === x);
            if (!group.length) return null;
            return (
              <section key={x} aria-label={tierLabel(x)} data-testid={`week-tier-${x}`}>
                <h3>{tierLabel(x)} · {group.length}</h3>
                <TierGroup rows={group} act={act} tick={tick} tickMany={tickMany} detail={detail} standing={standing} roster={roster} />
              </section>
            );
          })}
          {rows.length === 0 && <p class="muted">{t('week.noMatch')}</p>}
        </>
      )}
    </div>
  );
}

/**
 * The first targets of a tier at once, the rest on demand: a 1,000-target week renders fast. The
 * first screen draws the rows whose key contacts came with the week (DETAIL_PER_TIER); the rest
 * of the first page follows after that first paint.
 */
type Act = (fn: () => Promise<unknown>) => Promise<void>;
type Tick = (targetId: string, r: TickRequest) => Promise<void>;
type TickMany = (cells: Cell[], done: boolean) => Promise<AirCoverTick[]>;
interface Shared { act: Act; tick: Tick; tickMany: TickMany; standing: readonly AirCoverItem[]; roster: RosterMember[] }

function TierGroup({ rows, detail, ...shared }: Shared & { rows: TargetRow[]; detail: (ids: string[]) => Promise<void> }) {
  const PAGE = 50;
  const shown = useSignal(Math.min(PAGE, DETAIL_PER_TIER));
  useEffect(() => {
    // After the first paint (a frame, then a task), not in it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => (shown.value = Math.max(shown.value, PAGE)))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const missing = rows.slice(0, shown.value).filter((r) => !r.detailed).map((r) => r.target.id);
  useEffect(() => {
    if (missing.length) void detail(missing);
  }, [missing.join()]);
  return (
    <div class="list">
      {rows.slice(0, shown.value).map((r) => (
        <TargetCard key={r.target.id} row={r} {...shared} />
      ))}
      {rows.length > shown.value && (
        <button class="btn" data-testid="show-more" onClick={() => (shown.value += 200)}>
          {t('week.showMore', { count: Math.min(200, rows.length - shown.value), rest: rows.length - shown.value })}
        </button>
      )}
    </div>
  );
}

function TargetCard({ row, act, tick, tickMany, standing, roster }: Shared & { row: TargetRow }) {
  const open = useSignal(false);
  const tg = row.target;
  const p = row.progress;
  return (
    <article class="target" data-testid="target" data-account={row.account.name}>
      <div class="target-head">
        <span class={`tier ${row.account.tier}`} title={row.account.tierSentence}>{TIER_SHORT[row.account.tier]}</span>
        <button class="link name" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>{row.account.name}</button>
        {tg.carriedFrom && <span class="pill" title={t('week.target.carriedFrom', { week: tg.carriedFrom })}>{t('week.target.carried')}</span>}
        {tg.status !== 'active' && <span class="pill">{tg.status === 'done' ? t('label.targetStatus.done') : t('label.targetStatus.dropped')}</span>}
        <span class="progress" data-testid="target-progress" title={progressSentence(p)}>{p.all.done}/{p.all.total}</span>
      </div>
      <p class="muted">
        {row.keyContacts.map((c) => c.name).join(', ') || t('week.target.noKeys')}
        {tg.salesOwner ? ` · ${t('card.week.sales', { name: tg.salesOwner })}` : ''}
        {tg.marketingOwner ? ` · ${t('card.week.marketing', { name: tg.marketingOwner })}` : ''}
      </p>
      <p class="muted">
        {progressSentence(p)} · {(Object.keys(p.groups) as AirCoverGroup[]).map((g) => `${groupLabel(g)} ${p.groups[g].done}/${p.groups[g].total}`).join(' · ')}
        {row.account.gaps.length ? ` · ${t('week.target.gaps', { gaps: row.account.gaps.join('; ') })}` : ''}
      </p>
      {meetingSummary(tg) && <p class="muted" data-testid="target-meeting">{meetingSummary(tg)}</p>}
      {open.value && (
        <div class="list">
          <AirCoverGrid targets={[row]} standing={standing} onTick={tick} onTickMany={tickMany} scope="target" label={t('week.grid.label', { name: row.account.name })} testId="target-grid" />
          {row.keyContacts.length === 0 && <p class="muted">{t('week.target.noKeysHint')}</p>}
          <TargetFields row={row} roster={roster} act={act} />
          <MeetingFields target={tg} />
          <KeyContacts row={row} act={act} />
          <div class="actions">
            {tg.status === 'active' ? (
              <>
                <StatusButton label={t('week.target.markDone')} status="done" row={row} act={act} />
                <StatusButton label={t('week.target.drop')} status="dropped" row={row} act={act} />
              </>
            ) : (
              <button class="btn" onClick={() => void act(() => send('setTargetStatus', { targetId: tg.id, status: 'active' }))}>{t('week.target.reopen')}</button>
            )}
          </div>
        </div>
      )}
    </article>
  );
}

/** The account's other people to pick a key contact from: read when the target is opened (and on each reload of the week). */
function KeyContacts({ row, act }: { row: TargetRow; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const contacts = useSignal<ContactView[]>([]);
  useEffect(() => {
    let live = true;
    void getDb()
      .then((db) => contactsOfAccount(row.account.id, db))
      .then((cs) => live && (contacts.value = cs.map(contactView)));
    return () => {
      live = false;
    };
  }, [row]);
  const keys = new Set(row.target.keyContactIds);
  const others = contacts.value.filter((c) => !keys.has(c.id) && c.status !== 'left');
  if (!others.length) return null;
  return (
    <label>
      {t('week.target.addKey')}{' '}
      <select
        class="field"
        value=""
        onChange={(e) => {
          const id = (e.target as HTMLSelectElement).value;
          if (id) void act(() => send('setKeyContact', { targetId: row.target.id, contactId: id, key: true }));
        }}
      >
        <option value="">{t('week.target.choose')}</option>
        {others.map((c) => (
          <option key={c.id} value={c.id}>{c.name}{c.title ? `, ${c.title}` : ''}</option>
        ))}
      </select>
    </label>
  );
}

function StatusButton({ label, status, row, act }: { label: string; status: 'done' | 'dropped'; row: TargetRow; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const asking = useSignal(false);
  const reason = useSignal('');
  if (!asking.value) return <button class="btn" onClick={() => (asking.value = true)}>{label}…</button>;
  return (
    <form class="row" onSubmit={(e) => {
      e.preventDefault();
      void act(() => send('setTargetStatus', { targetId: row.target.id, status, reason: reason.value }));
    }}>
      <input type="text" required aria-label={status === 'done' ? t('week.target.whyDone') : t('week.target.whyDropped')} placeholder={status === 'done' ? t('week.target.donePlaceholder') : t('week.target.dropPlaceholder')} value={reason.value} onInput={(e) => (reason.value = (e.target as HTMLInputElement).value)} autoFocus />
      <button class="btn primary" type="submit">{label}</button>
    </form>
  );
}

/** The carry-over review: each open target of last week is carried, marked done or dropped (with a reason). */
function Review({ weekId, fromWeek, onDone, onCancel }: { weekId: WeekId; fromWeek: WeekId; onDone: () => void; onCancel: () => void }) {
  const prev = useSignal<WeekData | null>(null);
  const error = useSignal<string | null>(null);
  useEffect(() => {
    void reload().catch((e: Error) => (error.value = e.message));
  }, [fromWeek]);
  async function reload() {
    const db = await getDb();
    prev.value = await weekView(db, fromWeek, await send('getSettings', {}));
  }
  const open = prev.value?.rows.filter((r) => r.target.status === 'active') ?? [];
  const act = actThenReload(error, reload);
  return (
    <section class="target" data-testid="review" aria-label={t('week.review.label', { week: fromWeek })}>
      <h3>{t('week.review.heading', { from: fromWeek, week: weekId })}</h3>
      <p class="muted">{t('week.review.intro')}</p>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      <ul class="plain">
        {open.map((r) => (
          <li key={r.target.id} data-testid="review-row" class="row">
            <span class={`tier ${r.account.tier}`}>{TIER_SHORT[r.account.tier]}</span> {r.account.name}
            <ReviewProgress row={r} />
            <StatusButton label={t('week.review.done')} status="done" row={r} act={act} />
            <StatusButton label={t('week.target.drop')} status="dropped" row={r} act={act} />
          </li>
        ))}
      </ul>
      <div class="actions">
        <button class="btn primary" data-testid="start-week" onClick={onDone}>{t('week.review.start', { count: open.length, week: weekId })}</button>
        <button class="btn" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
    </section>
  );
}

/**
 * What a target got last week, so Done or Drop is decided on facts: air cover done of total
 * (standing and weekly apart) and its coverage (names, and the gaps once the row's details are worked out).
 */
function ReviewProgress({ row }: { row: TargetRow }) {
  const p = row.progress;
  return (
    <span class="muted" data-testid="review-progress">
      {t('week.review.progress', { done: p.all.done, total: p.all.total, pct: pct(p.all), sentence: progressSentence(p) })}
      {` · ${t('week.review.named', { count: row.account.named })}${row.detailed && row.account.gaps.length ? `; ${row.account.gaps.join('; ')}` : ''}`}
    </span>
  );
}
