import type { Article } from '../../../electron/api/contract';
import { ArticleMeta } from '../library/ArticleMeta';
import { useOpenExternal } from '../links/ExternalLinks';
import { openableUrl } from '../links/externalUrl';
import { ReaderBody } from './ReaderBody';
import { useArticle } from './useArticle';

export const READER_PANE_ID = 'reader-pane';
export const READER_ARTICLE_ID = 'reader-article';

interface Props {
  articleId: string | null;
  /** Bumped when a change event names the open article. */
  revision: number;
}

export function ReaderPane({ articleId, revision }: Props) {
  const state = useArticle(articleId, revision);
  return (
    <main id={READER_PANE_ID} className="reader-pane" tabIndex={-1} aria-busy={state.status === 'loading'}>
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
      {/* Keyed by id: another article starts scrolled to the top; a refresh of this one doesn't. */}
      {state.status === 'ready' && <ReaderArticle key={state.article.id} article={state.article} />}
    </main>
  );
}

/** A BCP 47-looking tag or nothing: an invalid `lang` attribute misleads screen readers. */
function validLang(lang: string | null): string | undefined {
  return lang !== null && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(lang) ? lang : undefined;
}

function ReaderArticle({ article }: { article: Article }) {
  const openExternal = useOpenExternal();
  const source = article.source !== null ? openableUrl(article.source) : null;
  return (
    // Focusable so the keyboard can scroll it (it is the scrolling region) and F6 can reach it.
    <article id={READER_ARTICLE_ID} aria-label="Reader" className="reader" tabIndex={0} data-pane-focus lang={validLang(article.lang)}>
      <div className="reader-column">
        <header className="reader-header">
          <h1 className="reader-title">{article.title || 'Untitled'}</h1>
          {article.subtitle && <p className="reader-subtitle">{article.subtitle}</p>}
          <p className="reader-meta">
            <ArticleMeta article={article} />
            {source && (
              <a
                className="reader-source"
                href={source}
                onClick={(event) => {
                  event.preventDefault();
                  openExternal(source);
                }}
              >
                View original
              </a>
            )}
          </p>
        </header>
        <ReaderBody key={`${article.id}@${article.updatedAt}`} body={article.body} onLink={openExternal} />
      </div>
    </article>
  );
}
