import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  INSERT_PARAGRAPH_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import { $isCodeBlockNode } from '../reader/nodes/CodeBlockNode';

/** Enter inside a code block adds a line, as in any editor, instead of doing nothing. */
export function CodeBlockEnterPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_PARAGRAPH_COMMAND,
        () => {
          const selection = $getSelection();
          if (
            !$isRangeSelection(selection) ||
            !$findMatchingParent(selection.anchor.getNode(), $isCodeBlockNode)
          )
            return false;
          selection.insertLineBreak();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
