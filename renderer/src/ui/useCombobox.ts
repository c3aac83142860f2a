/**
 * The keyboard side of the app's suggestion comboboxes (ARIA combobox + listbox pattern): focus
 * stays in the text field, the highlighted option is `aria-activedescendant`. Whenever the list
 * changes the first option is highlighted, so what Enter picks is always what is shown
 * highlighted; the arrows move (wrapping), Enter picks, Escape closes the list only.
 * The note's `[[` picker gets the same behaviour from Lexical's typeahead menu.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';

export interface ComboboxOptions {
  /** The listbox's element id; option `i` is `${listId}-${i}`. */
  listId: string;
  /** The options shown now (0: the list is closed or empty). */
  count: number;
  /** Changes when the options do (a new array of them): the first is highlighted again. */
  items: unknown;
  /**
   * Highlight the first option when the list changes (default). Off (nothing typed yet): no
   * option is highlighted until an arrow key, so Enter keeps its meaning around the field.
   */
  autoHighlight?: boolean;
  onPick: (index: number) => void;
  /** Escape with the list open: close it (the key goes no further). */
  onClose?: () => void;
}

export interface Combobox {
  /** The highlighted option, -1 when there is none. */
  activeIndex: number;
  setActive: (index: number) => void;
  optionId: (index: number) => string;
  /** For the text field: true when the key was the list's (Enter on an option, arrows, Escape). */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => boolean;
  /** The field's ARIA attributes. */
  inputAria: {
    role: 'combobox';
    'aria-autocomplete': 'list';
    'aria-expanded': boolean;
    'aria-controls': string;
    'aria-activedescendant': string | undefined;
  };
}

export function useCombobox({
  listId,
  count,
  items,
  autoHighlight = true,
  onPick,
  onClose,
}: ComboboxOptions): Combobox {
  const first = autoHighlight ? 0 : -1;
  const [active, setActive] = useState(first);
  useEffect(() => setActive(first), [items, first]);
  const activeIndex = count === 0 || active < 0 ? -1 : Math.min(active, count - 1);
  const optionId = (index: number) => `${listId}-${index}`;

  useEffect(() => {
    if (activeIndex >= 0)
      document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return true;
      const down = event.key === 'ArrowDown';
      if (activeIndex < 0) setActive(down ? 0 : count - 1);
      else setActive((activeIndex + (down ? 1 : -1) + count) % count);
      return true;
    }
    if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      onPick(activeIndex);
      return true;
    }
    if (event.key === 'Escape' && count > 0 && onClose) {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return true;
    }
    return false;
  };

  return {
    activeIndex,
    setActive,
    optionId,
    onKeyDown,
    inputAria: {
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': count > 0,
      'aria-controls': listId,
      'aria-activedescendant': activeIndex >= 0 ? optionId(activeIndex) : undefined,
    },
  };
}
