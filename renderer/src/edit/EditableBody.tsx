import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useMemo, type RefObject } from 'react';
import type { Body } from '../../../electron/model/body';
import { $setBody } from '../reader/bodyToLexical';
import { ImagesPlugin } from '../reader/ImagesPlugin';
import { readerNodes } from '../reader/readerNodes';
import { readerTheme } from '../reader/readerTheme';
import { CodeBlockEnterPlugin } from './CodeBlockEnterPlugin';

/**
 * Edit mode: the same nodes and look as the reader, editable, without highlights. Correcting the
 * text (junk, typos, paragraph breaks) is all it is for: no formatting toolbar.
 */
export function EditableBody({
  body,
  editorRef,
}: {
  body: Body;
  editorRef: RefObject<LexicalEditor | null>;
}) {
  const initialConfig = useMemo(
    () => ({
      namespace: 'commonplace-edit',
      nodes: [...readerNodes],
      theme: readerTheme,
      editable: true,
      editorState: () => $setBody(body),
      onError: (error: Error) => {
        console.error('The editor failed', error);
      },
    }),
    [body],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <RichTextPlugin
        contentEditable={
          <ContentEditable className="rd-content is-editing" aria-label="Article text (editing)" />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <HistoryPlugin />
      <ImagesPlugin />
      <CodeBlockEnterPlugin />
      <EditorRefPlugin editorRef={editorRef} />
    </LexicalComposer>
  );
}
