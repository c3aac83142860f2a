import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { ensureMarksAt, MARK_IDS_ATTRIBUTE } from './PassageMarksPlugin';

export interface MarkTarget {
  /** Passage ids of the mark, outermost first. */
  ids: string[];
  element: HTMLElement;
}

interface Props {
  onActivate: (target: MarkTarget) => void;
  onHover: (target: MarkTarget | null) => void;
}

function markAt(node: EventTarget | null): MarkTarget | null {
  if (!(node instanceof Element)) return null;
  const element = node.closest<HTMLElement>(`mark[${MARK_IDS_ATTRIBUTE}]`);
  if (!element) return null;
  const ids = (element.getAttribute(MARK_IDS_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
  return ids.length > 0 ? { ids, element } : null;
}

/**
 * The mark under a pointer event. When its block's MarkNodes were made by this very event (see
 * below), the target it was dispatched to has just left the page: look again at the point.
 */
function markUnder(event: MouseEvent): MarkTarget | null {
  if (!(event.target instanceof Node) || event.target.isConnected) return markAt(event.target);
  return markAt(document.elementFromPoint(event.clientX, event.clientY));
}

/**
 * Clicks and hovers on highlights. A click that ends a text selection is a selection, not a
 * click on the mark. Links inside marks keep their own click handling.
 * Passages just opened may still be painted highlights with no MarkNodes (ProgressiveMarks): the
 * pointer coming over their block (not mid-drag: that may be a selection), a drag entering it or
 * a click in it makes that block's marks first, so every highlight responds from the first frame.
 */
export function MarkEventsPlugin({ onActivate, onHover }: Props) {
  const [editor] = useLexicalComposerContext();
  const handlers = useRef({ onActivate, onHover });
  useEffect(() => {
    handlers.current = { onActivate, onHover };
  });

  useEffect(() => {
    let hovered: HTMLElement | null = null;
    const makeMarks = (event: Event) => {
      if (event instanceof PointerEvent && event.buttons !== 0) return;
      ensureMarksAt(editor, event.target instanceof Node ? event.target : null);
    };
    const onClick = (event: MouseEvent) => {
      if (
        event.button !== 0 ||
        (event.target instanceof Element && event.target.closest('a[href]'))
      )
        return;
      if (document.getSelection()?.isCollapsed === false) return;
      makeMarks(event);
      const target = markUnder(event);
      if (target) handlers.current.onActivate(target);
    };
    const onOver = (event: MouseEvent) => {
      const target = markUnder(event);
      if (target?.element === hovered) return;
      hovered = target?.element ?? null;
      handlers.current.onHover(target);
    };
    const onLeave = () => {
      hovered = null;
      handlers.current.onHover(null);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('pointerover', makeMarks, true);
      previous?.removeEventListener('dragenter', makeMarks, true);
      previous?.removeEventListener('click', onClick);
      previous?.removeEventListener('mouseover', onOver);
      previous?.removeEventListener('mouseleave', onLeave);
      // Capture: the marks exist before anyone else (drag and drop, hover) handles the event.
      root?.addEventListener('pointerover', makeMarks, true);
      root?.addEventListener('dragenter', makeMarks, true);
      root?.addEventListener('click', onClick);
      root?.addEventListener('mouseover', onOver);
      root?.addEventListener('mouseleave', onLeave);
    });
  }, [editor]);

  return null;
}
