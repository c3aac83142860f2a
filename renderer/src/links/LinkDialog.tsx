import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { EntityRef, LinkEnd } from '../../../electron/model/links';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { useToaster } from '../app/toasterContext';
import { useLibraryQuery } from '../app/useLibraryQuery';
import { Modal } from '../ui/Modal';
import { SuggestionList } from '../ui/SuggestionList';
import { useCombobox } from '../ui/useCombobox';
import { describeRef, KIND_LABEL, type EndDraft } from './linkEnds';
import {
  BUILT_IN_RELATIONS,
  normalizeRelation,
  relationLabel,
  relationProblem,
  type BuiltInRelation,
} from './relations';
import { useSuggestions } from './useSuggestions';
import { titleOrUntitled } from '../../../electron/model/titles';

/** An end given whole, or by reference only (a dragged passage): the dialog names it. */
export type EndInput = EndDraft | EntityRef;

export interface LinkDialogProps {
  from: EndInput;
  /** Pre-filled target (a drop); else the user picks one. */
  to?: EndInput | undefined;
  onClose: () => void;
}

const OTHER = 'other';
type RelationChoice = BuiltInRelation | typeof OTHER;

function isDraft(end: EndInput): end is EndDraft {
  return 'ref' in end;
}

function fromRef(end: EndInput): EntityRef {
  return isDraft(end) ? end.ref : end;
}

/** An end's name while it is being looked up, or if the lookup failed. */
function placeholderEnd(ref: EntityRef): EndDraft {
  return { ref, label: `${KIND_LABEL[ref.kind].toLowerCase()} ${ref.id.slice(-6)}`, context: null };
}

/** Turns an input end into a draft, looking up its name when only the reference is known. */
function useEnd(end: EndInput | undefined): EndDraft | null {
  const ref = end && !isDraft(end) ? end : null;
  const ask = <K extends EntityRef['kind']>(kind: K) => (ref?.kind === kind ? ref.id : null);
  const passageId = ask('passage');
  const noteId = ask('note');
  const articleId = ask('article');
  const passage = useLibraryQuery(
    'passages.lookup',
    passageId === null ? null : { ids: [passageId] },
    null,
  );
  const note = useLibraryQuery('notes.get', noteId === null ? null : { id: noteId }, null);
  const article = useLibraryQuery(
    'articles.get',
    articleId === null ? null : { id: articleId },
    null,
  );
  if (!end) return null;
  if (isDraft(end)) return end;
  return (
    describeRef(end, {
      passage: passage.data?.[0] ?? null,
      note: note.data,
      article: article.data,
    }) ?? placeholderEnd(end)
  );
}

function EndSummary({ end }: { end: EndDraft }) {
  return (
    <span className="links-end">
      <span className="links-kind">{KIND_LABEL[end.ref.kind]}</span>{' '}
      <span className="links-end-label">{titleOrUntitled(end.label)}</span>
      {end.context && <span className="links-end-context"> · {end.context}</span>}
    </span>
  );
}

/**
 * Making a link: from one thing (a passage, an article, a note) to another picked by typing (or
 * dropped), with a built-in or typed relation. The API's refusals (a duplicate, a link to itself)
 * are shown as it words them, and the dialog stays open to fix the choice.
 */
export function LinkDialog({ from, to, onClose }: LinkDialogProps) {
  const id = useId();
  const { show } = useToaster();
  const fromEnd = useEnd(from);
  const givenTo = useEnd(to);
  const [picked, setPicked] = useState<EndDraft | null>(null);
  const [picking, setPicking] = useState(to === undefined);
  const target = picking ? null : (picked ?? givenTo);
  const [query, setQuery] = useState('');
  // Never offered: what the link starts from (linking it to itself is refused).
  const suggestions = useSuggestions(query, picking, undefined, fromRef(from));
  const [choice, setChoice] = useState<RelationChoice>('see-also');
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const relationRef = useRef<HTMLInputElement>(null);
  const customRef = useRef<HTMLInputElement>(null);
  const initialFocus = useRef(to === undefined ? inputRef : relationRef).current;

  const items = suggestions.items;
  const pick = (end: LinkEnd | undefined) => {
    if (!end) return;
    setPicked({ ref: end.ref, label: end.label, context: end.context });
    setPicking(false);
    setError(null);
    // The next choice to make is the relation.
    requestAnimationFrame(() => relationRef.current?.focus());
  };

  const combobox = useCombobox({
    listId: `${id}-list`,
    count: items.length,
    items,
    onPick: (i) => pick(items[i]),
  });
  const onPickerKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (combobox.onKeyDown(event)) return;
    // Enter with nothing to pick never submits the form from here.
    if (event.key === 'Enter') event.preventDefault();
  };

  const relation = choice === OTHER ? normalizeRelation(custom) : choice;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fromEnd) return;
    if (!target) {
      setError('Choose what to link to first.');
      inputRef.current?.focus();
      return;
    }
    const problem = choice === OTHER ? relationProblem(custom) : null;
    if (problem) {
      setError(`The relation can't be used: ${problem}.`);
      customRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await invoke('links.create', { from: fromEnd.ref, to: target.ref, relation });
      show('success', `Linked: “${fromEnd.label}” ${relationLabel(relation)} “${target.label}”`);
      onClose();
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      onClose={onClose}
      labelledBy={`${id}-title`}
      describedBy={`${id}-from`}
      className="link-dialog"
      initialFocus={initialFocus}
      closeOnBackdrop
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id={`${id}-title`}>New link</h2>
        <p id={`${id}-from`} className="link-dialog-from">
          <span className="field-label">From</span>
          {fromEnd && <EndSummary end={fromEnd} />}
        </p>
        <div className="field">
          {picking ? (
            <label className="field-label" htmlFor={`${id}-to`}>
              Link to
            </label>
          ) : (
            <span className="field-label">Link to</span>
          )}
          {picking ? (
            <div className="link-picker">
              <input
                ref={inputRef}
                id={`${id}-to`}
                type="text"
                {...combobox.inputAria}
                aria-describedby={`${id}-pick-status`}
                autoComplete="off"
                spellCheck={false}
                placeholder="Type to find an article, passage or note…"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                onKeyDown={onPickerKey}
              />
              <SuggestionList
                id={`${id}-list`}
                label="Suggestions"
                className="link-suggestions"
                items={items}
                itemKey={(end) => `${end.ref.kind}:${end.ref.id}`}
                activeIndex={combobox.activeIndex}
                optionId={combobox.optionId}
                optionClass={(end) =>
                  end.deleted ? 'link-suggestion is-deleted' : 'link-suggestion'
                }
                onHighlight={combobox.setActive}
                onPick={(i) => pick(items[i])}
                renderItem={(end) => <EndSummary end={end} />}
              />
              <p id={`${id}-pick-status`} className="link-pick-status" role="status">
                {suggestions.error !== null
                  ? `Suggestions failed: ${suggestions.error}`
                  : !suggestions.loading && items.length === 0
                    ? query.trim() === ''
                      ? 'Type a few letters of a title, a quote or a note.'
                      : `Nothing matches “${query.trim()}”.`
                    : ''}
              </p>
            </div>
          ) : (
            <div className="link-target">
              {target && <EndSummary end={target} />}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setPicking(true);
                  setError(null);
                  requestAnimationFrame(() => inputRef.current?.focus());
                }}
              >
                Change
              </button>
            </div>
          )}
        </div>
        <fieldset className="link-relations">
          <legend className="field-label">Relation</legend>
          {BUILT_IN_RELATIONS.map((option) => (
            <label key={option} className="link-relation">
              <input
                ref={
                  option === choice || (choice === OTHER && option === BUILT_IN_RELATIONS[0])
                    ? relationRef
                    : undefined
                }
                type="radio"
                name={`${id}-relation`}
                value={option}
                checked={choice === option}
                onChange={() => setChoice(option)}
              />
              {relationLabel(option)}
            </label>
          ))}
          <label className="link-relation">
            <input
              type="radio"
              name={`${id}-relation`}
              value={OTHER}
              checked={choice === OTHER}
              onChange={() => setChoice(OTHER)}
            />
            other:
          </label>
          <input
            ref={customRef}
            type="text"
            className="link-custom-relation"
            aria-label="Custom relation"
            placeholder="e.g. responds to"
            maxLength={80}
            value={custom}
            onFocus={() => setChoice(OTHER)}
            onChange={(event) => {
              setCustom(event.target.value);
              setChoice(OTHER);
            }}
          />
        </fieldset>
        {error !== null && (
          <p className="link-dialog-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !fromEnd}>
            {busy ? 'Linking…' : 'Create link'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
