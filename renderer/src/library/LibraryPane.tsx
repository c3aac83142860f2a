import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import type { ArticlePages } from './articlePages';
import { ArticleRow, rowId } from './ArticleRow';
import { nextIndex } from './listKeys';

/** Rows have one fixed height so the virtualizer never measures (smooth at 100,000 rows). */
const ROW_HEIGHT = 64;
export const LIBRARY_LISTBOX_ID = 'library-listbox';

interface Props {
  pages: ArticlePages;
  openId: string | null;
  /** Make this article the active row and scroll to it once it is in a fetched page. */
  revealId: string | null;
  onOpen: (article: ArticleSummary) => void;
  /** Above the list: the tags to filter it by. */
  filters?: ReactNode;
  empty: ReactNode;
}

const countFormat = new Intl.NumberFormat();

export function LibraryPane({ pages, openId, revealId, onOpen, filters, empty }: Props) {
  const version = useSyncExternalStore(pages.subscribe, pages.getVersion);
  const total = pages.total;
  const count = total ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const [revealed, setRevealed] = useState<string | null>(null);
  const activeIndex = Math.min(active, count - 1);
  const [shownPages, setShownPages] = useState(pages);
  if (shownPages !== pages) {
    // Another list (a tag filter): start over at its top, keeping focus where it is.
    setShownPages(pages);
    setActive(-1);
    setRevealed(null);
  }

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [pages]);

  useEffect(() => {
    pages.want(firstRow, lastRow);
  }, [pages, firstRow, lastRow, version]);

  useEffect(() => {
    if (revealId === null || revealId === revealed) return;
    const index = pages.indexOf(revealId);
    if (index < 0) return;
    setRevealed(revealId);
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [pages, revealId, revealed, version, virtualizer]);

  const moveTo = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const openAt = (index: number) => {
    const article = pages.item(index);
    if (article) onOpen(article);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      if (activeIndex >= 0) {
        event.preventDefault();
        openAt(activeIndex);
      }
      return;
    }
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const next = nextIndex(event.key, activeIndex, count, pageRows);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = () => {
    if (activeIndex >= 0 || count === 0) return;
    const openIndex = openId ? pages.indexOf(openId) : -1;
    moveTo(openIndex >= 0 ? openIndex : 0);
  };

  const activeRendered = rows.some((row) => row.index === activeIndex);

  return (
    <nav className="library-pane" aria-label="Articles">
      {filters}
      <div className="pane-heading">
        <h2 id="library-heading">Library</h2>
        {total !== null && total > 0 && (
          <p className="library-count">
            {countFormat.format(total)} {total === 1 ? 'article' : 'articles'}
          </p>
        )}
      </div>
      {total === null && pages.error === null && (
        <p className="library-message" role="status">
          Loading library…
        </p>
      )}
      {pages.error !== null && (
        <div className="library-message" role="alert">
          <p>The library could not be loaded: {pages.error}</p>
          <button type="button" onClick={() => pages.invalidate()}>
            Try again
          </button>
        </div>
      )}
      {total === 0 && empty}
      <div
        id={LIBRARY_LISTBOX_ID}
        ref={scrollRef}
        role="listbox"
        aria-label="Library"
        tabIndex={0}
        data-pane-focus
        hidden={count === 0}
        aria-activedescendant={activeRendered ? rowId(activeIndex) : undefined}
        className="library-list"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div
          role="presentation"
          className="library-list-sizer"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => {
            const article = pages.item(row.index);
            return (
              <ArticleRow
                key={row.index}
                index={row.index}
                total={count}
                article={article}
                active={row.index === activeIndex}
                open={article !== undefined && article.id === openId}
                style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}
                onPick={(index) => {
                  setActive(index);
                  openAt(index);
                }}
              />
            );
          })}
        </div>
      </div>
    </nav>
  );
}
