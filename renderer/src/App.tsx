import { useCallback, useRef, useState } from 'react';
import type { ArticleSummary, LibraryEvent } from '../../electron/api/contract';
import { invoke } from './api/client';
import { useLibraryEvents } from './app/useLibraryEvents';
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

const PAGE_SIZE = 100;

export function App() {
  const [pages] = useState(() => new ArticlePages(async (offset, limit) => invoke('articles.list', { offset, limit }), PAGE_SIZE));
  const [openId, setOpenId] = useState<string | null>(null);
  const [revealId, setRevealId] = useState<string | null>(null);
  const [readerRevision, setReaderRevision] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const toaster = useToasts();

  const onImported = useCallback(
    (id: string | null) => {
      pages.invalidate();
      if (id === null) return;
      setOpenId(id);
      setRevealId(id);
      setReaderRevision((n) => n + 1);
    },
    [pages],
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

  const open = useCallback((article: ArticleSummary) => setOpenId(article.id), []);

  return (
    <ExternalLinksProvider>
      <div className="app">
        <header className="app-header" data-pane="toolbar">
          <p className="app-name">Commonplace</p>
          <ImportButton inputRef={fileInput} onFiles={(files) => void importer.importFiles(files)} />
        </header>
        <div className="app-panes">
          <div className="library-slot" data-pane="library">
            <LibraryPane pages={pages} openId={openId} revealId={revealId} onOpen={open} empty={<EmptyLibrary onChooseFiles={pickFiles} />} />
          </div>
          <div className="reader-slot" data-pane="reader">
            <ReaderPane articleId={openId} revision={readerRevision} />
          </div>
        </div>
        <Toasts toasts={toaster.toasts} onDismiss={toaster.dismiss} />
        <DropOverlay visible={dragging} />
      </div>
    </ExternalLinksProvider>
  );
}
