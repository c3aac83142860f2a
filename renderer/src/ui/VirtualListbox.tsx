/**
 * The app's one virtualized, keyboard-driven listbox (the library's articles, the notes): rows of
 * one fixed height so the virtualizer never measures (smooth at 100,000 rows), an active row
 * moved by the arrows, Page Up/Down, Home and End (`aria-activedescendant`, focus stays on the
 * list), Enter or Space opens it, and the first focus activates the open row. A list that selects
 * several rows (the library) hears of each click's modifiers and each key move (`onPickRow`,
 * `onMove`) and keeps the selection itself.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { nextIndex } from './listKeys';

export interface ListRow {
  index: number;
  /** The row's offset from the list's top (for its `translateY`). */
  top: number;
  active: boolean;
  /** Makes the row active and opens it (a click), unless `onPickRow` takes a modified click. */
  pick: (mods?: PickModifiers) => void;
}

/** The modifier keys of a click on a row (a mouse event has them). */
export interface PickModifiers {
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export interface VirtualListboxHandle {
  /** Makes a row active and scrolls it into view. */
  moveTo(index: number): void;
}

interface Props {
  count: number;
  rowHeight: number;
  overscan: number;
  label: string;
  /** Several rows can be selected (the rows say which with aria-selected). */
  multiselectable?: boolean;
  id?: string | undefined;
  className: string;
  /** The element id of row `index` (for aria-activedescendant; the row renders it). */
  rowId: (index: number) => string;
  /** The row of what is open (-1: none): the first focus makes it active. */
  openIndex: () => number;
  onOpen: (index: number) => void;
  /** Another key on the active row; true when handled (the list prevents its default). */
  onRowKey?: ((key: string, index: number) => boolean) | undefined;
  /** The rows on screen changed (with overscan): fetch what they show. */
  onRowsShown?: ((first: number, last: number) => void) | undefined;
  /** Changes when the rows' data does (a page arrived or was dropped): onRowsShown runs again. */
  dataVersion?: unknown;
  /** Another list altogether (a new filter): back to its top, no row active. */
  resetKey?: unknown;
  /** A click on a row (made active first); true when it was a selecting click, not an opening one. */
  onPickRow?: ((index: number, mods: PickModifiers) => boolean) | undefined;
  /** The keys moved the active row; `extend`: Shift was held (a selection grows). */
  onMove?: ((from: number, to: number, extend: boolean) => void) | undefined;
  /** The active row changed (-1: none), so actions outside the list can follow it. */
  onActiveChange?: ((index: number) => void) | undefined;
  renderRow: (row: ListRow) => ReactNode;
}

export const VirtualListbox = forwardRef<VirtualListboxHandle, Props>(function VirtualListbox(
  {
    count,
    rowHeight,
    overscan,
    label,
    multiselectable,
    id,
    className,
    rowId,
    openIndex,
    onOpen,
    onRowKey,
    onRowsShown,
    dataVersion,
    resetKey,
    onActiveChange,
    onPickRow,
    onMove,
    renderRow,
  },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const activeIndex = Math.min(active, count - 1);
  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    // Render-time reset: the new list never shows the old one's active row.
    setShownKey(resetKey);
    setActive(-1);
  }

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  useEffect(() => {
    onActiveChange?.(activeIndex);
  }, [onActiveChange, activeIndex]);

  useEffect(() => {
    onRowsShown?.(firstRow, lastRow);
  }, [onRowsShown, firstRow, lastRow, dataVersion]);

  const moveTo = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  useImperativeHandle(ref, () => ({ moveTo }));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (activeIndex >= 0) {
        event.preventDefault();
        onOpen(activeIndex);
      }
      return;
    }
    if (activeIndex >= 0 && onRowKey?.(event.key, activeIndex)) {
      event.preventDefault();
      return;
    }
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1,
    );
    const next = nextIndex(event.key, activeIndex, count, pageRows);
    if (next === null) return;
    event.preventDefault();
    onMove?.(activeIndex, next, event.shiftKey);
    moveTo(next);
  };

  // Focus from a press on a row: that row's click makes it active and opens it. Scrolling to the
  // first (or open) row meanwhile would move another row under the pointer, and the click, its
  // press and release now on different rows, would never come (after a reload: the list jumped to
  // the top and nothing opened).
  const pressed = useRef(false);
  const onFocus = () => {
    if (pressed.current) return;
    if (activeIndex >= 0 || count === 0) return;
    const open = openIndex();
    moveTo(open >= 0 ? open : 0);
  };

  const activeRendered = rows.some((row) => row.index === activeIndex);

  return (
    <div
      id={id}
      ref={scrollRef}
      role="listbox"
      aria-label={label}
      aria-multiselectable={multiselectable || undefined}
      tabIndex={0}
      data-pane-focus
      hidden={count === 0}
      aria-activedescendant={activeRendered ? rowId(activeIndex) : undefined}
      className={className}
      onKeyDown={onKeyDown}
      onPointerDown={() => {
        pressed.current = true;
      }}
      onPointerUp={() => {
        pressed.current = false;
      }}
      onPointerCancel={() => {
        pressed.current = false;
      }}
      onFocus={onFocus}
    >
      <div
        role="presentation"
        className="library-list-sizer"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {rows.map((row) =>
          renderRow({
            index: row.index,
            top: row.start,
            active: row.index === activeIndex,
            pick: (mods) => {
              setActive(row.index);
              if (mods && onPickRow?.(row.index, mods)) return;
              onOpen(row.index);
            },
          }),
        )}
      </div>
    </div>
  );
});
