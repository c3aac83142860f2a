import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../electron/model/search';
import { Modal } from '../ui/Modal';
import { MatchedTags, Snippet } from './Snippet';
import { useOpenHit } from './useOpenHit';
import {
  formatCount,
  formatTotal,
  groupHits,
  KIND_LABEL,
  useSearch,
  type ArticleSearchHit,
} from './useSearch';
import { titleOrUntitled } from '../../../electron/model/titles';

const PALETTE_LIMIT = 20;

export const SEARCH_SYNTAX_HINT =
  'words, "a phrase", a OR b, -exclude, prefix*, tag:x, kind:article|passage|note, site:x, before:/after:YYYY-MM-DD, lang:xx';

interface Props {
  open: boolean;
  onClose: () => void;
  onOpenHit: (hit: ArticleSearchHit) => void;
  onShowAll: (query: string) => void;
}

/** Ctrl/Cmd+K: search as you type, results grouped by kind, keyboard-first (combobox + listbox). */
export function SearchPalette({ open, onClose, onOpenHit, onShowAll }: Props) {
  const titleId = useId();
  const hintId = useId();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const search = useSearch(open ? query : '', { limit: PALETTE_LIMIT });
  const groups = useMemo(() => groupHits(search.result?.hits ?? []), [search.result]);
  const flat = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const optionId = (i: number) => `${listId}-option-${i}`;
  const openHit = useOpenHit(onOpenHit);

  useEffect(() => setActive(0), [search.result]);
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onClose();
    openHit(hit);
  };
  const showAll = () => {
    const q = query.trim();
    if (q === '') return;
    onClose();
    onShowAll(q);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (flat.length === 0) return;
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + delta + flat.length) % flat.length);
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'End' && event.ctrlKey) {
      setActive(Math.max(0, flat.length - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) showAll();
      else choose(flat[active]);
    }
  };

  const q = search.query;
  const counts = search.result?.counts;
  let index = 0;

  return (
    <Modal
      open={open}
      onClose={onClose}
      labelledBy={titleId}
      describedBy={hintId}
      className="search-palette"
      initialFocus={inputRef}
      onOpened={() => inputRef.current?.select()}
      closeOnBackdrop
    >
      <h2 id={titleId} className="sr-only">
        Search
      </h2>
      <div className="search-input-row">
        <input
          ref={inputRef}
          type="text"
          className="search-input"
          role="combobox"
          aria-label="Search the library"
          aria-autocomplete="list"
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-activedescendant={flat.length > 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search articles, passages and notes…"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p id={hintId} className="search-hint">
        {SEARCH_SYNTAX_HINT}
      </p>
      <div id={listId} role="listbox" aria-label="Results" className="search-list">
        {groups.map((group) => (
          <div key={group.kind} role="group" aria-labelledby={`${listId}-${group.kind}`}>
            <div id={`${listId}-${group.kind}`} role="presentation" className="search-group-label">
              {KIND_LABEL[group.kind]}{' '}
              <span className="search-count">
                {counts
                  ? formatCount(counts[group.kind], search.result!.estimated.includes(group.kind))
                  : group.hits.length}
              </span>
            </div>
            {group.hits.map((hit) => {
              const i = index++;
              return (
                <div
                  key={`${hit.kind}:${hit.id}`}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="search-option"
                  onMouseMove={() => setActive(i)}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => choose(hit)}
                >
                  <span className="search-option-title">{titleOrUntitled(hit.title)}</span>
                  <Snippet className="search-snippet" text={hit.snippet} />
                  <MatchedTags tags={hit.matchedTags} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="search-footer" role="status">
        {search.error !== null && (
          <span className="search-error">Search failed: {search.error}</span>
        )}
        {search.error === null &&
          q !== '' &&
          search.result &&
          flat.length === 0 &&
          !search.loading && <span>No results for “{q}”</span>}
        {search.loading && flat.length === 0 && <span>Searching…</span>}
      </div>
      {flat.length > 0 && (
        <div className="search-actions">
          <button type="button" onClick={showAll}>
            Show all results{search.result ? ` (${formatTotal(search.result)})` : ''}
          </button>
          <span className="search-keys" aria-hidden="true">
            ↑↓ to move · Enter to open · Ctrl+Enter for all results · Esc to close
          </span>
        </div>
      )}
    </Modal>
  );
}
