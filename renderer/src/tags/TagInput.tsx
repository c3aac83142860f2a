import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { SuggestionList } from '../ui/SuggestionList';
import { useCombobox } from '../ui/useCombobox';
import { addTags, cleanTagName, removeTag, suggestTags, tagKey } from './tagNames';
import { useTagList } from './useTags';

interface Props {
  label: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** The text field (e.g. for a dialog to focus it first). */
  inputRef?: RefObject<HTMLInputElement | null>;
  className?: string;
}

/** An option: a known tag, or (last) the typed name as a new tag. */
interface TagOption {
  name: string;
  isNew: boolean;
}

/** Known tags matching what was typed, then the typed name itself when it is no known tag. */
function tagOptions(known: readonly string[], typed: string, chosen: readonly string[]) {
  const options: TagOption[] = suggestTags(known, typed, chosen).map((name) => ({
    name,
    isNew: false,
  }));
  const name = cleanTagName(typed);
  const key = tagKey(name);
  const taken = [...known, ...chosen].some((other) => tagKey(other) === key);
  if (name !== '' && !taken) options.push({ name, isNew: true });
  return options;
}

/**
 * Tags as removable chips plus a combobox suggesting known tags. Enter adds the highlighted
 * option (the first known tag matching, else "Add “typed”"); a comma adds what was typed;
 * Backspace in the empty field removes the last chip; names differing only in case are one tag.
 */
export function TagInput({ label, tags, onChange, inputRef, className }: Props) {
  const { tags: known } = useTagList();
  const id = useId();
  const listId = `${id}-suggestions`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const ownRef = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownRef;
  const knownNames = known.map((tag) => tag.name);
  const shown = open ? tagOptions(knownNames, text, tags) : [];

  const commit = (typed: string) => {
    const next = addTags(tags, typed, knownNames);
    setText('');
    if (next.length !== tags.length) onChange(next);
  };
  const combobox = useCombobox({
    listId,
    count: shown.length,
    // Compared by value: a new list of the same names keeps the highlight where it is.
    items: shown.map((option) => option.name).join('\n'),
    autoHighlight: text.trim() !== '',
    onPick: (i) => commit(shown[i]!.name),
    onClose: () => setOpen(false),
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open) {
        event.preventDefault();
        setOpen(true);
        return;
      }
    }
    if (combobox.onKeyDown(event)) return;
    if (event.key === 'Enter' || event.key === ',') {
      if (text.trim() === '') {
        if (event.key === ',') event.preventDefault();
        return; // Enter in an empty field does what Enter does around it
      }
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className={['tag-input', className].filter(Boolean).join(' ')}>
      {tags.length > 0 && (
        <ul className="tag-chips" aria-label={`${label}: chosen`}>
          {tags.map((tag) => (
            <li key={tag} className="tag-chip">
              <span>{tag}</span>
              <button
                type="button"
                className="tag-chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onChange(removeTag(tags, tag))}
              />
            </li>
          ))}
        </ul>
      )}
      <div className="tag-input-field">
        <input
          ref={input}
          type="text"
          {...combobox.inputAria}
          aria-label={label}
          autoComplete="off"
          spellCheck={false}
          placeholder="Add a tag…"
          value={text}
          onChange={(event) => {
            const typed = event.target.value;
            setOpen(true);
            if (typed.includes(',')) commit(typed);
            else setText(typed);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            if (text.trim() !== '') commit(text);
          }}
          onKeyDown={onKeyDown}
        />
        <SuggestionList
          id={listId}
          label="Known tags"
          className="tag-suggestions"
          items={shown}
          itemKey={(option) => (option.isNew ? `new:${option.name}` : option.name)}
          activeIndex={combobox.activeIndex}
          optionId={combobox.optionId}
          onHighlight={combobox.setActive}
          onPick={(i) => commit(shown[i]!.name)}
          renderItem={(option) => (option.isNew ? `Add new tag “${option.name}”` : option.name)}
        />
      </div>
    </div>
  );
}
