/**
 * A virtual list for Preact on @tanstack/virtual-core (framework-agnostic): only the rows in and
 * near the viewport are in the DOM, so 60,000 rows scroll like 30. Rows have one fixed height;
 * the caller renders `items()` absolutely positioned inside a box `totalSize()` tall.
 * Wired like @tanstack/react-virtual: one Virtualizer per component, options refreshed on every
 * render, `_didMount`/`_willUpdate` in layout effects, and a re-render when its range moves.
 */
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect, type VirtualItem } from '@tanstack/virtual-core';

export interface VirtualListOptions {
  count: number;
  /** The scrolling element (overflow: auto, a fixed height). */
  scrollRef: RefObject<HTMLElement | null>;
  rowHeight: number;
  overscan?: number;
}

export interface VirtualList {
  items(): VirtualItem[];
  totalSize(): number;
  /** Bring a row into view (keyboard moves); `auto` scrolls only as far as needed. */
  scrollToIndex(index: number, align?: 'auto' | 'start' | 'end'): void;
  /** How many whole rows fit on one screen (PageUp / PageDown). */
  rowsPerScreen(): number;
}

export function useVirtualList({ count, scrollRef, rowHeight, overscan = 8 }: VirtualListOptions): VirtualList {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    // Called only when the rendered range (or the scrolling state) moves, not per scroll event.
    onChange: () => rerender(0),
  };
  const [v] = useState(() => new Virtualizer<HTMLElement, HTMLElement>(options));
  v.setOptions(options);
  useLayoutEffect(() => v._didMount(), []);
  useLayoutEffect(() => v._willUpdate());
  return {
    items: () => v.getVirtualItems(),
    totalSize: () => v.getTotalSize(),
    scrollToIndex: (index, align = 'auto') => v.scrollToIndex(index, { align }),
    rowsPerScreen: () => Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight)),
  };
}
