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
import { SuggestionList } from '../../ui/SuggestionList';
import { mentionMatch } from '../mentionMatch';
import { $createMentionNode } from '../nodes/MentionNode';
import { titleOrUntitled } from '../../../../electron/model/titles';

class MentionOption extends MenuOption {
  constructor(readonly end: LinkEnd) {
    super(`${end.ref.kind}:${end.ref.id}`);
  }
}

const KIND_LABEL = { article: 'Article', passage: 'Passage', note: 'Note' } as const;
const LIMIT = 12;

/** What the picker shows of a suggestion: titles as they are, passages as a short quote. */
function optionLabel(end: LinkEnd): string {
  return shortQuote(titleOrUntitled(end.label), end.ref.kind === 'passage' ? 60 : 120);
}

export function MentionsPlugin({ noteId }: { noteId: string }) {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const found = useSuggestions(query ?? '', query !== null, LIMIT, { kind: 'note', id: noteId });
  const options = useMemo(
    () => found.items.filter((end) => !end.deleted).map((end) => new MentionOption(end)),
    [found.items],
  );

  const onSelect = (option: MentionOption, textNode: TextNode | null, closeMenu: () => void) => {
    editor.update(() => {
      // The whole label (the chip shortens it on screen): exports and Markdown keep all of it.
      const mention = $createMentionNode(option.end.ref, option.end.label);
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
                  <SuggestionList
                    // Lexical's menu element around is the listbox (the editor's aria-controls).
                    role="group"
                    label="Mention"
                    className="mention-options"
                    items={options}
                    itemKey={(option) => option.key}
                    activeIndex={selectedIndex ?? -1}
                    // Lexical points the editor's aria-activedescendant at `typeahead-item-N`.
                    optionId={(i) => `typeahead-item-${i}`}
                    optionClass={() => 'mention-option'}
                    optionRef={(option) => option.setRefElement}
                    onHighlight={setHighlightedIndex}
                    onPick={(i) => {
                      setHighlightedIndex(i);
                      selectOptionAndCleanUp(options[i]!);
                    }}
                    renderItem={(option) => (
                      <>
                        <span className="mention-kind">{KIND_LABEL[option.end.ref.kind]}</span>
                        <span className="mention-label">{optionLabel(option.end)}</span>
                        {option.end.context && (
                          <span className="mention-context">
                            {shortQuote(option.end.context, 60)}
                          </span>
                        )}
                      </>
                    )}
                  />
                )}
              </div>,
              anchor.current,
            )
          : null
      }
    />
  );
}
