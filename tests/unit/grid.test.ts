import { describe, expect, it } from 'vitest';
import { tickId } from '@/lib/domain/aircover';
import { applies, firstCell, GRID_COLUMNS, move, nearest, openInColumn, openInRow, rowOpen, type GridRow } from '@/lib/domain/grid';
import type { AirCoverItem, AirCoverTick } from '@/lib/domain/schema';
import { must } from './helpers/must';

const rows: GridRow[] = [
  { key: 't1|account', targetId: 't1' },
  { key: 't1|a', targetId: 't1', contactId: 'a' },
  { key: 't1|b', targetId: 't1', contactId: 'b' },
  { key: 't2|account', targetId: 't2' },
  { key: 't2|c', targetId: 't2', contactId: 'c' },
];
const col = (item: AirCoverItem) => GRID_COLUMNS.indexOf(item);
const done = (targetId: string, contactId: string | undefined, item: AirCoverItem): [string, AirCoverTick] => [
  tickId(targetId, contactId, item),
  { id: tickId(targetId, contactId, item), weekId: '2026-W48', targetId, contactId, item, done: true, by: 'x', at: 1 },
];

describe('the grid', () => {
  it('starts on the account row\'s first item and steps over cells that do not apply', () => {
    expect(firstCell(rows, GRID_COLUMNS)).toEqual({ r: 0, c: col('companyPageFollow') });
    // Right along the account row: the next account item, not the person items between.
    expect(move(rows, GRID_COLUMNS, { r: 0, c: col('companyPageFollow') }, 'right')).toEqual({ r: 0, c: col('strategyBlog') });
    // Down a person column skips the next target's account row.
    expect(move(rows, GRID_COLUMNS, { r: 2, c: col('onNewsletter') }, 'down')).toEqual({ r: 4, c: col('onNewsletter') });
    expect(move(rows, GRID_COLUMNS, { r: 4, c: col('onNewsletter') }, 'down')).toEqual({ r: 4, c: col('onNewsletter') });
    expect(move(rows, GRID_COLUMNS, { r: 1, c: col('onNewsletter') }, 'home')).toEqual({ r: 1, c: col('followedPersonal') });
    expect(move(rows, GRID_COLUMNS, { r: 1, c: col('onNewsletter') }, 'end')).toEqual({ r: 1, c: col('executiveOutreach') });
    expect(move(rows, GRID_COLUMNS, { r: 1, c: col('onNewsletter') }, 'last')).toEqual({ r: 4, c: col('onNewsletter') });
    expect(move(rows, GRID_COLUMNS, { r: 4, c: col('onNewsletter') }, 'pageUp', 3)).toEqual({ r: 1, c: col('onNewsletter') });
  });

  it('finds the nearest cell when the focused row went away', () => {
    expect(nearest(rows, GRID_COLUMNS, { r: 9, c: col('onNewsletter') })).toEqual({ r: 4, c: col('onNewsletter') });
    expect(nearest(rows, GRID_COLUMNS, { r: 3, c: col('onNewsletter') })).toEqual({ r: 4, c: col('onNewsletter') });
    expect(nearest([], GRID_COLUMNS, { r: 0, c: 0 })).toBeUndefined();
  });

  it('a column tick touches the open cells of rows it applies to; a row tick the row\'s open cells', () => {
    const ticks = new Map([done('t1', 'a', 'onNewsletter'), ...GRID_COLUMNS.filter((i) => applies({ contactId: 'c' }, i)).map((i) => done('t2', 'c', i))]);
    expect(openInColumn(rows, 'onNewsletter', ticks)).toEqual([{ targetId: 't1', contactId: 'b', item: 'onNewsletter' }]);
    expect(openInColumn(rows, 'visitedWebsite', ticks).map((c) => c.targetId)).toEqual(['t1', 't2']);
    expect(openInRow(must(rows[0]), GRID_COLUMNS, ticks)).toHaveLength(5);
    expect(openInRow(must(rows[1]), GRID_COLUMNS, ticks)).toHaveLength(9);
    expect(rowOpen(must(rows[4]), GRID_COLUMNS, ticks)).toBe(false);
    expect(rowOpen(must(rows[2]), GRID_COLUMNS, ticks)).toBe(true);
  });
});
