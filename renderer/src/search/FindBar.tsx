import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useShortcut } from '../app/useShortcut';
import { READER_ARTICLE_ID, READER_PANE_ID, readerEditor } from '../reader/readerDom';
import { findMatches, foldText, type FoldedText } from './findMatcher';
import {
  FIND_ALL_HIGHLIGHT,
  FIND_CURRENT_HIGHLIGHT,
  paint,
  scrollRangeIntoView,
  unpaint,
} from './highlights';
import { domRangesFor, readerText } from './readerRange';

const MAX_MATCHES = 5000;

interface Found {
  ranges: Range[];
  /** The editor and text the ranges were made for: a new article or body means finding again. */
  editor: LexicalEditor | null;
  text: string;
}

const NOTHING: Found = { ranges: [], editor: null, text: '' };

/** Ctrl/Cmd+F over the open article: every match painted, the current one scrolled to. */
export function FindBar() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>(NOTHING);
  const [current, setCurrent] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const folded = useRef<{ text: string; folded: FoldedText } | null>(null);

  // Ctrl/Cmd+F opens the bar (or focuses it again) whenever an article is shown.
  // Unless taken already: Ctrl/Cmd+F in the library pane focuses its filter.
  useShortcut('findInArticle', () => {
    if (!document.getElementById(READER_ARTICLE_ID) || document.querySelector('dialog[open]'))
      return false;
    setOpen(true);
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  });

  const compute = useCallback((): Found => {
    const editor = readerEditor();
    if (!editor || query.trim() === '') return { ranges: [], editor, text: '' };
    const text = readerText(editor);
    if (folded.current?.text !== text) folded.current = { text, folded: foldText(text) };
    const matches = findMatches(folded.current.folded, query, MAX_MATCHES);
    const ranges = domRangesFor(editor, matches).filter((r): r is Range => r !== null);
    return { ranges, editor, text };
  }, [query]);

  // Find again when the query changes; start from the first match and show it.
  useEffect(() => {
    if (!open) return;
    const next = compute();
    setFound(next);
    setCurrent(0);
    if (next.ranges[0]) scrollRangeIntoView(next.ranges[0]);
  }, [open, compute]);

  // The reader re-renders (another article, an edit, new highlights): find again, keep the place.
  useEffect(() => {
    const pane = document.getElementById(READER_PANE_ID);
    if (!open || !pane) return;
    let frame = 0;
    const observer = new MutationObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const next = compute();
        setFound(next);
        setCurrent((i) => Math.min(i, Math.max(0, next.ranges.length - 1)));
      });
    });
    observer.observe(pane, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [open, compute]);

  // Paint: all matches, and the current one on top.
  useEffect(() => {
    if (!open) return;
    paint(FIND_ALL_HIGHLIGHT, found.ranges);
    const here = found.ranges[current];
    paint(FIND_CURRENT_HIGHLIGHT, here ? [here] : []);
  }, [open, found, current]);
  useEffect(
    () => () => {
      unpaint(FIND_ALL_HIGHLIGHT);
      unpaint(FIND_CURRENT_HIGHLIGHT);
    },
    [],
  );

  const move = (delta: number) => {
    const n = found.ranges.length;
    if (n === 0) return;
    const next = (current + delta + n) % n;
    setCurrent(next);
    scrollRangeIntoView(found.ranges[next]!);
  };

  const close = () => {
    setOpen(false);
    unpaint(FIND_ALL_HIGHLIGHT);
    unpaint(FIND_CURRENT_HIGHLIGHT);
    document.getElementById(READER_ARTICLE_ID)?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      move(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  if (!open) return null;
  const n = found.ranges.length;
  const status =
    query.trim() === ''
      ? ''
      : n === 0
        ? 'No matches'
        : `${current + 1} of ${n}${n >= MAX_MATCHES ? '+' : ''}`;

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={inputRef}
        type="text"
        className="find-input"
        aria-label="Find in article"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" role="status" aria-live="polite">
        {status}
      </span>
      <button
        type="button"
        aria-label="Previous match"
        title="Previous (Shift+Enter)"
        disabled={n === 0}
        onClick={() => move(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label="Next match"
        title="Next (Enter)"
        disabled={n === 0}
        onClick={() => move(1)}
      >
        ↓
      </button>
      <button type="button" aria-label="Close find" title="Close (Escape)" onClick={close}>
        ×
      </button>
    </div>
  );
}
