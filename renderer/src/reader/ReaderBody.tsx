import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useMemo, useRef, type RefObject } from 'react';
import type { Passage } from '../../../electron/api/contract';
import type { Body } from '../../../electron/core/body';
import type { PageStart } from '../../../electron/core/pages';
import { MarkEventsPlugin, type MarkTarget } from '../passages/MarkEventsPlugin';
import { marksSignature, PassageMarksPlugin, placedRanges } from '../passages/PassageMarksPlugin';
import { ReaderSelectionPlugin, type ReaderSelection } from '../passages/ReaderSelectionPlugin';
import { $setBody } from './bodyToLexical';
import { LinkClickPlugin } from './LinkClickPlugin';
import { PageBreaksPlugin } from './PageBreaksPlugin';
import { readerNodes } from './readerNodes';
import { readerTheme } from './readerTheme';

interface Props {
  body: Body;
  passages: readonly Passage[];
  onLink: (href: string) => void;
  editorRef: RefObject<LexicalEditor | null>;
  onSelection: (selection: ReaderSelection | null) => void;
  onMarkActivate: (target: MarkTarget) => void;
  onMarkHover: (target: MarkTarget | null) => void;
  /** Printed page starts (PDF), drawn as page breaks. */
  pages?: readonly PageStart[] | undefined;
}

/**
 * The article body in a read-only Lexical editor, with passages as highlights. The composer reads
 * its config once, so the parent gives this component a new key for every article (and every new
 * body of one); passage changes re-render the marks in place (PassageMarksPlugin).
 */
export function ReaderBody({ body, passages, onLink, editorRef, onSelection, onMarkActivate, onMarkHover, pages }: Props) {
  // The first render already has the marks: one update, not a bare body and then a second pass.
  const initialPassages = useRef(passages);
  const initialSignature = useMemo(() => marksSignature(placedRanges(initialPassages.current)), []);
  const initialConfig = useMemo(
    () => ({
      namespace: 'commonplace-reader',
      nodes: [...readerNodes],
      theme: readerTheme,
      editable: false,
      editorState: () => $setBody(body, placedRanges(initialPassages.current)),
      onError: (error: Error) => {
        console.error('Reader failed to render the article body', error);
      },
    }),
    [body],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      {/* First: it gives the marks their colours before the content editable renders them. */}
      <PassageMarksPlugin body={body} passages={passages} initialSignature={initialSignature} />
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
      <PageBreaksPlugin body={body} pages={pages} />
      <EditorRefPlugin editorRef={editorRef} />
      <ReaderSelectionPlugin onChange={onSelection} />
      <MarkEventsPlugin onActivate={onMarkActivate} onHover={onMarkHover} />
    </LexicalComposer>
  );
}
