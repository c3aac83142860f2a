import { useCallback, useMemo, useRef, useState } from 'react';
import type { ArticleSummary, LibraryEvent } from '../../electron/api/contract';
import { invoke } from './api/client';
import { NavigationContext, useNavigation } from './app/navigation';
import { useLibraryEvents } from './app/useLibraryEvents';
import { ToasterContext } from './app/toasterContext';
import { useShortcuts } from './app/useShortcuts';
import { DropOverlay } from './import/DropOverlay';
import { EmptyLibrary } from './import/EmptyLibrary';
import { ImportButton } from './import/ImportButton';
import { Toasts } from './import/Toasts';
import { useImporter } from './import/useImporter';
import { useToasts } from './import/useToasts';
import { useWindowFileDrop } from './import/useWindowFileDrop';
import { ArticlePages } from './library/articlePages';
import { LibraryPane } from './library/LibraryPane';
import { ExternalLinksProvider } from './links/ExternalLinks';
import { ReaderPane } from './reader/ReaderPane';
import { FindBar } from './search/FindBar';
import { SearchButton } from './search/SearchButton';
import { SearchPalette } from './search/SearchPalette';
import { SearchResultsPanel } from './search/SearchResultsPanel';
import { useSearchUi } from './search/useSearchUi';
import { TagsSection } from './tags/TagsSection';
import { TagsContext, useTags } from './tags/useTags';

const PAGE_SIZE = 100;

export function App() {
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  // A filter is another list: its own pages, fetched from the top.
  const pages = useMemo(
    () => new ArticlePages(async (offset, limit) => invoke('articles.list', tagFilter === null ? { offset, limit } : { offset, limit, tag: tagFilter }), PAGE_SIZE),
    [tagFilter],
  );
  const tags = useTags();
  const nav = useNavigation();
  const openId = nav.place.articleId;
  const { go } = nav;
  const [revealId, setRevealId] = useState<string | null>(null);
  const [readerRevision, setReaderRevision] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const toaster = useToasts();

  const onImported = useCallback(
    (id: string | null) => {
      pages.invalidate();
      if (id === null) return;
      go({ kind: 'article', id });
      setRevealId(id);
      setReaderRevision((n) => n + 1);
    },
    [pages, go],
  );
  const importer = useImporter({ toaster, onImported });
  const pickFiles = useCallback(() => fileInput.current?.click(), []);
  const dragging = useWindowFileDrop((files) => void importer.importFiles(files));
  useShortcuts(pickFiles);

  useLibraryEvents((event: LibraryEvent) => {
    if (event.type === 'import-finished') {
      importer.report(event.results);
      return;
    }
    pages.invalidate();
    if (openId !== null && event.ids.includes(openId)) setReaderRevision((n) => n + 1);
  });

  const open = useCallback((article: ArticleSummary) => go({ kind: 'article', id: article.id }), [go]);
  const search = useSearchUi(
    useCallback(
      (id: string) => {
        go({ kind: 'article', id });
        setRevealId(id);
      },
      [go],
    ),
  );

  return (
    <NavigationContext.Provider value={nav}>
    <ToasterContext.Provider value={toaster}>
      <TagsContext.Provider value={tags}>
        <ExternalLinksProvider>
          <div className="app">
            <header className="app-header" data-pane="toolbar">
              <p className="app-name">Commonplace</p>
              <ImportButton inputRef={fileInput} onFiles={(files) => void importer.importFiles(files)} />
              <SearchButton onClick={search.openPalette} />
            </header>
            <div className="app-panes">
              <div className="library-slot" data-pane="library" data-search-results={search.resultsQuery !== null || undefined}>
                {search.resultsQuery !== null && <SearchResultsPanel key={search.resultsQuery} query={search.resultsQuery} onOpenHit={search.openHit} onClose={search.closeResults} />}
                <LibraryPane
                  pages={pages}
                  openId={openId}
                  revealId={revealId}
                  onOpen={open}
                  filters={<TagsSection filter={tagFilter} onFilter={setTagFilter} />}
                  empty={tagFilter === null ? <EmptyLibrary onChooseFiles={pickFiles} /> : <p className="library-message">Nothing is tagged “{tagFilter}” any more.</p>}
                />
              </div>
              <div className="reader-slot" data-pane="reader">
                <FindBar />
                <ReaderPane articleId={openId} revision={readerRevision} />
              </div>
            </div>
            <Toasts toasts={toaster.toasts} onDismiss={toaster.dismiss} />
            <DropOverlay visible={dragging} />
            <SearchPalette open={search.paletteOpen} onClose={search.closePalette} onOpenHit={search.openHit} onShowAll={search.showAll} />
          </div>
        </ExternalLinksProvider>
      </TagsContext.Provider>
    </ToasterContext.Provider>
    </NavigationContext.Provider>
  );
}
