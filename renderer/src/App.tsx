import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleSummary } from '../../electron/model/articles';
import type { LibraryEvent } from '../../electron/model/events';
import type { Change } from '../../electron/model/changes';
import { useRendererReady } from './app/useRendererReady';
import { NavigationContext, useNavigation } from './app/navigation';
import { focusPane } from './app/paneFocus';
import { useLibraryEvents } from './app/useLibraryEvents';
import { usePagedLibraryQuery } from './app/usePagedLibraryQuery';
import { ToasterContext } from './app/toasterContext';
import { useShortcuts } from './app/useShortcuts';
import { DropOverlay } from './import/DropOverlay';
import { EmptyLibrary } from './import/EmptyLibrary';
import { ImportButton } from './import/ImportButton';
import { Toasts } from './app/Toasts';
import { useImporter } from './import/useImporter';
import { BulkImportUi } from './import/bulk/BulkImportUi';
import { useBulkImport } from './import/bulk/useBulkImport';
import { useToasts } from './app/useToasts';
import { useWindowFileDrop } from './import/useWindowFileDrop';
import { LibraryPane } from './library/LibraryPane';
import { DEFAULT_VIEW, isNarrowed, listInput, type ListView } from './library/listView';
import { useLibraryQuery } from './app/useLibraryQuery';
import { ImportDetailsButton } from './meta/ImportDetailsButton';
import { ExternalLinksProvider } from './externalLinks/ExternalLinks';
import { NotePane } from './notes/NotePane';
import { LibraryTabs } from './layout/LibraryTabs';
import { SplitView } from './layout/SplitView';
import { LibraryToggle } from './layout/LibraryToggle';
import { PaneSplitter } from './layout/PaneSplitter';
import { LIBRARY_PANE_ID, usePaneLayout } from './layout/usePaneLayout';
import { loadLayout } from './layout/splitLayout';
import { lastOpenArticle, rememberOpenArticle } from './reader/lastOpen';
import { ReaderPane } from './reader/ReaderPane';
import { FindBar } from './search/FindBar';
import { SearchButton } from './search/SearchButton';
import { DeepLinkListener } from './citations/DeepLinkListener';
import { ExportLauncher } from './export/ExportLauncher';
import { SettingsLauncher } from './sync/SettingsLauncher';
import { ShortcutsLauncher } from './shortcuts/ShortcutsSheet';
import { SearchPalette } from './search/SearchPalette';
import { SearchResultsPanel } from './search/SearchResultsPanel';
import { useSearchUi } from './search/useSearchUi';
import { TagsSection } from './tags/TagsSection';
import { TagsContext, useTags } from './tags/useTags';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { LinkDialogProvider } from './links/LinkDialogHost';
import { QuoteNotePickerProvider } from './notes/QuoteNotePicker';
import { NavButtons } from './links/NavButtons';

const PAGE_SIZE = 100;

/**
 * Collections show their names and how many of their articles are out of the trash: an edit of
 * an article (an `update`) changes neither.
 */
function collectionsChange(change: Change): boolean {
  switch (change.entity) {
    case 'collection':
    case 'collection_article':
      return true;
    case 'article':
      return change.op !== 'update';
    default:
      return false;
  }
}

/**
 * Changes that can alter the article list. Filtered by a tag, it lists articles tagged so or
 * holding a passage tagged so: tags, and passages losing or gaining theirs, count too (a new
 * passage gains its tags as `passage_tag` rows).
 */
function articleListChange(change: Change, filtered: boolean, inCollection: boolean): boolean {
  switch (change.entity) {
    case 'article':
    case 'article_tag':
      return true;
    case 'collection':
    case 'collection_article':
      return inCollection;
    case 'tag':
    case 'passage_tag':
      return filtered;
    case 'passage':
      return filtered && change.op !== 'insert';
    default:
      return false;
  }
}

export function App() {
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [view, setView] = useState<ListView>(DEFAULT_VIEW);
  // A filter or order is another list: its own pages, fetched from the top. Note autosaves, links
  // and (unfiltered) passages don't change the article list; refetching it on each would re-render it.
  const pages = usePagedLibraryQuery(
    'articles.list',
    listInput(view, tagFilter),
    (change) => articleListChange(change, tagFilter !== null, view.collection !== null),
    { pageSize: PAGE_SIZE, page: (answer) => answer },
  );
  const collections = useLibraryQuery('collections.list', {}, collectionsChange);
  const tags = useTags();
  // The article and the note open when the window was last left open again.
  const nav = useNavigation({ articleId: lastOpenArticle(), noteId: loadLayout().noteId });
  const openId = nav.place.articleId;
  useEffect(() => rememberOpenArticle(openId), [openId]);
  const { go } = nav;
  const [revealId, setRevealId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const toaster = useToasts();

  const onImported = useCallback(
    (id: string | null) => {
      pages.invalidate();
      if (id === null) return;
      go({ kind: 'article', id });
      setRevealId(id);
    },
    [pages, go],
  );
  const importer = useImporter({ toaster, onImported });
  const pickFiles = useCallback(() => fileInput.current?.click(), []);
  const bulk = useBulkImport({
    fallback: importer.importFiles,
    onFewImported: importer.report,
    onFinished: useCallback(() => pages.invalidate(), [pages]),
  });
  const dragging = useWindowFileDrop((dropped) => void bulk.importDropped(dropped));
  useShortcuts(pickFiles);
  const panes = usePaneLayout();
  const libraryCollapsed = panes.layout.collapsed;

  useLibraryEvents((event: LibraryEvent) => {
    if (event.type === 'import-finished') importer.report(event.results);
  });

  const open = useCallback(
    (article: ArticleSummary) => go({ kind: 'article', id: article.id }),
    [go],
  );
  const search = useSearchUi(
    useCallback(
      (id: string) => {
        go({ kind: 'article', id });
        setRevealId(id);
      },
      [go],
    ),
    nav.arriveAt,
  );
  // Search results show in the library pane: a hidden library opens for them.
  const { showLibrary } = panes;
  useEffect(() => {
    if (search.resultsQuery !== null) showLibrary();
  }, [search.resultsQuery, showLibrary]);
  // Last of App's effects, after every subscription above and in its children (theirs run first).
  useRendererReady();

  return (
    <NavigationContext.Provider value={nav}>
      <ToasterContext.Provider value={toaster}>
        <DeepLinkListener />
        <TagsContext.Provider value={tags}>
          <ExternalLinksProvider>
            <LinkDialogProvider>
              <QuoteNotePickerProvider>
                <div className="app">
                  <header className="app-header" data-pane="toolbar">
                    <NavButtons />
                    <LibraryToggle collapsed={libraryCollapsed} onToggle={panes.toggleLibrary} />
                    <p className="app-name">Commonplace</p>
                    <ImportButton
                      inputRef={fileInput}
                      onFiles={(files) => void bulk.importPicked(files)}
                      onFolder={(files) => void bulk.importFolder(files)}
                    />
                    <ImportDetailsButton />
                    <SearchButton onClick={search.openPalette} />
                    <ExportLauncher articleId={openId} />
                    <SettingsLauncher />
                    <ShortcutsLauncher />
                  </header>
                  <div
                    className={libraryCollapsed ? 'app-panes is-library-collapsed' : 'app-panes'}
                    style={{ ['--library-width' as string]: `${panes.layout.width / 16}rem` }}
                  >
                    <div
                      id={LIBRARY_PANE_ID}
                      hidden={libraryCollapsed}
                      className="library-slot"
                      data-pane="library"
                      data-search-results={search.resultsQuery !== null || undefined}
                    >
                      {search.resultsQuery !== null && (
                        <SearchResultsPanel
                          key={search.resultsQuery}
                          query={search.resultsQuery}
                          onOpenHit={search.openHit}
                          onClose={search.closeResults}
                        />
                      )}
                      <ErrorBoundary
                        title="The library list could not be shown."
                        resetKey={tagFilter}
                      >
                        <LibraryTabs
                          articles={
                            <LibraryPane
                              pages={pages}
                              openId={openId}
                              revealId={revealId}
                              onOpen={open}
                              filters={<TagsSection filter={tagFilter} onFilter={setTagFilter} />}
                              view={view}
                              query={listInput(view, tagFilter)}
                              onView={setView}
                              collections={collections.data ?? []}
                              empty={
                                isNarrowed(view) ? (
                                  <p className="library-message">No articles match.</p>
                                ) : tagFilter === null ? (
                                  <EmptyLibrary onChooseFiles={pickFiles} />
                                ) : (
                                  <p className="library-message">
                                    Nothing is tagged “{tagFilter}” any more.
                                  </p>
                                )
                              }
                            />
                          }
                        />
                      </ErrorBoundary>
                    </div>
                    <PaneSplitter layout={panes.layout} onLayout={panes.setLayout} />
                    <div className="reader-slot" data-pane="reader">
                      <ErrorBoundary
                        title="The reader could not be shown."
                        resetKey={`${openId}:${nav.place.noteId}`}
                        leave={{ label: 'Back to the library', run: () => focusPane('library') }}
                      >
                        <SplitView
                          noteId={nav.place.noteId}
                          side={
                            nav.place.noteId !== null ? (
                              <NotePane noteId={nav.place.noteId} />
                            ) : null
                          }
                        >
                          <FindBar />
                          <ReaderPane articleId={openId} />
                        </SplitView>
                      </ErrorBoundary>
                    </div>
                  </div>
                  <Toasts toasts={toaster.toasts} onDismiss={toaster.dismiss} />
                  <DropOverlay visible={dragging} />
                  <BulkImportUi bulk={bulk} />
                  <SearchPalette
                    open={search.paletteOpen}
                    onClose={search.closePalette}
                    onOpenHit={search.openHit}
                    onShowAll={search.showAll}
                  />
                </div>
              </QuoteNotePickerProvider>
            </LinkDialogProvider>
          </ExternalLinksProvider>
        </TagsContext.Provider>
      </ToasterContext.Provider>
    </NavigationContext.Provider>
  );
}
