import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Passage } from '../../../electron/model/passages';
import { QuoteInNoteButton } from '../notes/QuoteInNoteButton';
import { PassageLinksToggle } from '../links/PassageLinksToggle';
import { ITEM_PASSAGE_ATTRIBUTE, usePassageListDnd } from '../links/usePassageDnd';
import {
  estimatedItemSize,
  initialRect,
  measureAfterLayout,
  observeRectAfterLayout,
  scrollUnlessThere,
} from './lazyVirtualizer';
import { COLOR_LABELS, swatchClass } from './passageColors';
import { shortQuote } from './quoteText';
import type { TextRange } from './trimRange';

interface Props {
  passages: Passage[] | null;
  error: string | null;
  /** The reader's current selection, for re-attaching an orphan. */
  selection: TextRange | null;
  onJump: (passage: Passage) => void;
  onEdit: (passage: Passage) => void;
  onReattach: (passage: Passage) => void;
  onDelete: (passage: Passage) => void;
}

const keepSelection = (event: { preventDefault: () => void }) => event.preventDefault();

/**
 * The list is virtualized (as the library's is): only the items in view, plus a few, are in the
 * page, so an article with 1,000 passages opens as fast as one with 60. Items keep their natural
 * height (a quote, tags, a comment, an open links panel): the virtualizer measures them.
 */
const ITEM_ESTIMATE = 110; // px, until items have been measured: a three-line quote and the action row
const OVERSCAN = 6;

function TagsLine({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="passage-tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="tag-pill">
          {tag}
        </li>
      ))}
    </ul>
  );
}

interface ItemProps {
  passage: Passage;
  index: number;
  total: number;
  measure: (element: HTMLElement | null) => void;
  linksOpen: boolean;
  onLinksOpen: (id: string, open: boolean) => void;
  onJump: (passage: Passage) => void;
  onEdit: (passage: Passage) => void;
}

/** One placed passage. Memoized: the reader re-renders on every hover and selection change. */
const PassageItem = memo(function PassageItem({
  passage,
  index,
  total,
  measure,
  linksOpen,
  onLinksOpen,
  onJump,
  onEdit,
}: ItemProps) {
  return (
    <li
      ref={measure}
      data-index={index}
      {...{ [ITEM_PASSAGE_ATTRIBUTE]: passage.id }}
      className="passage-item"
      draggable
      aria-setsize={total}
      aria-posinset={index + 1}
    >
      <span
        className={`passage-color ${swatchClass(passage.color)}`}
        role="img"
        aria-label={COLOR_LABELS[passage.color]}
      />
      <div className="passage-item-body">
        <button type="button" className="passage-jump" onClick={() => onJump(passage)}>
          {shortQuote(passage.quote)}
        </button>
        <TagsLine tags={passage.tags} />
        {passage.comment && <p className="passage-comment">{passage.comment}</p>}
        <button
          type="button"
          className="link-button passage-edit"
          onClick={() => onEdit(passage)}
          aria-label={`Edit passage “${shortQuote(passage.quote, 40)}”`}
        >
          Edit
        </button>
        <PassageLinksToggle
          passage={passage}
          open={linksOpen}
          onOpenChange={(open) => onLinksOpen(passage.id, open)}
        />
        <QuoteInNoteButton passage={passage} />
      </div>
    </li>
  );
});

/** The open article's passages in reading order, and those that couldn't be placed. */
export function PassagesSidebar({
  passages,
  error,
  selection,
  onJump,
  onEdit,
  onReattach,
  onDelete,
}: Props) {
  const { placed, orphans } = useMemo(
    () => ({
      placed: (passages ?? []).filter((p) => !p.orphaned),
      orphans: (passages ?? []).filter((p) => p.orphaned),
    }),
    [passages],
  );
  const panelRef = useRef<HTMLElement>(null);
  usePassageListDnd(panelRef, passages);

  // Stable callbacks for the memoized items; the latest handlers are called through a ref.
  const handlers = useRef({ onJump, onEdit });
  useEffect(() => {
    handlers.current = { onJump, onEdit };
  });
  const jump = useCallback((passage: Passage) => handlers.current.onJump(passage), []);
  const edit = useCallback((passage: Passage) => handlers.current.onEdit(passage), []);
  // Which links panels are open, here rather than in the items: an item scrolled out of the
  // window is unmounted, and its panel should still be open when it comes back.
  const [linksOpen, setLinksOpen] = useState<ReadonlySet<string>>(() => new Set());
  const onLinksOpen = useCallback((id: string, open: boolean) => {
    setLinksOpen((prev) => {
      const next = new Set(prev);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>({
    count: placed.length,
    getScrollElement: () => panelRef.current,
    estimateSize: () => estimatedItemSize(ITEM_ESTIMATE),
    getItemKey: (index) => placed[index]?.id ?? index,
    overscan: OVERSCAN,
    useFlushSync: false,
    initialRect: initialRect(),
    observeElementRect: observeRectAfterLayout,
    measureElement: measureAfterLayout,
    scrollToFn: scrollUnlessThere,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  // The items in view stay in normal flow; padding stands in for the ones before and after.
  const before = first?.start ?? 0;
  const after = last ? Math.max(0, virtualizer.getTotalSize() - last.end) : 0;

  return (
    <section
      ref={panelRef}
      className="passages-panel"
      style={{ overflowAnchor: 'none' }}
      aria-labelledby="passages-heading"
    >
      <div className="pane-heading">
        <h2 id="passages-heading">Passages</h2>
        {passages !== null && passages.length > 0 && (
          <p className="library-count">{passages.length}</p>
        )}
      </div>
      {error !== null && (
        <p className="passages-message" role="alert">
          Passages could not be loaded: {error}
        </p>
      )}
      {passages !== null && passages.length === 0 && error === null && (
        <p className="passages-message">Select text to keep a passage.</p>
      )}
      {placed.length > 0 && (
        <ol
          className="passage-list"
          style={{ paddingTop: before, paddingBottom: `calc(${after}px + 1rem)` }}
        >
          {items.map((item) => {
            const passage = placed[item.index]!;
            return (
              <PassageItem
                key={passage.id}
                passage={passage}
                index={item.index}
                total={placed.length}
                measure={virtualizer.measureElement}
                linksOpen={linksOpen.has(passage.id)}
                onLinksOpen={onLinksOpen}
                onJump={jump}
                onEdit={edit}
              />
            );
          })}
        </ol>
      )}
      {orphans.length > 0 && (
        <div className="passage-orphans">
          <h3>Couldn't place in the current text</h3>
          <p className="passages-message">
            The text changed where these were. Select where each belongs now and re-attach it.
          </p>
          <ul className="passage-list">
            {orphans.map((passage) => (
              <li key={passage.id} className="passage-item is-orphan">
                <span
                  className={`passage-color ${swatchClass(passage.color)}`}
                  role="img"
                  aria-label={COLOR_LABELS[passage.color]}
                />
                <div className="passage-item-body">
                  <blockquote className="passage-orphan-quote">{passage.quote}</blockquote>
                  <TagsLine tags={passage.tags} />
                  {passage.comment && <p className="passage-comment">{passage.comment}</p>}
                  <div className="passage-orphan-actions">
                    <button
                      type="button"
                      disabled={selection === null}
                      onMouseDown={keepSelection}
                      onClick={() => onReattach(passage)}
                    >
                      Re-attach to selection
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onDelete(passage)}
                      aria-label={`Delete passage “${shortQuote(passage.quote, 40)}”`}
                    >
                      Delete
                    </button>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
