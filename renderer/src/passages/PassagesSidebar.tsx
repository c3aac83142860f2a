import { useEffect, useState } from 'react';
import type { Passage } from '../../../electron/api/contract';
import { QuoteInNoteButton } from '../notes/QuoteInNoteButton';
import { PassageLinksToggle } from '../xrefs/PassageLinksToggle';
import { usePassageItemDnd } from '../xrefs/usePassageDnd';
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

/** Items rendered at once, then more each frame: an article with 1,000 passages opens without waiting for the list. */
const FIRST_ITEMS = 60;
const MORE_ITEMS = 250;

function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST_ITEMS);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => setCount((n) => n + MORE_ITEMS), 16);
    return () => clearTimeout(timer);
  }, [count, total]);
  return Math.min(count, total);
}

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

/** The open article's passages in reading order, and those that couldn't be placed. */
export function PassagesSidebar({ passages, error, selection, onJump, onEdit, onReattach, onDelete }: Props) {
  const placed = (passages ?? []).filter((p) => !p.orphaned);
  const orphans = (passages ?? []).filter((p) => p.orphaned);
  const shown = useProgressiveCount(placed.length);
  const dnd = usePassageItemDnd();
  return (
    <section className="passages-panel" aria-labelledby="passages-heading">
      <div className="pane-heading">
        <h2 id="passages-heading">Passages</h2>
        {passages !== null && passages.length > 0 && <p className="library-count">{passages.length}</p>}
      </div>
      {error !== null && (
        <p className="passages-message" role="alert">
          Passages could not be loaded: {error}
        </p>
      )}
      {passages !== null && passages.length === 0 && error === null && <p className="passages-message">Select text to keep a passage.</p>}
      {placed.length > 0 && (
        <ol className="passage-list">
          {placed.slice(0, shown).map((passage) => (
            <li key={passage.id} className="passage-item" {...dnd(passage)}>
              <span className={`passage-color ${swatchClass(passage.color)}`} role="img" aria-label={COLOR_LABELS[passage.color]} />
              <div className="passage-item-body">
                <button type="button" className="passage-jump" onClick={() => onJump(passage)}>
                  {shortQuote(passage.quote)}
                </button>
                <TagsLine tags={passage.tags} />
                {passage.comment && <p className="passage-comment">{passage.comment}</p>}
                <button type="button" className="link-button passage-edit" onClick={() => onEdit(passage)} aria-label={`Edit passage “${shortQuote(passage.quote, 40)}”`}>
                  Edit
                </button>
                <PassageLinksToggle passage={passage} />
                <QuoteInNoteButton passage={passage} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <div className="passage-orphans">
          <h3>Couldn't place in the current text</h3>
          <p className="passages-message">The text changed where these were. Select where each belongs now and re-attach it.</p>
          <ul className="passage-list">
            {orphans.map((passage) => (
              <li key={passage.id} className="passage-item is-orphan">
                <span className={`passage-color ${swatchClass(passage.color)}`} role="img" aria-label={COLOR_LABELS[passage.color]} />
                <div className="passage-item-body">
                  <blockquote className="passage-orphan-quote">{passage.quote}</blockquote>
                  <TagsLine tags={passage.tags} />
                  {passage.comment && <p className="passage-comment">{passage.comment}</p>}
                  <div className="passage-orphan-actions">
                    <button type="button" disabled={selection === null} onMouseDown={keepSelection} onClick={() => onReattach(passage)}>
                      Re-attach to selection
                    </button>
                    <button type="button" className="link-button" onClick={() => onDelete(passage)} aria-label={`Delete passage “${shortQuote(passage.quote, 40)}”`}>
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
