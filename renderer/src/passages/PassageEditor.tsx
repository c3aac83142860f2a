import { useId, useRef, useState, type RefObject } from 'react';
import type { Passage } from '../../../electron/model/passages';
import { TagInput } from '../tags/TagInput';
import { Modal } from '../ui/Modal';
import { CopyCitationButton } from '../citations/CopyCitationButton';
import { QuoteInNoteButton } from '../notes/QuoteInNoteButton';
import { Backlinks } from '../links/Backlinks';
import { placeNear } from './floatingPosition';
import { COLOR_LABELS, PASSAGE_COLORS, swatchClass } from './passageColors';
import { shortQuote } from './quoteText';
import type { PassageActions } from './usePassageActions';

export type EditorFocus = 'tags' | 'comment' | 'colour';

interface Props {
  passage: Passage;
  /** Other passages at the same place (overlaps), to switch to. */
  others: Passage[];
  /** Where the passage is on screen; the dialog sits next to it (centred when null). */
  anchor: DOMRect | null;
  focus: EditorFocus;
  actions: PassageActions;
  onSwitch: (id: string) => void;
  onClose: () => void;
  /** Where the focus goes on closing when what opened it is gone (the reader). */
  returnFocus?: RefObject<HTMLElement | null>;
}

/**
 * Editing one passage: colour and tags save as they change, the comment when the dialog closes
 * (Done, Escape or a click outside: typing is never thrown away). Delete can be undone.
 */
export function PassageEditor({
  passage,
  others,
  anchor,
  focus,
  actions,
  onSwitch,
  onClose,
  returnFocus,
}: Props) {
  const id = useId();
  const [comment, setComment] = useState(passage.comment);
  // Colour and tags show the choice at once; the saved passage replaces them when it arrives.
  const [color, setColor] = useState({ saved: passage.color, shown: passage.color });
  if (color.saved !== passage.color) setColor({ saved: passage.color, shown: passage.color });
  const [tags, setTags] = useState({ saved: passage.tags, shown: passage.tags });
  if (tags.saved !== passage.tags) setTags({ saved: passage.tags, shown: passage.tags });
  const colourRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const tagsRef = useRef<HTMLInputElement>(null);
  const initialFocus = focus === 'comment' ? commentRef : focus === 'tags' ? tagsRef : colourRef;

  const close = () => {
    if (comment.trim() !== passage.comment.trim()) void actions.update({ id: passage.id, comment });
    onClose();
  };

  return (
    <Modal
      open
      onClose={close}
      labelledBy={`${id}-title`}
      describedBy={`${id}-quote`}
      className="passage-editor"
      initialFocus={initialFocus}
      {...(returnFocus ? { returnFocus } : {})}
      closeOnBackdrop
      onOpened={(dialog) => {
        if (!anchor) {
          dialog.classList.add('is-centered');
          return;
        }
        // The links panel fills in after opening; a box placed for its first height would then
        // run off the bottom of the window, so it is placed again whenever its size changes.
        placeNear(dialog, anchor);
        const observer = new ResizeObserver(() => placeNear(dialog, anchor));
        observer.observe(dialog);
        return () => observer.disconnect();
      }}
    >
      <h2 id={`${id}-title`}>Passage</h2>
      <blockquote id={`${id}-quote`} className="passage-editor-quote">
        {passage.quote}
      </blockquote>
      <fieldset className="swatches">
        <legend>Colour</legend>
        {PASSAGE_COLORS.map((option) => (
          <label key={option} className={swatchClass(option)} title={COLOR_LABELS[option]}>
            <input
              ref={option === color.shown ? colourRef : undefined}
              type="radio"
              name={`${id}-color`}
              value={option}
              checked={color.shown === option}
              onChange={() => {
                setColor({ ...color, shown: option });
                void actions.update({ id: passage.id, color: option });
              }}
            />
            <span className="sr-only">{COLOR_LABELS[option]}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <span className="field-label" aria-hidden="true">
          Tags
        </span>
        <TagInput
          label="Tags"
          tags={tags.shown}
          inputRef={tagsRef}
          onChange={(next) => {
            setTags({ ...tags, shown: next });
            void actions.update({ id: passage.id, tags: next });
          }}
        />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-comment`}>
          Comment
        </label>
        <textarea
          id={`${id}-comment`}
          ref={commentRef}
          rows={4}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
        />
      </div>
      {others.length > 0 && (
        <div className="passage-editor-others">
          <p className="field-label">Also here</p>
          <ul>
            {others.map((other) => (
              <li key={other.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    if (comment.trim() !== passage.comment.trim())
                      void actions.update({ id: passage.id, comment });
                    onSwitch(other.id);
                  }}
                >
                  “{shortQuote(other.quote, 80)}”
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Backlinks
        target={{ kind: 'passage', id: passage.id }}
        label={shortQuote(passage.quote, 160)}
        onNavigate={close}
      />
      <CopyCitationButton passage={passage} />
      <div className="dialog-actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            onClose();
            void actions.remove(passage);
          }}
        >
          Delete passage
        </button>
        <QuoteInNoteButton passage={passage} className="" onDone={close} />
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </div>
    </Modal>
  );
}
