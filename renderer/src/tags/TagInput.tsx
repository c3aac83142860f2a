import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { addTags, removeTag, suggestTags } from './tagNames';
import { useTagList } from './useTags';

interface Props {
  label: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** The text field (e.g. for a dialog to focus it first). */
  inputRef?: RefObject<HTMLInputElement | null>;
  className?: string;
}

/**
 * Tags as removable chips plus a combobox suggesting known tags. Enter or comma adds what was
 * typed (or the highlighted suggestion); Backspace in the empty field removes the last chip;
 * names differing only in case are one tag.
 */
export function TagInput({ label, tags, onChange, inputRef, className }: Props) {
  const { tags: known } = useTagList();
  const id = useId();
  const listId = `${id}-suggestions`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const ownRef = useRef<HTMLInputElement>(null);
  const input = inputRef ?? ownRef;
  const knownNames = known.map((tag) => tag.name);
  const suggestions = open ? suggestTags(knownNames, text, tags) : [];
  const activeIndex = Math.min(active, suggestions.length - 1);

  const commit = (typed: string) => {
    const next = addTags(tags, typed, knownNames);
    setText('');
    setActive(-1);
    if (next.length !== tags.length) onChange(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      const chosen = activeIndex >= 0 ? suggestions[activeIndex] : undefined;
      if (chosen === undefined && text.trim() === '') {
        if (event.key === ',') event.preventDefault();
        return; // Enter in an empty field does what Enter does around it
      }
      event.preventDefault();
      commit(chosen ?? text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const count = suggestTags(knownNames, text, tags).length;
      if (count === 0) return;
      setActive((current) =>
        event.key === 'ArrowDown' ? (current + 1) % count : current <= 0 ? count - 1 : current - 1,
      );
    } else if (event.key === 'Escape' && suggestions.length > 0) {
      // Close the list only; a second Escape reaches the dialog around.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
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
          role="combobox"
          aria-label={label}
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Add a tag…"
          value={text}
          onChange={(event) => {
            setText(event.target.value.includes(',') ? '' : event.target.value);
            if (event.target.value.includes(',')) commit(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            if (text.trim() !== '') commit(text);
          }}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={`Known tags`}
          className="tag-suggestions"
          hidden={suggestions.length === 0}
        >
          {suggestions.map((name, i) => (
            <li
              key={name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className={i === activeIndex ? 'is-active' : undefined}
              // Before the input's blur, so the click lands.
              onMouseDown={(event) => {
                event.preventDefault();
                commit(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
