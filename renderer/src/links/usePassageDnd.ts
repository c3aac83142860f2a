/**
 * Dragging one passage onto another opens the link dialog with both ends filled in. Sources and
 * targets: the passages sidebar's items and the reader's highlights (drag a selection that starts
 * in a highlight). Drops of anything else are left to whoever else listens (notes take passages too).
 * One set of listeners per container (the reader, the sidebar's list), never one per item: an
 * article with 1,000 passages would otherwise bind thousands of handlers as it opens.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Passage } from '../../../electron/model/passages';
import { MARK_IDS_ATTRIBUTE } from '../passages/PassageMarksPlugin';
import { shortQuote } from '../passages/quoteText';
import { isPassageDrag, passageIdFromDrag, setPassageDrag } from './dragTypes';
import type { EndDraft } from './linkEnds';
import { useOpenLinkDialog } from './LinkDialogHost';

const DROP_CLASS = 'is-link-drop-target';

/** The attribute a sidebar item carries its passage id in. */
export const ITEM_PASSAGE_ATTRIBUTE = 'data-passage-id';

function passageEnd(passage: Passage): EndDraft {
  return {
    ref: { kind: 'passage', id: passage.id },
    label: shortQuote(passage.quote, 160),
    context: null,
  };
}

/** A passage under an event's target: the element that shows it and its id. */
interface Hit {
  element: HTMLElement;
  id: string;
}

function elementOf(target: EventTarget | null): Element | null {
  const node = target instanceof Node ? target : null;
  return node instanceof Element ? node : (node?.parentElement ?? null);
}

/** The innermost passage of the highlight under an event's target. */
function markAt(target: EventTarget | null): Hit | null {
  const mark = elementOf(target)?.closest<HTMLElement>(`mark[${MARK_IDS_ATTRIBUTE}]`);
  const ids = (mark?.getAttribute(MARK_IDS_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
  const id = ids[ids.length - 1];
  return mark && id ? { element: mark, id } : null;
}

/** The sidebar item under an event's target. */
function itemAt(target: EventTarget | null): Hit | null {
  const item = elementOf(target)?.closest<HTMLElement>(`[${ITEM_PASSAGE_ATTRIBUTE}]`);
  const id = item?.getAttribute(ITEM_PASSAGE_ATTRIBUTE);
  return item && id ? { element: item, id } : null;
}

/**
 * Passages inside `containerRef` as drag sources and drop targets. `hitAt` finds the passage under
 * an event; `withQuote` also puts the quote on the drag as plain text (for drops outside the app).
 */
function usePassageDragAndDrop(
  containerRef: RefObject<HTMLElement | null>,
  passages: Passage[] | null,
  hitAt: (target: EventTarget | null) => Hit | null,
  withQuote: boolean,
): void {
  const openLinkDialog = useOpenLinkDialog();
  // Read on drop only: a new list must not rebind the listeners.
  const byId = useRef(new Map<string, Passage>());
  useEffect(() => {
    byId.current = new Map((passages ?? []).map((p) => [p.id, p]));
  }, [passages]);
  const enabled = passages !== null;

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !enabled) return;
    let over: HTMLElement | null = null;
    const setOver = (element: HTMLElement | null) => {
      if (over === element) return;
      over?.classList.remove(DROP_CLASS);
      over = element;
      over?.classList.add(DROP_CLASS);
    };
    const onDragStart = (event: DragEvent) => {
      const hit = hitAt(event.target);
      if (!hit || !event.dataTransfer) return;
      const quote = withQuote ? byId.current.get(hit.id)?.quote : undefined;
      setPassageDrag(event.dataTransfer, hit.id, quote);
      if (withQuote) event.dataTransfer.effectAllowed = 'copyLink';
    };
    const onDragOver = (event: DragEvent) => {
      const hit = openLinkDialog && isPassageDrag(event.dataTransfer) ? hitAt(event.target) : null;
      setOver(hit?.element ?? null);
      if (!hit) return;
      event.preventDefault();
      // The window's file-drop handler would set dropEffect 'none' for anything but files.
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'link';
    };
    const onDragLeave = (event: DragEvent) => {
      // Leaving for a child of the same target is not leaving it.
      if (over && event.relatedTarget instanceof Node && over.contains(event.relatedTarget)) return;
      setOver(null);
    };
    const onDragEnd = () => setOver(null);
    const onDrop = (event: DragEvent) => {
      setOver(null);
      const dragged = passageIdFromDrag(event.dataTransfer);
      const hit = hitAt(event.target);
      if (!openLinkDialog || dragged === null || !hit) return;
      event.preventDefault();
      // Dropped back on itself: a slip, not a request for a self-link.
      if (dragged === hit.id) return;
      const passage = byId.current.get(hit.id);
      openLinkDialog({
        from: { kind: 'passage', id: dragged },
        to: passage ? passageEnd(passage) : { kind: 'passage', id: hit.id },
      });
    };
    container.addEventListener('dragstart', onDragStart);
    container.addEventListener('dragover', onDragOver);
    container.addEventListener('dragleave', onDragLeave);
    container.addEventListener('dragend', onDragEnd);
    container.addEventListener('drop', onDrop);
    return () => {
      setOver(null);
      container.removeEventListener('dragstart', onDragStart);
      container.removeEventListener('dragover', onDragOver);
      container.removeEventListener('dragleave', onDragLeave);
      container.removeEventListener('dragend', onDragEnd);
      container.removeEventListener('drop', onDrop);
    };
  }, [containerRef, enabled, openLinkDialog, hitAt, withQuote]);
}

/** Highlights in the reader as drag sources and drop targets for passages (null: off, e.g. while editing). */
export function useReaderPassageDnd(
  readerRef: RefObject<HTMLElement | null>,
  passages: Passage[] | null,
): void {
  usePassageDragAndDrop(readerRef, passages, markAt, false);
}

/** The sidebar's items (`draggable`, with ITEM_PASSAGE_ATTRIBUTE) inside `listRef`: drag one to link from it, drop a passage on one to link to it. */
export function usePassageListDnd(
  listRef: RefObject<HTMLElement | null>,
  passages: Passage[] | null,
): void {
  usePassageDragAndDrop(listRef, passages, itemAt, true);
}
