import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { NoteSummary } from '../../../electron/model/notes';
import { useNav } from '../app/navigation';
import { formatDate } from '../library/formatDate';
import { nextIndex } from '../library/listKeys';
import { useTagList } from '../tags/useTags';
import { useNoteActions } from './useNoteActions';
import { useNotesList, type NoteSort } from './useNotesList';
import { wordCountLabel } from './wordCount';

/** Fixed row height: the virtualizer never measures. */
const ROW_HEIGHT = 64;

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
  const list = useNotesList(sort, tag);
  const actions = useNoteActions();
  const { tags } = useTagList();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const count = list.items.length;
  const activeIndex = Math.min(active, count - 1);

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const rows = virtualizer.getVirtualItems();
  const lastRow = rows[rows.length - 1]?.index ?? 0;
  const { want } = list;
  useEffect(() => want(lastRow), [want, lastRow]);

  const moveTo = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const openAt = (index: number) => {
    const note = list.items[index];
    if (note) go({ kind: 'note', id: note.id });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.key === 'Enter' || event.key === ' ') && activeIndex >= 0) {
      event.preventDefault();
      openAt(activeIndex);
      return;
    }
    if (event.key === 'Delete' && activeIndex >= 0) {
      const note = list.items[activeIndex];
      if (note) {
        event.preventDefault();
        void actions.remove(note);
      }
      return;
    }
    const pageRows = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1,
    );
    const next = nextIndex(event.key, activeIndex, count, pageRows);
    if (next === null) return;
    event.preventDefault();
    moveTo(next);
  };

  const onFocus = () => {
    if (activeIndex >= 0 || count === 0) return;
    const open = place.noteId ? list.items.findIndex((n) => n.id === place.noteId) : -1;
    moveTo(open >= 0 ? open : 0);
  };

  const activeRendered = rows.some((row) => row.index === activeIndex);
  const total = list.total;

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
          <button type="button" onClick={list.refresh}>
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
      <div
        ref={scrollRef}
        role="listbox"
        aria-label="Notes"
        tabIndex={0}
        data-pane-focus
        hidden={count === 0}
        aria-activedescendant={activeRendered ? rowId(activeIndex) : undefined}
        className="library-list notes-list"
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <div
          role="presentation"
          className="library-list-sizer"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => {
            const note = list.items[row.index];
            return note ? (
              <NoteRow
                key={note.id}
                index={row.index}
                total={count}
                note={note}
                active={row.index === activeIndex}
                open={note.id === place.noteId}
                top={row.start}
                onPick={() => {
                  setActive(row.index);
                  openAt(row.index);
                }}
              />
            ) : null;
          })}
        </div>
      </div>
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
        {note.title.trim() || note.excerpt.trim() || 'Untitled note'}
      </span>
      <span className="library-row-meta">
        {formatDate(note.updatedAt)?.text ?? ''} · {wordCountLabel(note.wordCount)}
        {note.tags.length > 0 && ` · ${note.tags.map((t) => `#${t}`).join(' ')}`}
      </span>
    </div>
  );
}
