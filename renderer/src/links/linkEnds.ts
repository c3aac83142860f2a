/**
 * The ends of a link as the link dialog and the panels show them, and following one: a passage is
 * looked up first (links name it by id; navigation needs its article and place).
 */
import { useCallback } from 'react';
import type { EntityRef } from '../../../electron/model/links';
import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useReportError, useToaster } from '../app/toasterContext';
import { shortQuote } from '../passages/quoteText';
import { navTargetFor } from './linkRows';
import { noteTitleOrUntitled, titleOrUntitled } from '../../../electron/model/titles';

/** One end of a link being made: what it is and how to name it. */
export interface EndDraft {
  ref: EntityRef;
  label: string;
  /** Where it lives (a passage's article title). */
  context: string | null;
}

export const KIND_LABEL: Record<EntityRef['kind'], string> = {
  article: 'Article',
  passage: 'Passage',
  note: 'Note',
};

/** What the lookups of a thing known only by its id answered (null: not yet, or not found). */
export interface Looked {
  passage: { quote: string; article: { title: string } } | null;
  note: { title: string } | null;
  article: { title: string } | null;
}

/** Names a thing known only by its id (a dragged passage, say), once its lookup answered. */
export function describeRef(ref: EntityRef, looked: Looked): EndDraft | null {
  switch (ref.kind) {
    case 'passage': {
      const found = looked.passage;
      return found
        ? {
            ref,
            label: shortQuote(found.quote, 160),
            context: titleOrUntitled(found.article.title),
          }
        : null;
    }
    case 'note':
      return looked.note
        ? { ref, label: noteTitleOrUntitled(looked.note.title), context: null }
        : null;
    case 'article':
      return looked.article
        ? { ref, label: titleOrUntitled(looked.article.title), context: null }
        : null;
  }
}

/** Follows a link end: opens the note or article, or scrolls the reader to the passage and flashes it. */
export function useFollowRef(): (ref: EntityRef) => Promise<void> {
  const { go } = useNav();
  const { show } = useToaster();
  const reportError = useReportError();
  return useCallback(
    async (ref: EntityRef) => {
      try {
        const passage =
          ref.kind === 'passage'
            ? ((await invoke('passages.lookup', { ids: [ref.id] }))[0] ?? null)
            : null;
        const target = navTargetFor(ref, passage);
        if (target) go(target);
        else show('error', 'That passage was deleted; there is nothing to open.');
      } catch (error) {
        reportError(error);
      }
    },
    [go, show, reportError],
  );
}
