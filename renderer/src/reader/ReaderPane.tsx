import { useNav } from '../app/navigation';
import { focusPane } from '../app/paneFocus';
import { usePassages } from '../passages/usePassages';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { ReaderArticle } from './ReaderArticle';
import { READER_PANE_ID } from './readerDom';
import { TrashedBanner } from './TrashedBanner';
import { useArticle } from './useArticle';
import { useMarkRead } from './useMarkRead';

interface Props {
  articleId: string | null;
}

export function ReaderPane({ articleId }: Props) {
  const { state, saved } = useArticle(articleId);
  // Fetched alongside the article, so the body renders once, with its highlights.
  const passages = usePassages(articleId);
  const { arrival, arrived } = useNav();
  const ready = state.status === 'ready' ? state.article : null;
  useMarkRead(ready?.id ?? null, ready?.readAt != null);
  return (
    <main
      id={READER_PANE_ID}
      className={ready?.trashedAt ? 'reader-pane is-trashed' : 'reader-pane'}
      tabIndex={-1}
      aria-busy={state.status === 'loading'}
      // Which article is shown, for search to know when the one it opened has rendered.
      data-article-id={state.status === 'ready' ? state.article.id : undefined}
    >
      {state.status === 'none' && (
        <div className="pane-empty">
          <p className="pane-empty-title">Nothing open</p>
          <p>Choose an article in the library to read it here.</p>
        </div>
      )}
      {state.status === 'loading' && <p className="pane-empty">Opening…</p>}
      {state.status === 'missing' && (
        <div className="pane-empty">
          <p className="pane-empty-title">This article is no longer in the library.</p>
        </div>
      )}
      {state.status === 'error' && (
        <div className="pane-empty" role="alert">
          <p className="pane-empty-title">The article could not be opened.</p>
          <p>{state.message}</p>
        </div>
      )}
      {ready?.trashedAt && <TrashedBanner articleId={ready.id} />}
      {/* Keyed by id: another article starts scrolled to the top; a refresh of this one doesn't. */}
      {state.status === 'ready' && (
        // A body of a shape the app never writes (a restored or foreign library) fails here alone.
        <ErrorBoundary
          title="This article could not be shown."
          resetKey={`${state.article.id}@${state.article.updatedAt}`}
          leave={{ label: 'Back to the library', run: () => focusPane('library') }}
        >
          <ReaderArticle
            key={state.article.id}
            article={state.article}
            passages={passages}
            arrival={arrival?.articleId === state.article.id ? arrival : null}
            onArrived={arrived}
            onSaved={saved}
          />
        </ErrorBoundary>
      )}
    </main>
  );
}
