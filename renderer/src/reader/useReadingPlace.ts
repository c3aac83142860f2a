/**
 * Each article's reading place (migration 16): restored when the article opens without a place
 * to go to (from the list, a link to the article, a reload), and saved while reading — a pause
 * in scrolling stores the canonical offset at the top of the screen (textPlaceAtTop), or in the
 * page view the page at the top. (The progress bar follows the scrolling itself: ReadingProgress.)
 */
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { Article } from '../../../electron/model/articles';
import { invoke } from '../api/client';
import { scrollTextTo, textPlaceAtTop } from '../pageview/textPlace';

/** A pause this long in scrolling saves the place (one write per pause, not per frame). */
const SAVE_AFTER_MS = 700;
/** A long text renders in parts: the place is looked for this long before giving up. */
const RESTORE_FOR_MS = 8000;

interface Options {
  article: Article;
  /** The place to start from when the article opens (null: where navigation takes it instead). */
  start: number | null;
  /** Navigation is taking the reader somewhere (a passage, a search hit): that wins. */
  arriving: boolean;
  editorRef: RefObject<LexicalEditor | null>;
  scrollRef: RefObject<HTMLElement | null>;
  /** The page view shows the article: its place is the page at the top (`pagePlace`). */
  paged: boolean;
  pagePlace: RefObject<number>;
  /** The saved place, for the open article's copy (no refetch of the article). */
  onSaved: (article: Article) => void;
}

export interface ReadingPlace {
  /** The page view moved to another page: save after a pause. */
  pageMoved: () => void;
}

export function useReadingPlace({
  article,
  start,
  arriving,
  editorRef,
  scrollRef,
  paged,
  pagePlace,
  onSaved,
}: Options): ReadingPlace {
  // Nothing is saved until the place has been restored (or given up on), so the top of a text
  // still rendering is never written over the stored place.
  const restoring = useRef(start !== null && start > 0 && !paged);
  const saved = useRef(article.readingOffset ?? 0);
  const latest = useRef({ article, onSaved });
  latest.current = { article, onSaved };
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const arrivingRef = useRef(arriving);
  arrivingRef.current = arriving;

  // Restore in the text (the page view opens at `start` itself).
  useEffect(() => {
    if (start === null || start <= 0 || paged) return;
    restoring.current = true;
    const deadline = performance.now() + RESTORE_FOR_MS;
    let frame = 0;
    const tick = () => {
      const editor = editorRef.current;
      const root = scrollRef.current;
      const done = arrivingRef.current || (editor && root && scrollTextTo(editor, root, start));
      if (done || performance.now() > deadline) restoring.current = false;
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      restoring.current = false;
    };
    // Once, when the article opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useCallback(() => {
    timer.current = null;
    if (restoring.current) return;
    const editor = editorRef.current;
    const root = scrollRef.current;
    const offset = paged ? pagePlace.current : editor && root ? textPlaceAtTop(editor, root) : null;
    if (offset === null || offset === saved.current) return;
    saved.current = offset;
    const { article: shown } = latest.current;
    invoke('articles.setReadingPlace', { id: shown.id, offset }).then(
      () => latest.current.onSaved({ ...latest.current.article, readingOffset: offset }),
      // Not worth a toast: the next pause tries again.
      () => {
        saved.current = -1;
      },
    );
  }, [editorRef, scrollRef, paged, pagePlace]);

  // One timer per pause, not one per scroll event: a scroll only notes its time, and the timer,
  // when it fires early, waits out the rest of the pause (clearing and setting a timer on every
  // scroll event showed in the long frames while scrolling).
  const lastMove = useRef(0);
  // The save as of when the timer fires (the view may have switched during the pause).
  const saveNow = useRef(save);
  saveNow.current = save;
  const later = useCallback(() => {
    lastMove.current = performance.now();
    if (timer.current) return;
    const wait = (ms: number) => {
      timer.current = setTimeout(() => {
        const rest = lastMove.current + SAVE_AFTER_MS - performance.now();
        if (rest > 1) wait(rest);
        else saveNow.current();
      }, ms);
    };
    wait(SAVE_AFTER_MS);
  }, []);

  useEffect(() => {
    const root = scrollRef.current;
    if (!root) return;
    // A scroll only restarts the timer: no state here, so scrolling never re-renders the reader.
    root.addEventListener('scroll', later, { passive: true });
    return () => root.removeEventListener('scroll', later);
  }, [scrollRef, later]);

  // The reader going away drops a pending save: its layout is gone, so the place can't be read.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { pageMoved: later };
}
