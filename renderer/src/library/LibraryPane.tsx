import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { ArticleSummary } from '../../../electron/model/articles';
import type { Collection, ListQuery } from '../../../electron/model/library';
import { ARTICLES_DRAG_TYPE } from '../app/internalDrag';
import { isModKey, isTextField } from '../app/keys';
import { useReportError } from '../app/toasterContext';
import { CollectionDropTargets } from './CollectionDropTargets';
import { LibraryControls } from './LibraryControls';
import type { ListView } from './listView';
import { NameDialog } from './NameDialog';
import { RowMenu, type MenuItem } from './RowMenu';
import { SelectionBar } from './SelectionBar';
import { BulkJobProgress } from './BulkJobProgress';
import { articlesTarget, useLibraryActions, type Target } from './useLibraryActions';
import { useListSelection } from './useListSelection';
import type { PageStore, Page } from '../app/pageStore';
import { usePages } from '../app/usePagedLibraryQuery';
import { EditDetailsDialog } from '../meta/EditDetailsDialog';
import { ExportDialog } from '../export/ExportDialog';
import { VirtualListbox, type VirtualListboxHandle } from '../ui/VirtualListbox';
import { ArticleRow, rowId } from './ArticleRow';
import { titleOrUntitled } from '../../../electron/model/titles';

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
  /** The list call's query for the view (and tag filter): what Select all selects. */
  query: ListQuery;
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
  query,
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
  const selected = useListSelection({ pages, query, activeIndex });
  const filterRef = useRef<HTMLInputElement>(null);
  // A row's menu: right click on a row, or the Menu key on the active one; for the selection
  // when the row is in it.
  const [menu, setMenu] = useState<{
    target: Target;
    article: ArticleSummary | null;
    x: number;
    y: number;
  } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const [collectFor, setCollectFor] = useState<Target | null>(null);
  const [exportOf, setExportOf] = useState<{ ids: string[]; what: string } | null>(null);
  const reportError = useReportError();
  const exportSelection = () => {
    const target = selected.target();
    if (!target) return;
    selected
      .ids()
      .then((ids) => ids && setExportOf({ ids, what: target.what }))
      .catch(reportError);
  };
  // Rows being dragged (onto a collection).
  const [dragged, setDragged] = useState<Target | null>(null);

  const trash = (target: Target | null) => {
    if (!target) return;
    void actions.trash(target).then((done) => {
      if (done) selected.clear();
    });
  };
  /** The menu for a row: the selection's when the row is in it and others are too. */
  const openMenu = (index: number, article: ArticleSummary, x: number, y: number) => {
    const target = selected.target();
    if (target && target.count > 1 && selected.rowSelected(index, article)) {
      setMenu({ target, article: null, x, y });
      return;
    }
    if (selected.explicit) selected.clear();
    listRef.current?.moveTo(index);
    setMenu({ target: articlesTarget([article]), article, x, y });
  };
  const onRowKey = (key: string, index: number) => {
    const article = pages.item(index);
    if (!article) return false;
    if (key === 'Delete') {
      trash(selected.target());
      return true;
    }
    if (key !== 'ContextMenu') return false;
    const row = document.getElementById(rowId(index))?.getBoundingClientRect();
    openMenu(index, article, (row?.left ?? 0) + 24, (row?.bottom ?? 0) - 8);
    return true;
  };
  const targetItems = (target: Target, article: ArticleSummary | null): MenuItem[] => [
    article?.readAt
      ? { label: 'Mark as unread', run: () => void actions.setRead(target, false) }
      : { label: 'Mark as read', run: () => void actions.setRead(target, true) },
    ...(article === null
      ? [{ label: 'Mark as unread', run: () => void actions.setRead(target, false) }]
      : []),
    { label: 'Add to collection…', run: () => setCollectFor(target) },
    ...(view.collection
      ? [
          {
            label: `Remove from “${view.collection}”`,
            run: () => void actions.removeFromCollection(target, view.collection!),
          },
        ]
      : []),
    { label: 'Move to trash', run: () => trash(target), danger: true },
  ];
  const menuItems = ({ target, article }: NonNullable<typeof menu>): MenuItem[] =>
    article
      ? [
          { label: 'Open', run: () => onOpen(article) },
          { label: 'Edit details…', run: () => setDetailsFor(article.id) },
          ...targetItems(target, article),
        ]
      : targetItems(target, null);

  const onDragStart = (index: number, article: ArticleSummary, event: DragEvent) => {
    let target = selected.rowSelected(index, article) ? selected.target() : null;
    if (!target) {
      // A row outside the selection is dragged alone (and becomes the selection).
      selected.clear();
      listRef.current?.moveTo(index);
      target = articlesTarget([article]);
    }
    event.dataTransfer.setData(ARTICLES_DRAG_TYPE, target.what);
    event.dataTransfer.setData('text/plain', target.what);
    event.dataTransfer.effectAllowed = 'copy';
    setDragged(target);
  };
  const onDragEnd = useCallback(() => setDragged(null), []);

  // `/` or Ctrl/Cmd+F in the library pane goes to its filter.
  const onPaneKey = (event: KeyboardEvent) => {
    if (isTextField(event.target)) return;
    const inList = event.target instanceof HTMLElement && event.target.id === LIBRARY_LISTBOX_ID;
    if (inList && isModKey(event.nativeEvent, 'a')) {
      event.preventDefault();
      selected.selectAll();
      return;
    }
    if (event.key === 'Escape' && selected.explicit) {
      event.preventDefault();
      event.stopPropagation();
      selected.clear();
      return;
    }
    if (event.key !== '/' && !isModKey(event.nativeEvent, 'f')) return;
    event.preventDefault();
    filterRef.current?.focus();
    filterRef.current?.select();
  };
  const want = useCallback((first: number, last: number) => pages.want(first, last), [pages]);

  return (
    <nav className="library-pane" aria-label="Articles" onKeyDown={onPaneKey}>
      {dragged && (
        <CollectionDropTargets
          collections={collections}
          what={dragged.what}
          onDrop={(name) => {
            const target = dragged;
            setDragged(null);
            if (name === null) setCollectFor(target);
            else void actions.addToCollection(target, name);
          }}
        />
      )}
      {filters}
      <LibraryControls
        view={view}
        onView={onView}
        collections={collections}
        filterRef={filterRef}
      />
      <div className="pane-heading">
        <h2 id="library-heading">Library</h2>
        {total !== null && total > 0 && !selected.explicit && (
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
      <BulkJobProgress jobs={actions.jobs} onCancel={actions.cancelJob} />
      {total === 0 && empty}
      <VirtualListbox
        ref={listRef}
        id={LIBRARY_LISTBOX_ID}
        label="Library"
        multiselectable
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
        onPickRow={selected.onPickRow}
        onMove={selected.onMove}
        renderRow={(row) => {
          const article = pages.item(row.index);
          return (
            <ArticleRow
              key={row.index}
              index={row.index}
              total={count}
              article={article}
              active={row.active}
              selected={selected.rowSelected(row.index, article)}
              open={article !== undefined && article.id === openId}
              style={{ height: ROW_HEIGHT, transform: `translateY(${row.top}px)` }}
              onPick={row.pick}
              onMenu={openMenu}
              onDragStart={onDragStart}
              onDragEnd={onDragEnd}
            />
          );
        }}
      />
      {selected.explicit && count > 0 && (
        <SelectionBar
          count={selected.count}
          collection={view.collection}
          onRead={(read) => {
            const target = selected.target();
            if (target) void actions.setRead(target, read);
          }}
          onCollect={() => setCollectFor(selected.target())}
          onUncollect={() => {
            const target = selected.target();
            if (target && view.collection)
              void actions.removeFromCollection(target, view.collection);
          }}
          onTrash={() => trash(selected.target())}
          onExport={exportSelection}
          onClear={selected.clear}
        />
      )}
      {!selected.explicit && activeArticle && count > 0 && (
        <div className="library-row-actions">
          <span id="library-row-actions-title" className="library-row-actions-title">
            {titleOrUntitled(activeArticle.title)}
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
          label={`Actions for ${menu.target.what}`}
          items={menuItems(menu)}
          onClose={closeMenu}
        />
      )}
      {collectFor && (
        <NameDialog
          title={`Add ${collectFor.what} to a collection`}
          label="Collection"
          confirmLabel="Add"
          suggestions={collections.map((c) => c.name)}
          onCancel={() => setCollectFor(null)}
          onSubmit={(name) => {
            setCollectFor(null);
            void actions.addToCollection(collectFor, name);
          }}
        />
      )}
      {exportOf && (
        <ExportDialog open onClose={() => setExportOf(null)} articleId={null} selected={exportOf} />
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
