import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { useMemo, useState, type RefObject } from 'react';
import type { Passage } from '../../../electron/model/passages';
import type { Body } from '../../../electron/model/body';
import type { PageStart } from '../../../electron/model/pages';
import { MarkEventsPlugin, type MarkTarget } from '../passages/MarkEventsPlugin';
import { PassageMarksPlugin, placedRanges } from '../passages/PassageMarksPlugin';
import { browserHighlights } from '../passages/passageHighlights';
import { ReaderSelectionPlugin, type ReaderSelection } from '../passages/ReaderSelectionPlugin';
import { $setBody } from './bodyToLexical';
import { LinkClickPlugin } from './LinkClickPlugin';
import { ImagesPlugin } from './ImagesPlugin';
import { PageBreaksPlugin } from './PageBreaksPlugin';
import { readerNodes } from './readerNodes';
import { readerTheme } from './readerTheme';

interface Props {
  body: Body;
  /** Null until they are loaded: the text shows without them meanwhile. */
  passages: readonly Passage[] | null;
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
export function ReaderBody({
  body,
  passages,
  onLink,
  editorRef,
  onSelection,
  onMarkActivate,
  onMarkHover,
  pages,
}: Props) {
  // The passages of the first render (null: not loaded yet): painted as highlights in the first
  // frame that has them (their MarkNodes follow while the page is idle), or, without the highlight
  // API, built as marks in the first state.
  const [initialRanges] = useState(() => (passages === null ? null : placedRanges(passages)));
  const [highlights] = useState(browserHighlights);
  const initialConfig = useMemo(
    () => ({
      namespace: 'commonplace-reader',
      nodes: [...readerNodes],
      theme: readerTheme,
      editable: false,
      editorState: () => $setBody(body, highlights || initialRanges === null ? [] : initialRanges),
      onError: (error: Error) => {
        console.error('Reader failed to render the article body', error);
      },
    }),
    [body, highlights, initialRanges],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      {/* First: it gives the marks their colours before the content editable renders them. */}
      <PassageMarksPlugin
        body={body}
        passages={passages}
        initialRanges={initialRanges}
        highlights={highlights}
      />
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
      <ImagesPlugin />
      <EditorRefPlugin editorRef={editorRef} />
      <ReaderSelectionPlugin onChange={onSelection} />
      <MarkEventsPlugin onActivate={onMarkActivate} onHover={onMarkHover} />
    </LexicalComposer>
  );
}
