import { useEffect, useId, useRef, useState } from 'react';
import type { SearchKind } from '../../../electron/model/search';
import { usePagedLibraryQuery, usePages } from '../app/usePagedLibraryQuery';
import { MatchedTags, Snippet } from './Snippet';
import { useOpenHit } from './useOpenHit';
import { formatCount, KIND_LABEL, type ArticleSearchHit, type SearchResult } from './useSearch';
import { titleOrUntitled } from '../../../electron/model/titles';

const PAGE = 30;

type Filter = 'all' | SearchKind;
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'article', label: KIND_LABEL.article },
  { value: 'passage', label: KIND_LABEL.passage },
  { value: 'note', label: KIND_LABEL.note },
];

const RESULT_KIND_LABEL: Record<SearchKind, string> = {
  article: 'Article',
  passage: 'Passage',
  note: 'Note',
};

interface Props {
  query: string;
  onOpenHit: (hit: ArticleSearchHit) => void;
  onClose: () => void;
}

/** A page of results as the page store holds it: the hits are its rows. */
function resultPage(result: SearchResult) {
  return { ...result, items: result.hits };
}

/** Every result for a query, a page at a time, filterable by kind; stands in for the library list. */
export function SearchResultsPanel({ query, onOpenHit, onClose }: Props) {
  const tabsId = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const openHit = useOpenHit(onOpenHit);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Not refetched on changes: the hits answer what was asked.
  const results = usePagedLibraryQuery(
    'search.query',
    filter === 'all' ? { query } : { query, kind: filter },
    null,
    { pageSize: PAGE, page: resultPage },
  );
  usePages(results);
  const answer = results.answer;
  const loading = results.loading;
  const error = results.error;
  const shown = results.loadedCount();
  const hits = Array.from({ length: shown }, (_, i) => results.item(i)!);
  // The tab counts come from the unfiltered query, so they stay put while switching tabs.
  const [counts, setCounts] = useState<Pick<SearchResult, 'counts' | 'estimated'> | null>(null);
  if (answer && (filter === 'all' || counts === null) && answer.counts !== counts?.counts)
    setCounts({ counts: answer.counts, estimated: answer.estimated });
  const total = answer?.total ?? 0;
  const estimated = counts?.estimated ?? [];

  useEffect(() => {
    headingRef.current?.focus();
  }, [query]);

  const close = () => {
    onClose();
    // The panel and its focus go; the list it stood in for takes the focus back.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[role="listbox"][aria-label="Library"]')?.focus(),
    );
  };

  const count = (value: Filter) => {
    const c = counts?.counts;
    if (!c) return null;
    if (value === 'all') return formatCount(c.article + c.passage + c.note, estimated.length > 0);
    return formatCount(c[value], estimated.includes(value));
  };
  const shownEstimated = filter === 'all' ? estimated.length > 0 : estimated.includes(filter);

  return (
    <section
      className="search-results"
      aria-label="Search results"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        close();
      }}
    >
      <header className="search-results-header">
        <h2 ref={headingRef} tabIndex={-1} className="search-results-title">
          Results for “{query}”
        </h2>
        <button
          type="button"
          className="search-results-close"
          aria-label="Close search results"
          onClick={close}
        >
          ×
        </button>
      </header>
      <div role="tablist" aria-label="Kind" className="search-tabs">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            role="tab"
            id={`${tabsId}-${f.value}`}
            aria-selected={filter === f.value}
            aria-controls={`${tabsId}-panel`}
            tabIndex={filter === f.value ? 0 : -1}
            className="search-tab"
            onClick={() => setFilter(f.value)}
            onKeyDown={(event) => {
              if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
              event.preventDefault();
              const i = FILTERS.findIndex((x) => x.value === filter);
              const next =
                FILTERS[
                  (i + (event.key === 'ArrowRight' ? 1 : FILTERS.length - 1)) % FILTERS.length
                ]!;
              setFilter(next.value);
              document.getElementById(`${tabsId}-${next.value}`)?.focus();
            }}
          >
            {f.label}
            {count(f.value) !== null && <span className="search-count"> {count(f.value)}</span>}
          </button>
        ))}
      </div>
      <div
        id={`${tabsId}-panel`}
        role="tabpanel"
        aria-labelledby={`${tabsId}-${filter}`}
        className="search-results-body"
      >
        {error !== null && (
          <p className="library-message" role="alert">
            Search failed: {error}
          </p>
        )}
        {error === null && !loading && answer !== null && hits.length === 0 && (
          <p className="library-message">No results for “{query}”</p>
        )}
        <ul className="search-results-list">
          {hits.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`}>
              <button type="button" className="search-result" onClick={() => openHit(hit)}>
                <span className="search-result-kind">{RESULT_KIND_LABEL[hit.kind]}</span>
                <span className="search-option-title">{titleOrUntitled(hit.title)}</span>
                <Snippet className="search-snippet" text={hit.snippet} />
                <MatchedTags tags={hit.matchedTags} />
              </button>
            </li>
          ))}
        </ul>
        {loading && (
          <p className="library-message" role="status">
            Searching…
          </p>
        )}
        {!loading && shown < total && (
          <button
            type="button"
            className="search-more"
            onClick={() => results.want(0, shown + PAGE - 1)}
          >
            Load more ({formatCount(total - shown, shownEstimated)} left)
          </button>
        )}
      </div>
    </section>
  );
}
