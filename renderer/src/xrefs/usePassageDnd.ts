/**
 * Dragging one passage onto another opens the link dialog with both ends filled in. Sources and
 * targets: the passages sidebar's items and the reader's highlights (drag a selection that starts
 * in a highlight). Drops of anything else are left to whoever else listens (notes take passages too).
 */
import { useEffect, type DragEvent as ReactDragEvent, type HTMLAttributes, type RefObject } from 'react';
import type { Passage } from '../../../electron/api/contract';
import { MARK_IDS_ATTRIBUTE } from '../passages/PassageMarksPlugin';
import { shortQuote } from '../passages/quoteText';
import { isPassageDrag, passageIdFromDrag, setPassageDrag } from './dragTypes';
import type { EndDraft } from './linkEnds';
import { useOpenLinkDialog } from './LinkDialogHost';

const DROP_CLASS = 'is-link-drop-target';

function passageEnd(passage: Passage): EndDraft {
  return { ref: { kind: 'passage', id: passage.id }, label: shortQuote(passage.quote, 160), context: null };
}

/** Props for a sidebar item: drag it to link from it, drop a passage on it to link to it. */
export function usePassageItemDnd(): (passage: Passage) => HTMLAttributes<HTMLElement> {
  const openLinkDialog = useOpenLinkDialog();
  return (passage) => ({
    draggable: true,
    onDragStart: (event: ReactDragEvent<HTMLElement>) => {
      setPassageDrag(event.dataTransfer, passage.id, passage.quote);
      event.dataTransfer.effectAllowed = 'copyLink';
    },
    onDragOver: (event: ReactDragEvent<HTMLElement>) => {
      if (!openLinkDialog || !isPassageDrag(event.dataTransfer)) return;
      event.preventDefault();
      // The window's file-drop handler would set dropEffect 'none' for anything but files.
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'link';
      event.currentTarget.classList.add(DROP_CLASS);
    },
    onDragLeave: (event: ReactDragEvent<HTMLElement>) => event.currentTarget.classList.remove(DROP_CLASS),
    onDrop: (event: ReactDragEvent<HTMLElement>) => {
      event.currentTarget.classList.remove(DROP_CLASS);
      const dragged = passageIdFromDrag(event.dataTransfer);
      if (!openLinkDialog || dragged === null) return;
      event.preventDefault();
      // Dropped back on itself: a slip, not a request for a self-link.
      if (dragged === passage.id) return;
      openLinkDialog({ from: { kind: 'passage', id: dragged }, to: passageEnd(passage) });
    },
  });
}

/** The innermost passage of the highlight under an event's target, with its element. */
function markAt(target: EventTarget | null): { element: HTMLElement; id: string } | null {
  const node = target instanceof Node ? target : null;
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const mark = element?.closest<HTMLElement>(`mark[${MARK_IDS_ATTRIBUTE}]`);
  const ids = (mark?.getAttribute(MARK_IDS_ATTRIBUTE) ?? '').split(' ').filter(Boolean);
  const id = ids[ids.length - 1];
  return mark && id ? { element: mark, id } : null;
}

/** Highlights in the reader as drag sources and drop targets for passages. */
export function useReaderPassageDnd(readerRef: RefObject<HTMLElement | null>, passages: Passage[] | null): void {
  const openLinkDialog = useOpenLinkDialog();
  useEffect(() => {
    const reader = readerRef.current;
    if (!reader) return;
    const byId = new Map((passages ?? []).map((p) => [p.id, p]));
    let over: HTMLElement | null = null;
    const setOver = (element: HTMLElement | null) => {
      if (over === element) return;
      over?.classList.remove(DROP_CLASS);
      over = element;
      over?.classList.add(DROP_CLASS);
    };
    const onDragStart = (event: DragEvent) => {
      const hit = markAt(event.target);
      if (!hit || !event.dataTransfer) return;
      setPassageDrag(event.dataTransfer, hit.id);
    };
    const onDragOver = (event: DragEvent) => {
      const hit = openLinkDialog && isPassageDrag(event.dataTransfer) ? markAt(event.target) : null;
      setOver(hit?.element ?? null);
      if (!hit) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'link';
    };
    const onDragEnd = () => setOver(null);
    const onDrop = (event: DragEvent) => {
      setOver(null);
      const dragged = passageIdFromDrag(event.dataTransfer);
      const hit = markAt(event.target);
      if (!openLinkDialog || dragged === null || !hit) return;
      event.preventDefault();
      if (dragged === hit.id) return;
      const passage = byId.get(hit.id);
      openLinkDialog({ from: { kind: 'passage', id: dragged }, to: passage ? passageEnd(passage) : { kind: 'passage', id: hit.id } });
    };
    reader.addEventListener('dragstart', onDragStart);
    reader.addEventListener('dragover', onDragOver);
    reader.addEventListener('dragleave', onDragEnd);
    reader.addEventListener('dragend', onDragEnd);
    reader.addEventListener('drop', onDrop);
    return () => {
      setOver(null);
      reader.removeEventListener('dragstart', onDragStart);
      reader.removeEventListener('dragover', onDragOver);
      reader.removeEventListener('dragleave', onDragEnd);
      reader.removeEventListener('dragend', onDragEnd);
      reader.removeEventListener('drop', onDrop);
    };
  }, [readerRef, passages, openLinkDialog]);
}
