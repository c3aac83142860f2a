import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import type { Collection } from '../../../electron/model/library';
import { isModKey, isTextField } from '../app/keys';
import { LibraryControls } from './LibraryControls';
import type { ListView } from './listView';
import { NameDialog } from './NameDialog';
import { RowMenu, type MenuItem } from './RowMenu';
import { useLibraryActions } from './useLibraryActions';
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
  view: ListView;
  onView: (view: ListView) => void;
  collections: readonly Collection[];
}

const countFormat = new Intl.NumberFormat();

export function LibraryPane({
  pages,
  openId,
  revealId,
  onOpen,
  filters,
  empty,
  view,
  onView,
  collections,
}: Props) {
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
  const [detailsFor, setDetailsFor] = useState<string | null>(null);
  // The selected row's own actions sit under the list, not in the row: an option may hold no
  // button, and a button per row would clutter it (right click / the Menu key have the rest).
  const [activeIndex, setActiveIndex] = useState(-1);
  const activeArticle = activeIndex >= 0 ? pages.item(activeIndex) : undefined;
  const actions = useLibraryActions();
  const filterRef = useRef<HTMLInputElement>(null);
  // A row's menu: right click on a row, or the Menu key on the active one.
  const [menu, setMenu] = useState<{ article: ArticleSummary; x: number; y: number } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const [collectFor, setCollectFor] = useState<ArticleSummary | null>(null);
  const onRowKey = (key: string, index: number) => {
    const article = pages.item(index);
    if (!article) return false;
    if (key === 'Delete') {
      void actions.trash([article]);
      return true;
    }
    if (key !== 'ContextMenu') return false;
    const row = document.getElementById(rowId(index))?.getBoundingClientRect();
    setMenu({ article, x: (row?.left ?? 0) + 24, y: (row?.bottom ?? 0) - 8 });
    return true;
  };
  const menuItems = (article: ArticleSummary): MenuItem[] => [
    { label: 'Open', run: () => onOpen(article) },
    { label: 'Edit details…', run: () => setDetailsFor(article.id) },
    article.readAt
      ? { label: 'Mark as unread', run: () => void actions.setRead([article], false) }
      : { label: 'Mark as read', run: () => void actions.setRead([article], true) },
    { label: 'Add to collection…', run: () => setCollectFor(article) },
    ...(view.collection
      ? [
          {
            label: `Remove from “${view.collection}”`,
            run: () => void actions.removeFromCollection([article], view.collection!),
          },
        ]
      : []),
    { label: 'Move to trash', run: () => void actions.trash([article]), danger: true },
  ];
  // `/` or Ctrl/Cmd+F in the library pane goes to its filter.
  const onPaneKey = (event: KeyboardEvent) => {
    if (isTextField(event.target)) return;
    if (event.key !== '/' && !isModKey(event.nativeEvent, 'f')) return;
    event.preventDefault();
    filterRef.current?.focus();
    filterRef.current?.select();
  };
  const want = useCallback((first: number, last: number) => pages.want(first, last), [pages]);

  return (
    <nav className="library-pane" aria-label="Articles" onKeyDown={onPaneKey}>
      {filters}
      <LibraryControls
        view={view}
        onView={onView}
        collections={collections}
        filterRef={filterRef}
      />
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
        onActiveChange={setActiveIndex}
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
              onMenu={(a, x, y) => setMenu({ article: a, x, y })}
            />
          );
        }}
      />
      {activeArticle && count > 0 && (
        <div className="library-row-actions">
          <span id="library-row-actions-title" className="library-row-actions-title">
            {activeArticle.title || 'Untitled'}
          </span>
          <button
            type="button"
            aria-describedby="library-row-actions-title"
            onClick={() => setDetailsFor(activeArticle.id)}
          >
            Edit details…
          </button>
        </div>
      )}
      {menu && (
        <RowMenu
          at={menu}
          label={`Actions for “${menu.article.title || 'Untitled'}”`}
          items={menuItems(menu.article)}
          onClose={closeMenu}
        />
      )}
      {collectFor && (
        <NameDialog
          title={`Add “${collectFor.title || 'Untitled'}” to a collection`}
          label="Collection"
          confirmLabel="Add"
          suggestions={collections.map((c) => c.name)}
          onCancel={() => setCollectFor(null)}
          onSubmit={(name) => {
            setCollectFor(null);
            void actions.addToCollection([collectFor], name);
          }}
        />
      )}
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
