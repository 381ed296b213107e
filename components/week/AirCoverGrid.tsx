import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { Cell } from '@/lib/db/aircover';
import type { TargetRow } from '@/lib/db/week';
import { GROUP_LABELS, ITEM_GROUP, ITEM_LABELS, ITEM_SHORT, ITEM_WANTS_LINK, progressSentence } from '@/lib/domain/aircover';
import { AIR_COVER_GROUPS, type AirCoverGroup, type AirCoverItem } from '@/lib/domain/constants';
import { applies, cellId, GRID_COLUMNS, move, nearest, openInColumn, openInRow, rowOpen, type GridRow, type Move, type Pos } from '@/lib/domain/grid';
import type { AirCoverTick } from '@/lib/domain/schema';
import { TIER_SHORT } from '@/lib/domain/tier';
import type { TickRequest } from '../card/AirCoverList';
import { safeHref } from '../safeHref';
import './grid.css';

/** Fixed row height: the grid draws only the rows in view, so a 1,000-target week stays fast. */
const ROW_H = 30;
const OVERSCAN = 8;

interface ViewRow extends GridRow {
  label: string;
  title?: string;
  target: TargetRow;
}

const KEYS: Record<string, Move> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  Home: 'home',
  End: 'end',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
};

const fmtWhen = (t: number) => new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** Each target's account row, then a row per key contact (names once its details are read). */
function buildRows(targets: TargetRow[]): ViewRow[] {
  const out: ViewRow[] = [];
  for (const t of targets) {
    const id = t.target.id;
    out.push({ key: `${id}|account`, targetId: id, label: t.account.name, title: t.account.tierSentence, target: t });
    const names = new Map(t.keyContacts.map((c) => [c.id, c]));
    const ids = t.detailed ? t.keyContacts.map((c) => c.id) : t.target.keyContactIds;
    for (const cid of ids) {
      const c = names.get(cid);
      out.push({ key: `${id}|${cid}`, targetId: id, contactId: cid, label: c?.name ?? '…', title: c ? [c.name, c.title].filter(Boolean).join(', ') : undefined, target: t });
    }
  }
  return out;
}

export interface AirCoverGridProps {
  targets: TargetRow[];
  standing: readonly AirCoverItem[];
  onTick: (targetId: string, r: TickRequest) => Promise<void>;
  onTickMany: (cells: Cell[], done: boolean) => Promise<AirCoverTick[]>;
  /** Read the contacts of targets that come into view. */
  detail?: (targetIds: string[]) => Promise<void>;
  /** What a column means here, for the bulk button: "every key contact of this target" or "… shown". */
  scope: 'target' | 'week';
  label: string;
  testId?: string;
}

/**
 * The marketer's grid: contacts × air-cover items, for one target or the whole week. Keyboard
 * first (APG grid pattern, roving tabindex): arrows move, Space ticks, L adds a link or note, C
 * ticks the column, R the row, Ctrl+Z undoes the last bulk tick. Mouse: click a cell to tick it.
 */
export function AirCoverGrid(props: AirCoverGridProps) {
  const cols = GRID_COLUMNS;
  const standing = useMemo(() => new Set(props.standing), [props.standing.join()]);
  const allRows = useMemo(() => buildRows(props.targets), [props.targets]);
  const ticks = useMemo(() => new Map(props.targets.flatMap((t) => t.ticks.map((x) => [x.id, x] as const))), [props.targets]);

  const openOnly = useSignal(false);
  // The "open only" rows are worked out when the filter is turned on (or the rows change), not on
  // every tick: a row ticked complete stays in view until then, so the focus never jumps away.
  const shape = allRows.map((r) => r.key).join();
  const openKeys = useMemo(() => (openOnly.value ? new Set(allRows.filter((r) => rowOpen(r, cols, ticks)).map((r) => r.key)) : null), [openOnly.value, shape]);
  const rows = openKeys ? allRows.filter((r) => openKeys.has(r.key)) : allRows;

  const active = useSignal<{ key: string; item: AirCoverItem } | null>(null);
  const lastPos = useRef<Pos>({ r: 0, c: 0 });
  const scrollTop = useSignal(0);
  const viewH = useSignal(600);
  const wantFocus = useRef(false);
  const editing = useSignal<{ row: ViewRow; item: AirCoverItem; link: string; note: string } | null>(null);
  const status = useSignal<{ text: string; undo?: { cells: Cell[]; done: boolean } } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const editorForm = useRef<HTMLFormElement>(null);
  const editorOpen = !!editing.value;
  const header = useRef<HTMLDivElement>(null);

  // Where the focus is, as indices into what is shown now (the key survives reloads and filters).
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  let pos: Pos | undefined;
  if (active.value && rowIndex.has(active.value.key)) pos = { r: rowIndex.get(active.value.key)!, c: cols.indexOf(active.value.item) };
  else pos = nearest(rows, cols, lastPos.current);
  if (pos) lastPos.current = pos;
  // The cell under the focus; none while the grid is empty or the active column is filtered out.
  const focusItem = pos ? cols[pos.c] : undefined;
  const focusRow = pos ? rows[pos.r] : undefined;

  // The window of rows drawn.
  const headH = header.current?.offsetHeight ?? 0;
  const start = Math.max(0, Math.floor(Math.max(0, scrollTop.value - headH) / ROW_H) - OVERSCAN);
  const end = Math.min(rows.length, Math.ceil((scrollTop.value + viewH.value) / ROW_H) + OVERSCAN);
  const shown = rows.slice(start, end);

  const visibleTargets = [...new Set(shown.map((r) => r.target).filter((t) => !t.detailed).map((t) => t.target.id))];
  useEffect(() => {
    if (visibleTargets.length && props.detail) void props.detail(visibleTargets);
  }, [visibleTargets.join()]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    viewH.value = el.clientHeight;
    const ro = new ResizeObserver(() => (viewH.value = el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // After a move, focus the cell now drawn (roving tabindex: only it has tabindex 0). Before the
  // next key arrives: a layout effect, not an effect that waits for a paint.
  useLayoutEffect(() => {
    if (!wantFocus.current || !focusRow || !focusItem || !scroller.current) return;
    wantFocus.current = false;
    scroller.current.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cellId(focusRow, focusItem))}"]`)?.focus();
  });

  // The editor takes the focus when it opens (autofocus does nothing on an element added later):
  // the link field, or the note field for items that want a note.
  useLayoutEffect(() => {
    if (editorOpen) editorForm.current?.querySelector<HTMLInputElement>('input[data-first]')?.focus();
  }, [editorOpen]);

  const focusAt = (p: Pos) => {
    const el = scroller.current;
    const row = rows[p.r];
    const item = cols[p.c];
    if (!row || !item) return; // move() only lands inside the grid
    active.value = { key: row.key, item };
    wantFocus.current = true;
    if (!el) return;
    // Bring the row into view first, so it is drawn before it is focused.
    const h = header.current?.offsetHeight ?? 0;
    const top = p.r * ROW_H;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (h + top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = h + top + ROW_H - el.clientHeight;
    scrollTop.value = el.scrollTop;
  };

  const toggle = (row: ViewRow, item: AirCoverItem) => {
    if (!applies(row, item)) return;
    const t = ticks.get(cellId(row, item));
    status.value = null;
    void props.onTick(row.targetId, { contactId: row.contactId, item, done: !t?.done, link: t?.link, note: t?.note });
  };

  const bulk = async (cells: Cell[], what: string) => {
    if (!cells.length) {
      status.value = { text: `Nothing open in ${what}.` };
      return;
    }
    const written = await props.onTickMany(cells, true);
    status.value = { text: `Ticked ${written.length} in ${what}.`, undo: { cells: written.map((t) => ({ targetId: t.targetId, contactId: t.contactId, item: t.item })), done: false } };
  };
  const columnName = (item: AirCoverItem) => `“${ITEM_SHORT[item]}” for every ${props.scope === 'target' ? 'row of this target' : 'row shown'}`;
  const tickColumn = (item: AirCoverItem) => bulk(openInColumn(rows, item, ticks), columnName(item));
  const tickRow = (row: ViewRow) => bulk(openInRow(row, cols, ticks), `${row.label}'s row`);
  const undo = async () => {
    const u = status.value?.undo;
    if (!u) return;
    await props.onTickMany(u.cells, u.done);
    status.value = { text: `Undone: ${u.cells.length} unticked.` };
  };

  const openEditor = (row: ViewRow, item: AirCoverItem) => {
    if (!applies(row, item)) return;
    const t = ticks.get(cellId(row, item));
    editing.value = { row, item, link: t?.link ?? '', note: t?.note ?? '' };
  };
  const closeEditor = () => {
    editing.value = null;
    wantFocus.current = true;
    active.value = active.value ? { ...active.value } : null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!pos || !focusRow || !focusItem || (e.target as HTMLElement).closest('.acgrid-editor')) return;
    const row = focusRow;
    const item = focusItem;
    const k = e.key;
    let handled = true;
    if (KEYS[k]) {
      const how: Move = e.ctrlKey && k === 'Home' ? 'first' : e.ctrlKey && k === 'End' ? 'last' : KEYS[k];
      focusAt(move(rows, cols, pos, how, Math.max(1, Math.floor(viewH.value / ROW_H) - 2)));
    } else if ((k === ' ' && e.ctrlKey) || k === 'c' || k === 'C') void tickColumn(item);
    else if ((k === ' ' && e.shiftKey) || k === 'r' || k === 'R') void tickRow(row);
    else if (k === ' ' || k === 'Enter') toggle(row, item);
    else if (k === 'l' || k === 'L') openEditor(row, item);
    else if ((k === 'z' || k === 'Z') && (e.ctrlKey || e.metaKey)) void undo();
    else handled = false;
    if (handled) e.preventDefault();
  };

  const groups = Object.keys(AIR_COVER_GROUPS) as AirCoverGroup[];
  const template = `var(--acg-head) repeat(${cols.length}, var(--acg-col)) var(--acg-prog)`;
  const ed = editing.value;

  return (
    <div class="acgrid" data-testid={props.testId ?? 'aircover-grid'}>
      <div class="acgrid-bar">
        <label class="acgrid-check">
          <input type="checkbox" data-testid="grid-open-only" checked={openOnly.value} onChange={(e) => (openOnly.value = (e.target as HTMLInputElement).checked)} /> Open only
        </label>
        {focusItem && focusRow && (
          <>
            <button class="btn" type="button" data-testid="grid-tick-column" onClick={() => void tickColumn(focusItem)} title="C or Ctrl+Space">
              Tick column: {ITEM_SHORT[focusItem]}
            </button>
            <button class="btn" type="button" data-testid="grid-tick-row" onClick={() => void tickRow(focusRow)} title="R or Shift+Space">
              Tick row: {focusRow.label}
            </button>
          </>
        )}
        <span class="muted acgrid-keys">Arrows move · Space ticks · L link or note · C column · R row · ◆ standing, carries over</span>
      </div>
      <div class="acgrid-status" role="status" data-testid="grid-status">
        {status.value?.text}
        {status.value?.undo && (
          <button class="link" type="button" data-testid="grid-undo" onClick={() => void undo()}>Undo (Ctrl+Z)</button>
        )}
      </div>
      {ed && (
        <form
          ref={editorForm}
          class="acgrid-editor row"
          aria-label={`Link or note: ${ITEM_LABELS[ed.item]}, ${ed.row.label}`}
          onSubmit={(e) => {
            e.preventDefault();
            void props.onTick(ed.row.targetId, { contactId: ed.row.contactId, item: ed.item, done: true, link: ed.link.trim() || undefined, note: ed.note.trim() || undefined });
            closeEditor();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              closeEditor();
            }
          }}
        >
          <b>{ITEM_SHORT[ed.item]} · {ed.row.label}</b>
          <input type="text" aria-label="Link" placeholder="https://…" data-testid="grid-link" value={ed.link} data-first={ITEM_WANTS_LINK[ed.item] !== 'note' || undefined} onInput={(e) => (editing.value = { ...ed, link: (e.target as HTMLInputElement).value })} />
          <input type="text" aria-label="Note" placeholder="Who / what" data-testid="grid-note" value={ed.note} data-first={ITEM_WANTS_LINK[ed.item] === 'note' || undefined} onInput={(e) => (editing.value = { ...ed, note: (e.target as HTMLInputElement).value })} />
          <button class="btn primary" type="submit">Save and tick</button>
          <button class="btn" type="button" onClick={closeEditor}>Cancel</button>
        </form>
      )}
      {rows.length === 0 ? (
        <p class="muted" data-testid="grid-empty">{openOnly.value ? 'Nothing open here: every item is ticked.' : 'No targets to show.'}</p>
      ) : (
        <div class="acgrid-scroll" ref={scroller} onScroll={(e) => (scrollTop.value = (e.target as HTMLElement).scrollTop)}>
          <div role="grid" aria-label={props.label} aria-rowcount={rows.length + 2} aria-colcount={cols.length + 2} onKeyDown={onKeyDown}>
            <div class="acgrid-head" ref={header} role="rowgroup">
              <div role="row" aria-rowindex={1} class="acgrid-row groups" style={{ gridTemplateColumns: template }}>
                <div role="columnheader" class="rowhead">{props.scope === 'week' ? 'Target / contact' : 'Contact'}</div>
                {groups.map((g) => (
                  <div key={g} role="columnheader" aria-colspan={AIR_COVER_GROUPS[g].length} class={`grp g-${g}`} style={{ gridColumn: `span ${AIR_COVER_GROUPS[g].length}` }}>
                    {GROUP_LABELS[g]}
                  </div>
                ))}
                <div role="columnheader" class="prog">Done</div>
              </div>
              <div role="row" aria-rowindex={2} class="acgrid-row items" style={{ gridTemplateColumns: template }}>
                <div role="columnheader" class="rowhead" aria-label="Row" />
                {cols.map((item, c) => (
                  <div
                    key={item}
                    role="columnheader"
                    aria-colindex={c + 2}
                    class={`item g-${ITEM_GROUP[item]}${standing.has(item) ? ' standing' : ''}${focusItem === item ? ' here' : ''}${AIR_COVER_GROUPS[ITEM_GROUP[item]][0] === item ? ' first' : ''}`}
                    title={`${ITEM_LABELS[item]}${standing.has(item) ? ' (standing: carries into next week)' : ' (this week)'}`}
                  >
                    <span>{standing.has(item) ? '◆ ' : ''}{ITEM_SHORT[item]}</span>
                  </div>
                ))}
                <div role="columnheader" class="prog" />
              </div>
            </div>
            <div role="rowgroup" style={{ paddingTop: `${start * ROW_H}px`, paddingBottom: `${(rows.length - end) * ROW_H}px` }}>
              {shown.map((row, i) => {
                const r = start + i;
                const account = row.contactId === undefined;
                const p = row.target.progress;
                const rowDone = cols.filter((it) => applies(row, it) && ticks.get(cellId(row, it))?.done).length;
                const rowTotal = cols.filter((it) => applies(row, it)).length;
                return (
                  <div key={row.key} role="row" aria-rowindex={r + 3} class={`acgrid-row${account ? ' account' : ''}${pos?.r === r ? ' here' : ''}`} style={{ gridTemplateColumns: template }} data-row={row.key}>
                    <div role="rowheader" class="rowhead" title={row.title}>
                      {account ? (
                        <>
                          <span class={`tier ${row.target.account.tier}`}>{TIER_SHORT[row.target.account.tier]}</span> <b>{row.label}</b>
                          {row.target.target.carriedFrom && <span class="muted" title={`Carried over from ${row.target.target.carriedFrom}`} aria-label="carried over">↻</span>}
                        </>
                      ) : (
                        <span class="contact">{row.label}</span>
                      )}
                    </div>
                    {cols.map((item, c) => {
                      if (!applies(row, item)) return <div key={item} role="gridcell" aria-colindex={c + 2} class={`na g-${ITEM_GROUP[item]}${AIR_COVER_GROUPS[ITEM_GROUP[item]][0] === item ? ' first' : ''}`} />;
                      const t = ticks.get(cellId(row, item));
                      const here = pos?.r === r && pos.c === c;
                      const extra = [t?.done ? `ticked by ${t.by}, ${fmtWhen(t.at)}` : 'open', t?.carriedFrom ? `carried from ${t.carriedFrom}` : '', t?.link ? 'link' : '', t?.note ? `note: ${t.note}` : ''].filter(Boolean).join(' · ');
                      return (
                        <div key={item} role="gridcell" aria-colindex={c + 2} class={`cell g-${ITEM_GROUP[item]}${AIR_COVER_GROUPS[ITEM_GROUP[item]][0] === item ? ' first' : ''}`}>
                          <div
                            role="checkbox"
                            aria-checked={!!t?.done}
                            aria-label={`${ITEM_LABELS[item]}: ${row.label}`}
                            aria-description={extra}
                            title={`${ITEM_LABELS[item]} · ${row.label} · ${extra}`}
                            tabIndex={here ? 0 : -1}
                            data-cell={cellId(row, item)}
                            class={`box${t?.done ? ' done' : ''}${t?.carriedFrom ? ' carried' : ''}${t?.link || t?.note ? ' noted' : ''}`}
                            onClick={() => {
                              focusAt({ r, c });
                              toggle(row, item);
                            }}
                            onFocus={() => {
                              if (!here) active.value = { key: row.key, item };
                            }}
                          >
                            {t?.done ? (t.carriedFrom ? '↻' : '✓') : ''}
                          </div>
                        </div>
                      );
                    })}
                    <div role="gridcell" class="prog" aria-colindex={cols.length + 2} title={account ? progressSentence(p) : undefined}>
                      {account ? <span data-testid="grid-target-progress">◆{p.standing.done}/{p.standing.total} · {p.weekly.done}/{p.weekly.total}</span> : `${rowDone}/${rowTotal}`}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
      {focusRow && focusItem && safeHref(ticks.get(cellId(focusRow, focusItem))?.link) && (
        <p class="muted acgrid-link">
          Link: <a href={safeHref(ticks.get(cellId(focusRow, focusItem))?.link)} target="_blank" rel="noopener noreferrer">{ticks.get(cellId(focusRow, focusItem))?.link}</a>
        </p>
      )}
    </div>
  );
}
