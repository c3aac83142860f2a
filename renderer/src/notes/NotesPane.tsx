import { useCallback, useId, useState } from 'react';
import type { Input } from '../../../electron/api/contract';
import type { NoteSummary } from '../../../electron/model/notes';
import { useNav } from '../app/navigation';
import { usePagedLibraryQuery, usePages } from '../app/usePagedLibraryQuery';
import { formatDate } from '../library/formatDate';
import { useTagList } from '../tags/useTags';
import { VirtualListbox } from '../ui/VirtualListbox';
import { useNoteActions } from './useNoteActions';
import { wordCountLabel } from './wordCount';
import { noteTitleOrUntitled } from '../../../electron/model/titles';

const ROW_HEIGHT = 64;
/** Notes number in the hundreds or thousands: a page is a screenful many times over. */
const PAGE_SIZE = 200;

type NoteSort = NonNullable<Input<'notes.list'>['sort']>;

function rowId(index: number): string {
  return `note-row-${index}`;
}

const countFormat = new Intl.NumberFormat();

/** The notes in the library pane: sort, tag filter, New note, keyboard navigable listbox. */
export function NotesPane() {
  const { place, go } = useNav();
  const id = useId();
  const [sort, setSort] = useState<NoteSort>('updated');
  const [tag, setTag] = useState<string | null>(null);
  const list = usePagedLibraryQuery(
    'notes.list',
    tag === null ? { sort } : { sort, tag },
    ['note', 'note_tag', 'tag'],
    { pageSize: PAGE_SIZE, page: (answer) => answer },
  );
  const version = usePages(list);
  const actions = useNoteActions();
  const { tags } = useTagList();
  const total = list.total;
  const count = total ?? 0;
  const wantRows = useCallback((first: number, last: number) => list.want(first, last), [list]);

  const openAt = (index: number) => {
    const note = list.item(index);
    if (note) go({ kind: 'note', id: note.id });
  };
  const onRowKey = (key: string, index: number): boolean => {
    const note = key === 'Delete' ? list.item(index) : undefined;
    if (note) void actions.remove(note);
    return note !== undefined;
  };

  return (
    <nav className="notes-pane" aria-label="Notes">
      <div className="pane-heading">
        <h2 id={`${id}-heading`}>Notes</h2>
        {total !== null && total > 0 && (
          <p className="library-count">{countFormat.format(total)}</p>
        )}
        <button
          type="button"
          className="primary notes-new"
          onClick={() => void actions.create()}
          title="New note (Ctrl+Alt+N)"
        >
          New note
        </button>
      </div>
      <div className="notes-controls">
        <label>
          <span className="sr-only">Sort notes by</span>
          <select
            value={sort}
            onChange={(e) => setSort(e.target.value as NoteSort)}
            aria-label="Sort notes by"
          >
            <option value="updated">Last edited</option>
            <option value="created">Created</option>
            <option value="title">Title</option>
          </select>
        </label>
        <label>
          <span className="sr-only">Show notes tagged</span>
          <select
            value={tag ?? ''}
            onChange={(e) => setTag(e.target.value || null)}
            aria-label="Show notes tagged"
          >
            <option value="">All notes</option>
            {/* Only tags some note carries (and the one chosen, even once no note is left with it). */}
            {tags
              .filter((t) => t.noteCount > 0 || t.name === tag)
              .map((t) => (
                <option key={t.name} value={t.name}>
                  #{t.name} ({t.noteCount})
                </option>
              ))}
          </select>
        </label>
      </div>
      {total === null && list.error === null && (
        <p className="library-message" role="status">
          Loading notes…
        </p>
      )}
      {list.error !== null && (
        <div className="library-message" role="alert">
          <p>The notes could not be loaded: {list.error}</p>
          <button type="button" onClick={() => list.invalidate()}>
            Try again
          </button>
        </div>
      )}
      {total === 0 && (
        <p className="library-message">
          {tag === null
            ? 'No notes yet. New note (Ctrl+Alt+N) starts one beside the reader.'
            : `No note is tagged “${tag}”.`}
        </p>
      )}
      <VirtualListbox
        label="Notes"
        className="library-list notes-list"
        count={count}
        rowHeight={ROW_HEIGHT}
        overscan={8}
        rowId={rowId}
        openIndex={() => (place.noteId ? list.findIndex((n) => n.id === place.noteId) : -1)}
        onOpen={openAt}
        onRowKey={onRowKey}
        onRowsShown={wantRows}
        dataVersion={version}
        renderRow={(row) => {
          const note = list.item(row.index);
          return note ? (
            <NoteRow
              key={note.id}
              index={row.index}
              total={count}
              note={note}
              active={row.active}
              open={note.id === place.noteId}
              top={row.top}
              onPick={row.pick}
            />
          ) : null;
        }}
      />
    </nav>
  );
}

interface RowProps {
  index: number;
  total: number;
  note: NoteSummary;
  active: boolean;
  open: boolean;
  top: number;
  onPick: () => void;
}

function NoteRow({ index, total, note, active, open, top, onPick }: RowProps) {
  const className = ['library-row', 'note-row', active && 'is-active', open && 'is-open']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      id={rowId(index)}
      role="option"
      aria-selected={active}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-current={open ? 'true' : undefined}
      className={className}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      onClick={onPick}
    >
      <span className="library-row-title">
        {noteTitleOrUntitled(note.title.trim() || note.excerpt.trim())}
      </span>
      <span className="library-row-meta">
        {formatDate(note.updatedAt)?.text ?? ''} · {wordCountLabel(note.wordCount)}
        {note.tags.length > 0 && ` · ${note.tags.map((t) => `#${t}`).join(' ')}`}
      </span>
    </div>
  );
}
