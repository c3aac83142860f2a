/**
 * For tests: a real Lexical editor configured as the reader's (same nodes and theme), optionally
 * mounted on a DOM element so the reconciler runs. Needs the jsdom environment.
 */
import { createEditor, type LexicalEditor } from 'lexical';
import { readerNodes } from '../src/reader/readerNodes';
import { readerTheme } from '../src/reader/readerTheme';

const mounted: LexicalEditor[] = [];

export function createReaderEditor(options: { editable?: boolean; mount?: boolean } = {}): {
  editor: LexicalEditor;
  element: HTMLElement | null;
} {
  const editor = createEditor({
    namespace: 'test-reader',
    nodes: [...readerNodes],
    theme: readerTheme,
    editable: options.editable ?? false,
    onError: (error) => {
      throw error;
    },
  });
  if (options.mount === false) return { editor, element: null };
  const element = document.createElement('div');
  document.body.append(element);
  editor.setRootElement(element);
  mounted.push(editor);
  return { editor, element };
}

/** Detaches every mounted editor and empties the document (call in afterEach). */
export function cleanUpReaderEditors(): void {
  for (const editor of mounted.splice(0)) editor.setRootElement(null);
  document.body.replaceChildren();
}
