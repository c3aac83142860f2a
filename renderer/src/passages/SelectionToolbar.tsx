import { forwardRef, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { PassageColor } from '../../../electron/model/passages';
import { placeNear } from './floatingPosition';
import { COLOR_LABELS, PASSAGE_COLORS, swatchClass } from './passageColors';
import type { ReaderSelection } from './ReaderSelectionPlugin';

interface Props {
  selection: ReaderSelection;
  onHighlight: (color?: PassageColor) => void;
  onTag: () => void;
  onComment: () => void;
  /** Escape: back to the text, selection kept. */
  onLeave: () => void;
  /** The area to stay inside horizontally. */
  bounds: () => DOMRect | undefined;
}

/** Keeps the text selection (and focus) where it is when a toolbar button is pressed with the mouse. */
const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault();

/**
 * The small toolbar over selected text: highlight (default colour or a swatch), or highlight and
 * go straight to tagging or commenting. Arrow keys move between its buttons.
 */
export const SelectionToolbar = forwardRef<HTMLDivElement, Props>(function SelectionToolbar(
  { selection, onHighlight, onTag, onComment, onLeave, bounds },
  ref,
) {
  const box = useRef<HTMLDivElement | null>(null);

  useLayoutEffect(() => {
    if (box.current) placeNear(box.current, selection.rect, 8, bounds());
  }, [selection, bounds]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
    } else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && at >= 0) {
      event.preventDefault();
      const next = (at + (event.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length;
      buttons[next]?.focus();
    }
  };

  return (
    <div
      ref={(element) => {
        box.current = element;
        if (typeof ref === 'function') ref(element);
        else if (ref) ref.current = element;
      }}
      role="toolbar"
      aria-label="Selected text"
      className="selection-toolbar"
      onKeyDown={onKeyDown}
      onMouseDown={keepSelection}
    >
      <button
        type="button"
        className="toolbar-main"
        aria-keyshortcuts="H Control+Shift+H Meta+Shift+H"
        onClick={() => onHighlight()}
      >
        Highlight
      </button>
      {PASSAGE_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={swatchClass(color)}
          aria-label={`Highlight ${COLOR_LABELS[color].toLowerCase()}`}
          title={COLOR_LABELS[color]}
          onClick={() => onHighlight(color)}
        />
      ))}
      <button type="button" onClick={onTag}>
        Tag…
      </button>
      <button type="button" onClick={onComment}>
        Comment…
      </button>
    </div>
  );
});
