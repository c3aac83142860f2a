/**
 * Keeps the note's passage quotes live: looks up every quoted passage (one batched call), again
 * when a change event names one of them or any article (citations carry titles), and writes the
 * current text and citation back into the quote nodes so the saved note holds them too. A
 * deleted passage keeps the node's last text (the view says the source is gone).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs } from '@lexical/utils';
import { $getNodeByKey, $getRoot, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import { affects, changedIds } from '../../../../electron/model/changes';
import { invoke } from '../../api/client';
import { useLibraryEvents } from '../../app/useLibraryEvents';
import { $isPassageQuoteNode, PassageQuoteNode } from '../nodes/PassageQuoteNode';
import { isGone, type QuoteLookup, type QuoteSource } from '../quoteLookup';

/** Quote nodes in the note, by passage id. */
function $quoteIds(): Set<string> {
  const ids = new Set<string>();
  for (const { node } of $dfs($getRoot()))
    if ($isPassageQuoteNode(node)) ids.add(node.getPassageId());
  return ids;
}

/** Writes current texts into the nodes; a no-op (no update, no save) when they already match. */
export function syncQuoteNodes(
  editor: LexicalEditor,
  sources: ReadonlyMap<string, QuoteSource>,
): void {
  const stale = editor.getEditorState().read(() => {
    const keys: string[] = [];
    for (const { node } of $dfs($getRoot())) {
      if (!$isPassageQuoteNode(node)) continue;
      const source = sources.get(node.getPassageId());
      if (!source || source === 'gone' || isGone(source)) continue;
      if (node.getQuote() !== source.quote || node.getCitation() !== source.citation)
        keys.push(node.getKey());
    }
    return keys;
  });
  if (stale.length === 0) return;
  editor.update(
    () => {
      for (const { node } of $dfs($getRoot())) {
        if (!$isPassageQuoteNode(node)) continue;
        const source = sources.get(node.getPassageId());
        if (source && source !== 'gone' && !source.deleted)
          node.setSource(source.quote, source.citation);
      }
    },
    // Not an edit of the user's: it must not be a step of undo.
    { tag: HISTORY_MERGE_TAG },
  );
}

export function QuotesPlugin({ lookup }: { lookup: QuoteLookup }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    lookup.want(editor.getEditorState().read($quoteIds));
    return editor.registerMutationListener(
      PassageQuoteNode,
      (mutations) => {
        const ids = editor.getEditorState().read(() => {
          const found: string[] = [];
          for (const [key, mutation] of mutations) {
            if (mutation !== 'created') continue;
            const node = $getNodeByKey(key);
            if ($isPassageQuoteNode(node)) found.push(node.getPassageId());
          }
          return found;
        });
        lookup.want(ids);
      },
      { skipInitialization: true },
    );
  }, [editor, lookup]);

  useLibraryEvents((event) => {
    if (event.type !== 'changed') return;
    const ids = editor.getEditorState().read($quoteIds);
    if (ids.size === 0) return;
    // Citations carry article titles: any article change may alter every quote.
    if (affects(event, ['article'])) lookup.want(ids, true);
    else
      lookup.want(
        changedIds(event, 'passage').filter((id) => ids.has(id)),
        true,
      );
  });

  return null;
}

/** The lookup a note uses: the API, and the sync back into the editor once results arrive. */
export function lookupPassages(ids: string[]) {
  return invoke('passages.lookup', { ids });
}
