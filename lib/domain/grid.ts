/**
 * The marketer's grid as data: rows are each target's account row and its key contacts, columns
 * the air-cover items in DOMAIN.md order. Pure, so moving around and what a bulk tick touches are
 * tested without a browser (the component is components/week/AirCoverGrid.tsx).
 */
import { isAccountItem, tickId } from './aircover';
import { AIR_COVER_ITEMS, type AirCoverItem } from './constants';
import type { AirCoverTick } from './schema';

export const GRID_COLUMNS: readonly AirCoverItem[] = AIR_COVER_ITEMS;

export interface GridRow {
  /** `${targetId}|${contactId or 'account'}`: stable across reloads, so focus stays put. */
  key: string;
  targetId: string;
  contactId?: string;
}

/** Account items are ticked on the account row, the rest on each key contact's row. */
export const applies = (row: Pick<GridRow, 'contactId'>, item: AirCoverItem) => (row.contactId === undefined ? isAccountItem(item) : !isAccountItem(item));

/** Whether the cell at (r, c) exists and applies: false outside the grid. */
const appliesAt = (rows: GridRow[], cols: readonly AirCoverItem[], r: number, c: number) => {
  const row = rows[r];
  const item = cols[c];
  return row !== undefined && item !== undefined && applies(row, item);
};

export const cellId = (row: GridRow, item: AirCoverItem) => tickId(row.targetId, row.contactId, item);

export interface Pos {
  r: number;
  c: number;
}

export type Move = 'left' | 'right' | 'up' | 'down' | 'home' | 'end' | 'first' | 'last' | 'pageUp' | 'pageDown';

/**
 * Where a key takes the focus. Cells that do not apply (a person item on the account row) are
 * stepped over; at an edge the focus stays.
 */
export function move(rows: GridRow[], cols: readonly AirCoverItem[], from: Pos, how: Move, page = 10): Pos {
  const ok = (r: number, c: number) => appliesAt(rows, cols, r, c);
  const scanCols = (r: number, start: number, step: number) => {
    for (let c = start; c >= 0 && c < cols.length; c += step) if (ok(r, c)) return c;
    return -1;
  };
  const scanRows = (start: number, step: number, c: number) => {
    for (let r = start; r >= 0 && r < rows.length; r += step) if (ok(r, c)) return r;
    return -1;
  };
  /** The row `r` (or the nearest one in `step`'s direction) at column c, else its nearest cell. */
  const land = (r: number, step: number): Pos => {
    const row = scanRows(r, step, from.c);
    if (row >= 0) return { r: row, c: from.c };
    const back = scanRows(r, -step, from.c);
    return back >= 0 ? { r: back, c: from.c } : from;
  };
  switch (how) {
    case 'right': {
      const c = scanCols(from.r, from.c + 1, 1);
      return c >= 0 ? { r: from.r, c } : from;
    }
    case 'left': {
      const c = scanCols(from.r, from.c - 1, -1);
      return c >= 0 ? { r: from.r, c } : from;
    }
    case 'down': {
      const r = scanRows(from.r + 1, 1, from.c);
      return r >= 0 ? { r, c: from.c } : from;
    }
    case 'up': {
      const r = scanRows(from.r - 1, -1, from.c);
      return r >= 0 ? { r, c: from.c } : from;
    }
    case 'home': {
      const c = scanCols(from.r, 0, 1);
      return c >= 0 ? { r: from.r, c } : from;
    }
    case 'end': {
      const c = scanCols(from.r, cols.length - 1, -1);
      return c >= 0 ? { r: from.r, c } : from;
    }
    case 'pageDown':
      return land(Math.min(rows.length - 1, from.r + page), -1);
    case 'pageUp':
      return land(Math.max(0, from.r - page), 1);
    case 'first':
      return land(0, 1);
    case 'last':
      return land(rows.length - 1, -1);
  }
}

/** The first cell that applies, to start from. */
export function firstCell(rows: GridRow[], cols: readonly AirCoverItem[]): Pos | undefined {
  for (let r = 0; r < rows.length; r++) for (let c = 0; c < cols.length; c++) if (appliesAt(rows, cols, r, c)) return { r, c };
  return undefined;
}

/** The cell nearest to `at` that applies, when the rows changed under the focus. */
export function nearest(rows: GridRow[], cols: readonly AirCoverItem[], at: Pos): Pos | undefined {
  if (!rows.length) return undefined;
  const r = Math.min(at.r, rows.length - 1);
  const c = Math.min(at.c, cols.length - 1);
  if (appliesAt(rows, cols, r, c)) return { r, c };
  for (const how of ['down', 'up'] as const) {
    const p = move(rows, cols, { r, c }, how);
    if (p.r !== r) return p;
  }
  return firstCell(rows, cols);
}

const isDone = (ticks: Map<string, AirCoverTick>, row: GridRow, item: AirCoverItem) => ticks.get(cellId(row, item))?.done === true;

/** A row with something left to do (the "open only" filter). */
export function rowOpen(row: GridRow, cols: readonly AirCoverItem[], ticks: Map<string, AirCoverTick>): boolean {
  return cols.some((item) => applies(row, item) && !isDone(ticks, row, item));
}

/** The cells a bulk tick of a column (one item on every row shown) or a row would change. */
export function openInColumn(rows: GridRow[], item: AirCoverItem, ticks: Map<string, AirCoverTick>) {
  return rows.filter((row) => applies(row, item) && !isDone(ticks, row, item)).map((row) => ({ targetId: row.targetId, contactId: row.contactId, item }));
}

export function openInRow(row: GridRow, cols: readonly AirCoverItem[], ticks: Map<string, AirCoverTick>) {
  return cols.filter((item) => applies(row, item) && !isDone(ticks, row, item)).map((item) => ({ targetId: row.targetId, contactId: row.contactId, item }));
}
