/**
 * The reader's table of contents: the document's own (an EPUB's navigation, a PDF's outline,
 * stored at import) or else the body's headings (model/contents.ts): a collapsible
 * panel (open or closed is remembered) whose entries jump to their heading, in the text or the
 * page view; the section on screen is marked (aria-current) as the reader scrolls.
 */
import type { LexicalEditor } from 'lexical';
import { useEffect, useId, useMemo, useState, type RefObject } from 'react';
import type { Body } from '../../../electron/model/body';
import { bodyContents, currentEntry, type ContentsEntry } from '../../../electron/model/contents';
import { windowStorage } from '../app/windowStorage';
import type { PageViewHandle } from '../pageview/PageView';
import { scrollTextTo, textPlaceAtTop } from '../pageview/textPlace';

const OPEN_KEY = 'commonplace.contents-open';
/** A long text renders in parts: a heading not rendered yet is looked for this long. */
const JUMP_FOR_MS = 8000;

interface Props {
  body: Body;
  /** The document's own contents (Article.contents); absent or empty: the headings. */
  own?: readonly ContentsEntry[] | undefined;
  editorRef: RefObject<LexicalEditor | null>;
  scrollRef: RefObject<HTMLElement | null>;
  /** The page view is shown: jumps go through it, and its page is the place. */
  paged: boolean;
  pageView: RefObject<PageViewHandle | null>;
  pagePlace: RefObject<number>;
}

export function TableOfContents({
  body,
  own,
  editorRef,
  scrollRef,
  paged,
  pageView,
  pagePlace,
}: Props) {
  const id = useId();
  const contents = useMemo(() => (own?.length ? own : bodyContents(body)), [own, body]);
  const [open, setOpen] = useState(() => windowStorage()?.getItem(OPEN_KEY) === 'true');
  const [current, setCurrent] = useState(-1);

  useEffect(() => {
    try {
      windowStorage()?.setItem(OPEN_KEY, String(open));
    } catch {
      // Full: not remembered.
    }
  }, [open]);

  // The section at the top of the screen, followed as the reader scrolls.
  useEffect(() => {
    const root = scrollRef.current;
    if (!root || !contents.length) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const editor = editorRef.current;
      const place = paged ? pagePlace.current : editor ? textPlaceAtTop(editor, root) : null;
      if (place !== null) setCurrent(currentEntry(contents, place));
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    measure();
    root.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      root.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [contents, editorRef, scrollRef, paged, pagePlace]);

  if (!contents.length) return null;

  const jump = (index: number) => {
    const entry = contents[index]!;
    setCurrent(index);
    if (paged) {
      pageView.current?.showOffset(entry.start);
      return;
    }
    const deadline = performance.now() + JUMP_FOR_MS;
    const tick = () => {
      const editor = editorRef.current;
      const root = scrollRef.current;
      const done = editor && root && scrollTextTo(editor, root, entry.start);
      if (!done && performance.now() < deadline) requestAnimationFrame(tick);
    };
    tick();
  };

  const top = Math.min(...contents.map((c) => c.level));
  return (
    <nav className="reader-toc" aria-label="Contents">
      <button
        type="button"
        className="reader-toc-toggle"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? '▾' : '▸'} Contents ({contents.length})
      </button>
      {open && (
        <ol id={`${id}-list`} className="reader-toc-list">
          {contents.map((entry, i) => (
            <li
              key={`${i}@${entry.start}`}
              style={{ paddingInlineStart: `${entry.level - top}rem` }}
            >
              <button
                type="button"
                aria-current={i === current ? 'location' : undefined}
                onClick={() => jump(i)}
              >
                {entry.title}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}
