import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { getDb } from '@/lib/db/db';
import { weekView, withDetails, withTick, withTicks, type TargetRow, type WeekView as WeekData } from '@/lib/db/week';
import type { Cell } from '@/lib/db/aircover';
import type { AirCoverTick, Settings } from '@/lib/domain/schema';
import { DEFAULT_STANDING_ITEMS, pct, progressSentence } from '@/lib/domain/aircover';
import { GROUP_LABELS } from '@/lib/domain/aircover';
import type { AirCoverGroup, AirCoverItem, RosterMember, Tier, WeekId } from '@/lib/domain/schema';
import { isMine } from '@/lib/domain/roster';
import { onTeam } from '@/lib/domain/account-team';
import { TIER_LABELS, TIER_ORDER, TIER_SHORT } from '@/lib/domain/tier';
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
      const db = await getDb();
      settings.value = await send('getSettings', {});
      const d = await weekView(db, wanted, settings.value);
      performance.measure('tiercover:week-read', 'tiercover:week-read-start');
      if (wanted === weekId.value) data.value = d;
      error.value = null;
    } catch (e) {
      error.value = (e as Error).message;
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

  /** Rows that come on screen (more shown, a filter) get their contacts read then. */
  const detail = async (ids: string[]) => {
    if (!data.value || !settings.value) return;
    data.value = await withDetails(await getDb(), data.value, ids, settings.value);
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
        <button class="icon" aria-label="Previous week" data-testid="week-prev" onClick={() => go(previousWeek(weekId.value))}>‹</button>
        <span class="label" data-testid="week-label">{d?.label ?? weekId.value}</span>
        <button class="icon" aria-label="Next week" data-testid="week-next" onClick={() => go(nextWeek(weekId.value))}>›</button>
        {weekId.value !== currentWeekId() && (
          <button class="btn" onClick={() => go(currentWeekId())}>This week</button>
        )}
      </div>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      {!d && <p class="muted">Loading the week…</p>}
      {d && !d.exists && d.rows.length === 0 && (
        <div data-testid="week-empty">
          <p>No list for {d.weekId} yet.</p>
          {d.previous.exists && (
            <p>
              {d.previous.open} target{d.previous.open === 1 ? '' : 's'} still open from {d.previous.weekId}.{' '}
              <button class="btn primary" data-testid="start-review" onClick={() => (reviewing.value = true)}>
                Start this week from {d.previous.weekId}
              </button>
            </p>
          )}
          {!d.previous.exists && <p class="muted">Add accounts from the Accounts tab, or from the card on a LinkedIn or CRM page.</p>}
        </div>
      )}
      {d && reviewing.value && <Review weekId={d.weekId} fromWeek={d.previous.weekId} onDone={() => act(async () => {
        await send('startWeek', { weekId: d.weekId });
        reviewing.value = false;
      })} onCancel={() => (reviewing.value = false)} />}
      {d && (d.exists || d.rows.length > 0) && (
        <>
          <p data-testid="week-progress">
            <b>{d.rows.filter((r) => r.target.status !== 'dropped').length}</b> targets · air cover{' '}
            <b>{d.progress.all.done} of {d.progress.all.total}</b> ({pct(d.progress.all)} %):{' '}
            <span data-testid="week-progress-split">{progressSentence(d.progress)}</span>
          </p>
          <FocusBar focus={d.focus} />
          <ExportBar weekId={d.weekId} />
          <details data-testid="week-changes">
            <summary>Changes since {d.previous.weekId}</summary>
            <ul>
              <li>{d.changes.added} new, {d.changes.carried} carried over</li>
              <li>{d.changes.done.length} done{d.changes.done.length ? `: ${d.changes.done.map((x) => `${x.account}${x.reason ? ` (${x.reason})` : ''}`).join(', ')}` : ''}</li>
              <li>{d.changes.dropped.length} dropped{d.changes.dropped.length ? `: ${d.changes.dropped.map((x) => `${x.account}${x.reason ? ` (${x.reason})` : ''}`).join(', ')}` : ''}</li>
              <li>{d.changes.airCoverAdded} air-cover items done this week</li>
            </ul>
          </details>
          <div class="filters" role="group" aria-label="Filters">
            <input type="search" aria-label="Search targets" placeholder="Search" data-testid="week-search" value={f.q} onInput={(e) => setF({ q: (e.target as HTMLInputElement).value })} />
            <label title={you ? `Targets where ${you} is the sales or marketing owner or on the account team` : 'Set your name in the options first'}>
              <input type="checkbox" data-testid="filter-mine" checked={f.mine} disabled={!you} onChange={(e) => setF({ mine: (e.target as HTMLInputElement).checked })} /> Mine
            </label>
            <label><input type="checkbox" data-testid="filter-open" checked={f.open} onChange={(e) => setF({ open: (e.target as HTMLInputElement).checked })} /> Open tasks</label>
            <select aria-label="Team" value={f.team} onChange={(e) => setF({ team: (e.target as HTMLSelectElement).value as Filter['team'] })}>
              <option value="all">Both teams</option>
              <option value="sales">Has a sales owner</option>
              <option value="marketing">Has a marketing owner</option>
            </select>
            <select aria-label="Tier" data-testid="filter-tier" value={f.tier} onChange={(e) => setF({ tier: (e.target as HTMLSelectElement).value as Filter['tier'] })}>
              <option value="all">All tiers</option>
              {TIER_ORDER.map((t) => (
                <option key={t} value={t}>{TIER_LABELS[t]}</option>
              ))}
            </select>
          </div>
          {f.mine && (
            <p data-testid="my-open-tasks">
              {myOpen === 0 ? `Nothing open for ${you} this week.` : `${myOpen} open task${myOpen === 1 ? '' : 's'} for ${you} across ${rows.filter((r) => r.target.status === 'active').length} targets.`}
              {myOpen > 0 && mode.value === 'list' && <> <button class="link" onClick={() => (mode.value = 'grid')}>Work through them in the grid</button></>}
            </p>
          )}
          <div class="tabs" role="tablist" aria-label="Show the week as">
            <button role="tab" aria-selected={mode.value === 'list'} data-testid="view-list" onClick={() => (mode.value = 'list')}>Targets</button>
            <button role="tab" aria-selected={mode.value === 'grid'} data-testid="view-grid" onClick={() => (mode.value = 'grid')}>Air-cover grid</button>
          </div>
          {mode.value === 'grid' && rows.length > 0 && (
            <AirCoverGrid
              targets={TIER_ORDER.flatMap((t) => rows.filter((r) => r.account.tier === t))}
              standing={standing}
              onTick={tick}
              onTickMany={tickMany}
              detail={detail}
              scope="week"
              label={`Air cover, ${d.weekId}`}
              testId="week-grid"
            />
          )}
          {mode.value === 'list' && TIER_ORDER.map((t) => {
            const group = rows.filter((r) => r.account.tier === t);
            if (!group.length) return null;
            return (
              <section key={t} aria-label={TIER_LABELS[t]} data-testid={`week-tier-${t}`}>
                <h3>{TIER_LABELS[t]} · {group.length}</h3>
                <TierGroup rows={group} act={act} tick={tick} tickMany={tickMany} detail={detail} standing={standing} roster={roster} />
              </section>
            );
          })}
          {rows.length === 0 && <p class="muted">No target matches these filters.</p>}
        </>
      )}
    </div>
  );
}

/** The first targets of a tier at once, the rest on demand: a 1,000-target week renders fast. */
type Act = (fn: () => Promise<unknown>) => Promise<void>;
type Tick = (targetId: string, r: TickRequest) => Promise<void>;
type TickMany = (cells: Cell[], done: boolean) => Promise<AirCoverTick[]>;
interface Shared { act: Act; tick: Tick; tickMany: TickMany; standing: readonly AirCoverItem[]; roster: RosterMember[] }

function TierGroup({ rows, detail, ...shared }: Shared & { rows: TargetRow[]; detail: (ids: string[]) => Promise<void> }) {
  const PAGE = 50;
  const shown = useSignal(PAGE);
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
          Show {Math.min(200, rows.length - shown.value)} more of {rows.length - shown.value}
        </button>
      )}
    </div>
  );
}

function TargetCard({ row, act, tick, tickMany, standing, roster }: Shared & { row: TargetRow }) {
  const open = useSignal(false);
  const t = row.target;
  const p = row.progress;
  return (
    <article class="target" data-testid="target" data-account={row.account.name}>
      <div class="target-head">
        <span class={`tier ${row.account.tier}`} title={row.account.tierSentence}>{TIER_SHORT[row.account.tier]}</span>
        <button class="link name" aria-expanded={open.value} onClick={() => (open.value = !open.value)}>{row.account.name}</button>
        {t.carriedFrom && <span class="pill" title={`Carried over from ${t.carriedFrom}`}>carried</span>}
        {t.status !== 'active' && <span class="pill">{t.status}</span>}
        <span class="progress" data-testid="target-progress" title={progressSentence(p)}>{p.all.done}/{p.all.total}</span>
      </div>
      <p class="muted">
        {row.keyContacts.map((c) => c.name).join(', ') || 'No key contacts yet'}
        {t.salesOwner ? ` · sales: ${t.salesOwner}` : ''}
        {t.marketingOwner ? ` · marketing: ${t.marketingOwner}` : ''}
      </p>
      <p class="muted">
        {progressSentence(p)} · {(Object.keys(p.groups) as AirCoverGroup[]).map((g) => `${GROUP_LABELS[g]} ${p.groups[g].done}/${p.groups[g].total}`).join(' · ')}
        {row.account.gaps.length ? ` · gaps: ${row.account.gaps.join('; ')}` : ''}
      </p>
      {meetingSummary(t) && <p class="muted" data-testid="target-meeting">{meetingSummary(t)}</p>}
      {open.value && (
        <div class="list">
          <AirCoverGrid targets={[row]} standing={standing} onTick={tick} onTickMany={tickMany} scope="target" label={`Air cover, ${row.account.name}`} testId="target-grid" />
          {row.keyContacts.length === 0 && <p class="muted">No key contacts yet: add one below to tick their air cover.</p>}
          <TargetFields row={row} roster={roster} act={act} />
          <MeetingFields target={t} />
          <KeyContacts row={row} act={act} />
          <div class="actions">
            {t.status === 'active' ? (
              <>
                <StatusButton label="Mark done" status="done" row={row} act={act} />
                <StatusButton label="Drop" status="dropped" row={row} act={act} />
              </>
            ) : (
              <button class="btn" onClick={() => void act(() => send('setTargetStatus', { targetId: t.id, status: 'active' }))}>Reopen</button>
            )}
          </div>
        </div>
      )}
    </article>
  );
}

function KeyContacts({ row, act }: { row: TargetRow; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const keys = new Set(row.target.keyContactIds);
  const others = row.contacts.filter((c) => !keys.has(c.id) && c.status !== 'left');
  if (!others.length) return null;
  return (
    <label>
      Add a key contact{' '}
      <select
        class="field"
        value=""
        onChange={(e) => {
          const id = (e.target as HTMLSelectElement).value;
          if (id) void act(() => send('setKeyContact', { targetId: row.target.id, contactId: id, key: true }));
        }}
      >
        <option value="">Choose…</option>
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
      <input type="text" required aria-label={`Why ${status}?`} placeholder={status === 'done' ? 'Meeting booked, deal won…' : 'Too small, no budget…'} value={reason.value} onInput={(e) => (reason.value = (e.target as HTMLInputElement).value)} autoFocus />
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
    <section class="target" data-testid="review" aria-label={`Review ${fromWeek}`}>
      <h3>Review {fromWeek} before starting {weekId}</h3>
      <p class="muted">Open targets carry over. Mark the finished ones done and drop the rest, each with a reason.</p>
      {error.value && <p class="error" role="alert">{error.value}</p>}
      <ul class="plain">
        {open.map((r) => (
          <li key={r.target.id} data-testid="review-row" class="row">
            <span class={`tier ${r.account.tier}`}>{TIER_SHORT[r.account.tier]}</span> {r.account.name}
            <ReviewProgress row={r} />
            <StatusButton label="Done" status="done" row={r} act={act} />
            <StatusButton label="Drop" status="dropped" row={r} act={act} />
          </li>
        ))}
      </ul>
      <div class="actions">
        <button class="btn primary" data-testid="start-week" onClick={onDone}>Carry over {open.length} and start {weekId}</button>
        <button class="btn" onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}

/**
 * What a target got last week, so Done or Drop is decided on facts: air cover done of total
 * (standing and weekly apart) and its coverage (names, and the gaps when its contacts are read).
 */
function ReviewProgress({ row }: { row: TargetRow }) {
  const p = row.progress;
  return (
    <span class="muted" data-testid="review-progress">
      air cover {p.all.done}/{p.all.total} ({pct(p.all)} %: {progressSentence(p)})
      {row.detailed && ` · ${row.account.named} named${row.account.gaps.length ? `; ${row.account.gaps.join('; ')}` : ''}`}
    </span>
  );
}
