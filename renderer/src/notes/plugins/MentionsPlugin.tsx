/**
 * `[[` opens a picker of articles, passages and notes (`links.suggest`, filtered as you type);
 * choosing one replaces the `[[query` with a MentionNode.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { LexicalTypeaheadMenuPlugin, MenuOption } from '@lexical/react/LexicalTypeaheadMenuPlugin';
import type { TextNode } from 'lexical';
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { LinkEnd } from '../../../../electron/model/links';
import { useSuggestions } from '../../links/useSuggestions';
import { shortQuote } from '../../passages/quoteText';
import { mentionMatch } from '../mentionMatch';
import { $createMentionNode } from '../nodes/MentionNode';

class MentionOption extends MenuOption {
  constructor(readonly end: LinkEnd) {
    super(`${end.ref.kind}:${end.ref.id}`);
  }
}

const KIND_LABEL = { article: 'Article', passage: 'Passage', note: 'Note' } as const;
const LIMIT = 12;

/** The label a mention shows: titles as they are, passages as a short quote. */
export function mentionLabel(end: LinkEnd): string {
  return shortQuote(end.label || 'Untitled', end.ref.kind === 'passage' ? 60 : 120);
}

export function MentionsPlugin({ noteId }: { noteId: string }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const found = useSuggestions(query ?? '', query !== null, LIMIT);
  const options = useMemo(
    () =>
      found.items
        .filter((end) => end.ref.id !== noteId && !end.deleted)
        .map((end) => new MentionOption(end)),
    [found.items, noteId],
  );

  const onSelect = (option: MentionOption, textNode: TextNode | null, closeMenu: () => void) => {
    editor.update(() => {
      const mention = $createMentionNode(option.end.ref, mentionLabel(option.end));
      if (textNode) textNode.replace(mention);
      mention.select();
      closeMenu();
    });
  };

  return (
    <LexicalTypeaheadMenuPlugin<MentionOption>
      onQueryChange={setQuery}
      onSelectOption={onSelect}
      triggerFn={(text) => mentionMatch(text)}
      options={options}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) =>
        anchor.current
          ? createPortal(
              <div className="mention-menu">
                {options.length === 0 ? (
                  <p className="mention-empty">
                    {found.loading ? 'Searching…' : 'Nothing matches'}
                  </p>
                ) : (
                  <ul role="listbox" aria-label="Mention">
                    {options.map((option, i) => (
                      <li
                        key={option.key}
                        ref={option.setRefElement}
                        role="option"
                        // Lexical points the editor's aria-activedescendant at `typeahead-item-N`.
                        id={`typeahead-item-${i}`}
                        aria-selected={selectedIndex === i}
                        className={
                          selectedIndex === i ? 'mention-option is-selected' : 'mention-option'
                        }
                        onMouseEnter={() => setHighlightedIndex(i)}
                        onMouseDown={(event) => event.preventDefault()}
                        onClick={() => {
                          setHighlightedIndex(i);
                          selectOptionAndCleanUp(option);
                        }}
                      >
                        <span className="mention-kind">{KIND_LABEL[option.end.ref.kind]}</span>
                        <span className="mention-label">{mentionLabel(option.end)}</span>
                        {option.end.context && (
                          <span className="mention-context">
                            {shortQuote(option.end.context, 60)}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>,
              anchor.current,
            )
          : null
      }
    />
  );
}
