import { useEffect, useState, type RefObject } from 'react';
import type { Collection } from '../../../electron/model/library';
import { ARTICLE_SORTS, DEFAULT_DIRECTION } from '../../../electron/model/library';
import { invoke } from '../api/client';
import { useReportError } from '../app/toasterContext';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { SORT_LABELS, type ListView } from './listView';
import { NameDialog } from './NameDialog';
import { TrashDialog } from './TrashDialog';

interface Props {
  view: ListView;
  onView: (view: ListView) => void;
  collections: readonly Collection[];
  filterRef: RefObject<HTMLInputElement | null>;
}

/** Typing waits this long before the list is asked again. */
const FILTER_DELAY_MS = 120;

/**
 * Above the library list: type-to-filter (title, author, site), sort and direction, read state,
 * collection (with rename and delete), and the trash.
 */
export function LibraryControls({ view, onView, collections, filterRef }: Props) {
  const [typed, setTyped] = useState(view.filter);
  const [dialog, setDialog] = useState<'trash' | 'rename' | 'delete' | null>(null);
  const reportError = useReportError();
  useEffect(() => {
    if (typed === view.filter) return;
    const timer = setTimeout(() => onView({ ...view, filter: typed }), FILTER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, view, onView]);
  const collection = collections.find((c) => c.name === view.collection) ?? null;

  return (
    <div className="library-controls">
      <input
        ref={filterRef}
        type="search"
        className="library-filter"
        aria-label="Filter the library by title, author or site"
        placeholder="Filter…  ( / )"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || typed === '') return;
          // Esc clears the filter (a second Esc goes on to whatever else it does).
          event.preventDefault();
          event.stopPropagation();
          setTyped('');
          onView({ ...view, filter: '' });
        }}
      />
      <div className="library-control-row">
        <select
          aria-label="Sort by"
          value={view.sort}
          onChange={(event) => {
            const sort = event.target.value as ListView['sort'];
            onView({ ...view, sort, direction: DEFAULT_DIRECTION[sort] });
          }}
        >
          {ARTICLE_SORTS.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="library-direction"
          aria-label={view.direction === 'asc' ? 'Ascending order' : 'Descending order'}
          title="Reverse the order"
          onClick={() => onView({ ...view, direction: view.direction === 'asc' ? 'desc' : 'asc' })}
        >
          {view.direction === 'asc' ? '↑' : '↓'}
        </button>
        <select
          aria-label="Read state"
          value={view.read}
          onChange={(event) => onView({ ...view, read: event.target.value as ListView['read'] })}
        >
          <option value="all">All</option>
          <option value="unread">Unread</option>
          <option value="read">Read</option>
        </select>
      </div>
      <div className="library-control-row">
        <select
          aria-label="Collection"
          value={view.collection ?? ''}
          onChange={(event) => onView({ ...view, collection: event.target.value || null })}
        >
          <option value="">All articles</option>
          {collections.map((c) => (
            <option key={c.id} value={c.name}>
              {c.name} ({c.count})
            </option>
          ))}
        </select>
        {collection && (
          <>
            <button type="button" className="link-button" onClick={() => setDialog('rename')}>
              Rename…
            </button>
            <button type="button" className="link-button" onClick={() => setDialog('delete')}>
              Delete…
            </button>
          </>
        )}
        <button type="button" className="link-button" onClick={() => setDialog('trash')}>
          Trash
        </button>
      </div>
      {dialog === 'trash' && <TrashDialog onClose={() => setDialog(null)} />}
      {dialog === 'rename' && collection && (
        <NameDialog
          title={`Rename collection “${collection.name}”`}
          label="New name"
          confirmLabel="Rename"
          initial={collection.name}
          onCancel={() => setDialog(null)}
          onSubmit={(name) => {
            setDialog(null);
            invoke('collections.rename', { id: collection.id, name })
              .then((c) => onView({ ...view, collection: c.name }))
              .catch(reportError);
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'delete' && collection !== null}
        title={`Delete collection “${collection?.name ?? ''}”?`}
        message="Its articles stay in the library and in their other collections."
        confirmLabel="Delete collection"
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          if (!collection) return;
          invoke('collections.delete', { id: collection.id })
            .then(() => onView({ ...view, collection: null }))
            .catch(reportError);
        }}
      />
    </div>
  );
}
