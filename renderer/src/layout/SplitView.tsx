import {
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import {
  loadLayout,
  MAX_RATIO,
  MIN_RATIO,
  ratioForKey,
  saveLayout,
  clampRatio,
} from './splitLayout';

interface Props {
  /** The reader (always there, so opening a note never reloads the article). */
  children: ReactNode;
  /** The note beside it, or null. */
  side: ReactNode;
  /** The open note's id, remembered with the ratio. */
  noteId: string | null;
}

/**
 * The reader and the open note side by side, each scrolling on its own, with a divider that is
 * dragged or moved with the arrow keys (a focusable separator). Ratio and note are remembered.
 */
export function SplitView({ children, side, noteId }: Props) {
  const [ratio, setRatio] = useState(() => loadLayout().ratio);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  useEffect(() => saveLayout({ ratio, noteId }), [ratio, noteId]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const rect = box.current?.getBoundingClientRect();
    if (!dragging.current || !rect || rect.width === 0) return;
    setRatio(clampRatio((event.clientX - rect.left) / rect.width));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = ratioForKey(event.key, ratio);
    if (next === null) return;
    event.preventDefault();
    setRatio(next);
  };

  const open = side !== null;
  const percent = Math.round(ratio * 100);
  return (
    <div
      ref={box}
      className={open ? 'split-view is-split' : 'split-view'}
      style={open ? { ['--split-ratio' as string]: String(ratio) } : undefined}
    >
      <div className="split-main">{children}</div>
      {open && (
        <div
          className="split-divider"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize reader and note"
          aria-valuemin={Math.round(MIN_RATIO * 100)}
          aria-valuemax={Math.round(MAX_RATIO * 100)}
          aria-valuenow={percent}
          aria-valuetext={`Reader ${percent}%, note ${100 - percent}%`}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onKeyDown}
        />
      )}
      {open && <div className="split-side">{side}</div>}
    </div>
  );
}
