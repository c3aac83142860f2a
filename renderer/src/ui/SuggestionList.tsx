/**
 * The listbox under a suggestion combobox (tags, link targets, `[[` mentions): one option per
 * item, the highlighted one marked `aria-selected` and `is-active`; the pointer highlights what
 * it is over, and a click picks without taking focus from the text field.
 */
import type { ReactNode, Ref } from 'react';

interface Props<T> {
  id?: string | undefined;
  /** 'group' inside a listbox someone else renders (Lexical's typeahead menu is one). */
  role?: 'listbox' | 'group';
  label: string;
  className: string;
  items: readonly T[];
  itemKey: (item: T) => string;
  activeIndex: number;
  optionId: (index: number) => string;
  /** Extra class of one option (e.g. a deleted target). */
  optionClass?: ((item: T) => string | undefined) | undefined;
  /** For menus that scroll the highlighted option themselves (Lexical's typeahead). */
  optionRef?: ((item: T) => Ref<HTMLLIElement>) | undefined;
  onHighlight: (index: number) => void;
  onPick: (index: number) => void;
  renderItem: (item: T) => ReactNode;
}

export function SuggestionList<T>({
  id,
  role = 'listbox',
  label,
  className,
  items,
  itemKey,
  activeIndex,
  optionId,
  optionClass,
  optionRef,
  onHighlight,
  onPick,
  renderItem,
}: Props<T>) {
  return (
    <ul
      id={id}
      role={role}
      aria-label={label}
      className={['suggestion-list', className].join(' ')}
      hidden={items.length === 0}
    >
      {items.map((item, i) => (
        <li
          key={itemKey(item)}
          ref={optionRef?.(item)}
          id={optionId(i)}
          role="option"
          aria-selected={i === activeIndex}
          className={['suggestion', optionClass?.(item), i === activeIndex && 'is-active']
            .filter(Boolean)
            .join(' ')}
          onMouseMove={() => {
            if (i !== activeIndex) onHighlight(i);
          }}
          // Before the field's blur, so the click lands and focus stays in the field.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onPick(i)}
        >
          {renderItem(item)}
        </li>
      ))}
    </ul>
  );
}
