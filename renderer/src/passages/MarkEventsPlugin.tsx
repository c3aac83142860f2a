import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import { MARK_IDS_ATTRIBUTE } from './PassageMarksPlugin';

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
 * Clicks and hovers on highlights. A click that ends a text selection is a selection, not a
 * click on the mark. Links inside marks keep their own click handling.
 */
export function MarkEventsPlugin({ onActivate, onHover }: Props) {
  const [editor] = useLexicalComposerContext();
  const handlers = useRef({ onActivate, onHover });
  useEffect(() => {
    handlers.current = { onActivate, onHover };
  });

  useEffect(() => {
    let hovered: HTMLElement | null = null;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || (event.target instanceof Element && event.target.closest('a[href]'))) return;
      if (document.getSelection()?.isCollapsed === false) return;
      const target = markAt(event.target);
      if (target) handlers.current.onActivate(target);
    };
    const onOver = (event: MouseEvent) => {
      const target = markAt(event.target);
      if (target?.element === hovered) return;
      hovered = target?.element ?? null;
      handlers.current.onHover(target);
    };
    const onLeave = () => {
      hovered = null;
      handlers.current.onHover(null);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      previous?.removeEventListener('mouseover', onOver);
      previous?.removeEventListener('mouseleave', onLeave);
      root?.addEventListener('click', onClick);
      root?.addEventListener('mouseover', onOver);
      root?.addEventListener('mouseleave', onLeave);
    });
  }, [editor]);

  return null;
}
