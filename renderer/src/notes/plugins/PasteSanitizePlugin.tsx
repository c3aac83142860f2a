/** Pastes with HTML go through the sanitizer first (see pasteSanitize.ts). */
import { $insertDataTransferForRichText } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { withSanitizedHtml } from '../pasteSanitize';

/** Lexical's own clipboard format (copying within notes keeps quotes and mentions); trusted as is. */
const LEXICAL_TYPE = 'application/x-lexical-editor';

export function PasteSanitizePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data || !data.types.includes('text/html') || data.types.includes(LEXICAL_TYPE))
            return false;
          event.preventDefault();
          const clean = withSanitizedHtml(data);
          editor.update(() => {
            const selection = $getSelection();
            if ($isRangeSelection(selection))
              $insertDataTransferForRichText(clean, selection, editor);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
