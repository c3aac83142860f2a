import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useMemo } from 'react';
import type { Body } from '../../../electron/core/body';
import { $setBody } from './bodyToLexical';
import { LinkClickPlugin } from './LinkClickPlugin';
import { readerNodes } from './readerNodes';
import { readerTheme } from './readerTheme';

interface Props {
  body: Body;
  onLink: (href: string) => void;
}

/**
 * The article body in a read-only Lexical editor. The composer reads its config once, so the
 * parent gives this component a new key for every article (and every revision of one).
 */
export function ReaderBody({ body, onLink }: Props) {
  const initialConfig = useMemo(
    () => ({
      namespace: 'commonplace-reader',
      nodes: [...readerNodes],
      theme: readerTheme,
      editable: false,
      editorState: () => $setBody(body),
      onError: (error: Error) => {
        console.error('Reader failed to render the article body', error);
      },
    }),
    [body],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <RichTextPlugin
        contentEditable={
          // Not a text field but a read-only document. Lexical defaults to role=textbox and adds
          // aria-readonly / aria-autocomplete, which are not allowed on a document: unset them.
          <ContentEditable
            className="rd-content"
            role="document"
            aria-label="Article text"
            aria-readonly={undefined}
            aria-autocomplete={undefined}
            spellCheck={false}
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      <LinkClickPlugin onLink={onLink} />
    </LexicalComposer>
  );
}
