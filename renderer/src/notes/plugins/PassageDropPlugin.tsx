/**
 * Dropping a passage (dragged from the passages sidebar or a highlight in the reader; the drag
 * itself is set up in links/usePassageDnd) into the note inserts a quote of it where it was dropped.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import { $insertPassageQuote } from '../openNote';
import { isPassageDrag, passageIdFromDrag } from '../../links/dragTypes';

function caretRangeAt(x: number, y: number): Range | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    if (!position) return null;
    const range = document.createRange();
    range.setStart(position.offsetNode, position.offset);
    return range;
  }
  return typeof document.caretRangeFromPoint === 'function'
    ? document.caretRangeFromPoint(x, y)
    : null;
}

export function PassageDropPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!isPassageDrag(event.dataTransfer)) return false;
            event.preventDefault();
            // The window's file-drop handler would refuse anything but files (dropEffect 'none').
            event.stopPropagation();
            if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            if (!isPassageDrag(event.dataTransfer)) return false;
            event.preventDefault();
            const id = passageIdFromDrag(event.dataTransfer);
            if (!id) return true;
            const quote = event.dataTransfer?.getData('text/plain') ?? '';
            const range = caretRangeAt(event.clientX, event.clientY);
            const root = editor.getRootElement();
            editor.update(() => {
              if (range && root?.contains(range.startContainer)) {
                const selection = $createRangeSelection();
                selection.applyDOMRange(range);
                $setSelection(selection);
              } else {
                $setSelection(null);
              }
              $insertPassageQuote(id, quote);
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor],
  );
  return null;
}
