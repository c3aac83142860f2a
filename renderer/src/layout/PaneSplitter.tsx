import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { MAX_LIBRARY_WIDTH, clampWidth, paneLayoutForKey, type PaneLayout } from './paneLayout';
import { LIBRARY_PANE_ID } from './usePaneLayout';

interface Props {
  layout: PaneLayout;
  onLayout(layout: PaneLayout): void;
}

/**
 * The splitter between the library and the reader (the WAI-ARIA window splitter): dragged, or
 * focused and moved with the arrow keys, Home/End; Enter collapses and restores the library.
 * Its value is the library's width in pixels, 0 when collapsed.
 */
export function PaneSplitter({ layout, onLayout }: Props) {
  const dragging = useRef(false);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const panes = event.currentTarget.parentElement?.getBoundingClientRect();
    if (!dragging.current || !panes) return;
    // Widths are kept at the default 16 px root size; large screens scale the UI (layout.css).
    const scale = parseFloat(getComputedStyle(document.documentElement).fontSize) / 16 || 1;
    onLayout({ width: clampWidth((event.clientX - panes.left) / scale), collapsed: false });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const next = paneLayoutForKey(event.key, layout);
    if (next === null) return;
    event.preventDefault();
    onLayout(next);
  };

  const now = layout.collapsed ? 0 : layout.width;
  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the library"
      aria-controls={LIBRARY_PANE_ID}
      aria-valuemin={0}
      aria-valuemax={MAX_LIBRARY_WIDTH}
      aria-valuenow={now}
      aria-valuetext={layout.collapsed ? 'Library hidden' : `Library ${now} pixels wide`}
      title="Drag to resize the library; Enter hides or shows it"
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
