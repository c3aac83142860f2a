import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import type { PageStore, Page } from '../app/pageStore';
import { usePages } from '../app/usePagedLibraryQuery';
import { EditDetailsDialog } from '../meta/EditDetailsDialog';
import { VirtualListbox, type VirtualListboxHandle } from '../ui/VirtualListbox';
import { ArticleRow, rowId } from './ArticleRow';

const ROW_HEIGHT = 64;
export const LIBRARY_LISTBOX_ID = 'library-listbox';

interface Props {
  pages: PageStore<Page<ArticleSummary>>;
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
  const version = usePages(pages);
  const total = pages.total;
  const count = total ?? 0;
  const listRef = useRef<VirtualListboxHandle>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [shownPages, setShownPages] = useState(pages);
  if (shownPages !== pages) {
    // Another list (a tag filter): reveal again in it.
    setShownPages(pages);
    setRevealed(null);
  }

  useEffect(() => {
    if (revealId === null || revealId === revealed) return;
    const index = pages.findIndex((a) => a.id === revealId);
    if (index < 0) return;
    setRevealed(revealId);
    listRef.current?.moveTo(index);
  }, [pages, revealId, revealed, version]);

  const openAt = (index: number) => {
    const article = pages.item(index);
    if (article) onOpen(article);
  };
  // Edit details from the list: right click on a row, or the Menu key on the active one.
  const [detailsFor, setDetailsFor] = useState<string | null>(null);
  const onRowKey = (key: string, index: number) => {
    const article = pages.item(index);
    if (key !== 'ContextMenu' || !article) return false;
    setDetailsFor(article.id);
    return true;
  };
  const want = useCallback((first: number, last: number) => pages.want(first, last), [pages]);

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
      <VirtualListbox
        ref={listRef}
        id={LIBRARY_LISTBOX_ID}
        label="Library"
        className="library-list"
        count={count}
        rowHeight={ROW_HEIGHT}
        overscan={10}
        rowId={rowId}
        openIndex={() => (openId ? pages.findIndex((a) => a.id === openId) : -1)}
        onOpen={openAt}
        onRowKey={onRowKey}
        onRowsShown={want}
        dataVersion={version}
        // Another list (a tag filter): start over at its top, keeping focus where it is.
        resetKey={pages}
        renderRow={(row) => {
          const article = pages.item(row.index);
          return (
            <ArticleRow
              key={row.index}
              index={row.index}
              total={count}
              article={article}
              active={row.active}
              open={article !== undefined && article.id === openId}
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.top}px)` }}
              onPick={row.pick}
              onDetails={(a) => setDetailsFor(a.id)}
            />
          );
        }}
      />
      {detailsFor !== null && (
        <EditDetailsDialog
          articleId={detailsFor}
          open
          onClose={() => setDetailsFor(null)}
          // The change event refreshes an open reader; the list shows authors and dates.
          onChanged={() => pages.invalidate()}
        />
      )}
    </nav>
  );
}
