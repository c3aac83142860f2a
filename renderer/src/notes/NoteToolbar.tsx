import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
  type TextFormatType,
} from 'lexical';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { $createCodeBlockNode } from '../reader/nodes/CodeBlockNode';
import { safeLinkUrl } from './linkUrl';

interface Formats {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  code: boolean;
  link: boolean;
}
const NO_FORMATS: Formats = {
  bold: false,
  italic: false,
  underline: false,
  code: false,
  link: false,
};

function sameFormats(a: Formats, b: Formats): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.code === b.code &&
    a.link === b.link
  );
}

/** Formatting buttons for the note editor; every one has a name and, for toggles, a pressed state. */
export function NoteToolbar() {
  const [editor] = useLexicalComposerContext();
  const [formats, setFormats] = useState(NO_FORMATS);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [url, setUrl] = useState('https://');
  const [linkError, setLinkError] = useState<string | null>(null);
  const urlId = useId();

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read(() => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return NO_FORMATS;
            return {
              bold: selection.hasFormat('bold'),
              italic: selection.hasFormat('italic'),
              underline: selection.hasFormat('underline'),
              code: selection.hasFormat('code'),
              link: $findMatchingParent(selection.anchor.getNode(), $isLinkNode) !== null,
            };
          });
          // Only a real change re-renders the toolbar: typing stays cheap.
          setFormats((now) => (sameFormats(now, next) ? now : next));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (payload) => (setCanUndo(payload), false),
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (payload) => (setCanRedo(payload), false),
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  const format = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const block = (make: () => ElementNode) =>
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) $setBlocksType(selection, make);
    });
  const heading = (tag: HeadingTagType) => block(() => $createHeadingNode(tag));

  const submitLink = (event: FormEvent) => {
    event.preventDefault();
    const safe = safeLinkUrl(url);
    if (!safe) {
      setLinkError('Links must start with http://, https:// or mailto:');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, safe);
    setLinkOpen(false);
    setLinkError(null);
    editor.focus();
  };

  const toggle = (
    label: string,
    pressed: boolean,
    run: () => void,
    text: string,
    shortcut?: string,
  ) => (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );
  const action = (label: string, run: () => void, text: string, disabled = false) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {text}
    </button>
  );

  return (
    <div className="note-toolbar-wrap">
      <div className="note-toolbar" role="toolbar" aria-label="Formatting">
        {action('Undo', () => editor.dispatchCommand(UNDO_COMMAND, undefined), '↶', !canUndo)}
        {action('Redo', () => editor.dispatchCommand(REDO_COMMAND, undefined), '↷', !canRedo)}
        <span className="note-toolbar-sep" aria-hidden="true" />
        {toggle('Bold', formats.bold, () => format('bold'), 'B', 'Ctrl+B')}
        {toggle('Italic', formats.italic, () => format('italic'), 'I', 'Ctrl+I')}
        {toggle('Underline', formats.underline, () => format('underline'), 'U', 'Ctrl+U')}
        {toggle('Inline code', formats.code, () => format('code'), '</>')}
        <span className="note-toolbar-sep" aria-hidden="true" />
        {action('Paragraph', () => block(() => $createParagraphNode()), '¶')}
        {action('Heading 1', () => heading('h1'), 'H1')}
        {action('Heading 2', () => heading('h2'), 'H2')}
        {action('Heading 3', () => heading('h3'), 'H3')}
        {action('Block quote', () => block(() => $createQuoteNode()), '❝')}
        {action('Code block', () => block(() => $createCodeBlockNode()), '{ }')}
        <span className="note-toolbar-sep" aria-hidden="true" />
        {action(
          'Bulleted list',
          () => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined),
          '•',
        )}
        {action(
          'Numbered list',
          () => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined),
          '1.',
        )}
        {action(
          'Checklist',
          () => editor.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined),
          '☑',
        )}
        {action(
          'Insert table',
          () => editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3' }),
          '▦',
        )}
        {toggle(
          formats.link ? 'Remove link' : 'Link',
          formats.link,
          () => {
            if (formats.link) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
            else setLinkOpen((open) => !open);
          },
          '🔗',
        )}
      </div>
      {linkOpen && (
        <form className="note-link-form" onSubmit={submitLink}>
          <label htmlFor={urlId}>Link to</label>
          <input
            id={urlId}
            type="url"
            value={url}
            autoFocus
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                setLinkOpen(false);
                editor.focus();
              }
            }}
            aria-invalid={linkError !== null}
            aria-describedby={linkError ? `${urlId}-error` : undefined}
          />
          <button type="submit">Add link</button>
          {linkError && (
            <p id={`${urlId}-error`} className="note-link-error" role="alert">
              {linkError}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
