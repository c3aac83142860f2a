/**
 * One note, editable: title, formatting toolbar, the Lexical editor with its plugins, word count
 * and save state. Saving is automatic (see Autosaver) and flushed on blur, when another note
 * opens (unmount) and as the page goes away (exitFlush).
 */
import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { CLEAR_HISTORY_COMMAND, type LexicalEditor } from 'lexical';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { EntityRef } from '../../../electron/model/links';
import type { Note, NoteSummary } from '../../../electron/model/notes';
import { invoke } from '../api/client';
import { errorCode, errorText } from '../api/errors';
import { useNav } from '../app/navigation';
import { useReportError } from '../app/toasterContext';
import { CodeBlockEnterPlugin } from '../edit/CodeBlockEnterPlugin';
import { useOpenExternal } from '../externalLinks/ExternalLinks';
import { Autosaver, type SaveState } from './autosaver';
import { BlockWordCounts } from './blockWordCounts';
import { registerExitSaver, type NoteUpdate } from './exitFlush';
import { safeLinkUrl } from './linkUrl';
import { NOTE_TRANSFORMERS } from './markdownShortcuts';
import { checkNoteDoc, isEmptyDoc, toNoteDoc } from './noteDocs';
import { noteNodes } from './noteNodes';
import { noteTheme } from './noteTheme';
import { NoteToolbar } from './NoteToolbar';
import { setOpenNote } from './openNote';
import { MentionsPlugin } from './plugins/MentionsPlugin';
import { LinkSafetyPlugin } from './plugins/LinkSafetyPlugin';
import { NoteClicksPlugin } from './plugins/NoteClicksPlugin';
import { PassageDropPlugin } from './plugins/PassageDropPlugin';
import { PasteSanitizePlugin } from './plugins/PasteSanitizePlugin';
import { lookupPassages, QuotesPlugin, syncQuoteNodes } from './plugins/QuotesPlugin';
import { QuoteLookupContext } from './quoteContext';
import { QuoteLookup } from './quoteLookup';
import { useExternalNoteChanges } from './useExternalNoteChanges';
import { wordCountLabel } from './wordCount';
import { UNTITLED_NOTE } from '../../../electron/model/titles';

/** The update tag of loading the saved document: not an edit, so not saved back. */
const LOAD_TAG = 'note-load';
const WORD_COUNT_DELAY_MS = 300;

/** Module-level: a new function each render would make LinkPlugin re-register (and re-dirty every link). */
const isSafeLinkUrl = (url: string) => safeLinkUrl(url) !== null;

const SAVE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  dirty: 'Edited',
  saving: 'Saving…',
  error: 'Not saved',
};

interface Props {
  note: Note;
  onSaved?: (summary: NoteSummary) => void;
  /** Whether this `updatedAt` was written by this pane (its saves, its tag edits). */
  isOwnVersion?: (updatedAt: string) => boolean;
  /** The note was changed elsewhere: show that version (the editor has nothing unsaved, or the user chose it). */
  onReplaced?: (note: Note) => void;
}

export function NoteEditor({ note, onSaved, isOwnVersion, onReplaced }: Props) {
  const initialConfig = useMemo(
    () => ({
      namespace: 'commonplace-note',
      nodes: noteNodes,
      theme: noteTheme,
      onError: (error: Error) => console.error('The note editor failed', error),
    }),
    [],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <NoteSession
        note={note}
        onSaved={onSaved}
        isOwnVersion={isOwnVersion}
        onReplaced={onReplaced}
      />
    </LexicalComposer>
  );
}

function useNoteSaver(
  editor: LexicalEditor,
  note: Note,
  title: { current: string },
  onSaved: Props['onSaved'],
) {
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  });
  const lastDoc = useRef<string | null>(null);
  const [saver] = useState(
    () =>
      new Autosaver<NoteUpdate>({
        build: (parts) => ({
          id: note.id,
          ...(parts.has('title') ? { title: title.current } : {}),
          ...(parts.has('doc') ? { doc: toNoteDoc(editor.getEditorState().toJSON()) } : {}),
        }),
        save: async (update) => {
          // Transforms and plugins re-registering can dirty the editor without changing the
          // document: such "changes" are not sent (the note would look edited just by opening it).
          const docJson = update.doc ? JSON.stringify(update.doc) : undefined;
          lastDoc.current ??= JSON.stringify(note.doc);
          if (update.title === undefined && docJson === lastDoc.current) return;
          const summary = await invoke(
            'notes.update',
            docJson === lastDoc.current ? { id: update.id, title: update.title } : update,
          );
          if (docJson !== undefined) lastDoc.current = docJson;
          onSavedRef.current?.(summary);
        },
        // A note deleted meanwhile, or a document the library refuses: retrying won't help (the
        // text stays in the editor and the error is shown).
        retryable: (error) =>
          errorCode(error) !== 'not_found' && errorCode(error) !== 'invalid_input',
      }),
  );
  return saver;
}

const alwaysOwn = () => true;

function NoteSession({ note, onSaved, isOwnVersion = alwaysOwn, onReplaced }: Props) {
  const [editor] = useLexicalComposerContext();
  const { go } = useNav();
  const openExternal = useOpenExternal();
  const reportError = useReportError();
  const titleId = useId();
  const [title, setTitle] = useState(note.title);
  const titleRef = useRef(note.title);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [words, setWords] = useState(note.wordCount);
  const saver = useNoteSaver(editor, note, titleRef, onSaved);
  const saveState = useSyncExternalStore(saver.subscribe, saver.getState);
  const [lookup] = useState(
    () => new QuoteLookup(lookupPassages, (sources) => syncQuoteNodes(editor, sources)),
  );
  // A newer version from elsewhere replaces an editor with nothing unsaved; otherwise the user chooses.
  const [conflict, setConflict] = useState<Note | null>(null);
  useExternalNoteChanges(note.id, saver, isOwnVersion, (newer, hasUnsavedEdits) => {
    if (!onReplaced) return;
    if (hasUnsavedEdits) {
      // Nothing is saved over the other version until the user has chosen.
      saver.hold(true);
      setConflict(newer);
    } else onReplaced(newer);
  });

  // Load the saved document once; a document the editor can't read stays untouched (read-only).
  useLayoutEffect(() => {
    if (isEmptyDoc(note.doc)) return;
    try {
      checkNoteDoc(note.doc);
      editor.setEditorState(editor.parseEditorState(JSON.stringify(note.doc)), { tag: LOAD_TAG });
      // Undo starts from the note as it was opened, not from an empty editor.
      editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
    } catch (error) {
      editor.setEditable(false);
      setLoadError(errorText(error));
    }
  }, [editor, note]);

  // Edits mark the note unsaved; the word count follows a moment later.
  useEffect(() => {
    let countTimer: ReturnType<typeof setTimeout> | null = null;
    const counts = new BlockWordCounts();
    let dirty: string[] = [];
    // The saved count shows at once; the editor's own count (the cache later edits update) is
    // made when the page is idle, so a long note doesn't open any slower.
    const warm = () => setWords(editor.getEditorState().read(() => counts.$count()));
    const idle =
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(warm, { timeout: 2000 })
        : null;
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if (tags.has(LOAD_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      if (!editor.isEditable()) return;
      saver.change('doc');
      for (const key of dirtyElements.keys()) dirty.push(key);
      for (const key of dirtyLeaves) dirty.push(key);
      if (countTimer === null) {
        countTimer = setTimeout(() => {
          countTimer = null;
          const keys = dirty;
          dirty = [];
          setWords(editor.getEditorState().read(() => (counts.$invalidate(keys), counts.$count())));
        }, WORD_COUNT_DELAY_MS);
      }
    });
    return () => {
      unregister();
      if (countTimer !== null) clearTimeout(countTimer);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [editor, saver]);

  // Another note opening (or the pane closing) saves this one first; so does leaving the page.
  useEffect(() => {
    const unregisterExit = registerExitSaver({
      takePending: () => saver.takePending(),
      restore: (update) =>
        saver.restorePending([
          ...('title' in update ? ['title'] : []),
          ...('doc' in update ? ['doc'] : []),
        ]),
      sent: () => saver.confirmSent(),
      flush: () => saver.flush(),
    });
    const unregisterOpen = setOpenNote(note.id, editor, () => saver.flush());
    return () => {
      unregisterExit();
      unregisterOpen();
      saver.flush().catch(reportError);
    };
  }, [editor, note.id, saver, reportError]);

  const onMention = useCallback(
    (ref: EntityRef) => {
      if (ref.kind === 'article') go({ kind: 'article', id: ref.id });
      else if (ref.kind === 'note') go({ kind: 'note', id: ref.id });
      else
        invoke('passages.lookup', { ids: [ref.id] }).then(([passage]) => {
          if (passage)
            go({
              kind: 'passage',
              id: passage.id,
              articleId: passage.articleId,
              start: passage.start,
              end: passage.end,
            });
        }, reportError);
    },
    [go, reportError],
  );

  const error = saveState === 'error' ? errorText(saver.lastError) : null;
  // Leaving the editor saves, except while the user is choosing between versions.
  const flushOnBlur = () => {
    if (!conflict) void saver.flush();
  };

  return (
    <QuoteLookupContext.Provider value={lookup}>
      <div className="note-editor">
        <div className="note-head">
          <label htmlFor={titleId} className="sr-only">
            Note title
          </label>
          <input
            id={titleId}
            className="note-title"
            placeholder={UNTITLED_NOTE}
            value={title}
            readOnly={loadError !== null}
            maxLength={1000}
            onChange={(event) => {
              setTitle(event.target.value);
              titleRef.current = event.target.value;
              saver.change('title');
            }}
            onBlur={flushOnBlur}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                editor.focus();
              }
            }}
          />
          <p className="note-status">
            <span>{wordCountLabel(words)}</span>
            <span
              className={`note-save is-${saveState}`}
              data-save-state={saveState}
              title={error ?? undefined}
            >
              {SAVE_LABEL[saveState]}
            </span>
          </p>
        </div>
        {conflict && (
          <div className="note-conflict" role="alert">
            <p>This note was changed elsewhere while you were editing it.</p>
            <button
              type="button"
              onClick={() => {
                saver.discard(); // given up, so closing this editor doesn't save them over the other version
                onReplaced?.(conflict);
              }}
            >
              Show the other version
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setConflict(null);
                saver.hold(false);
              }}
            >
              Keep mine (it replaces the other version)
            </button>
          </div>
        )}
        {error && (
          <p className="note-error" role="alert">
            The note could not be saved ({error}). It is kept here and saving is retried.
          </p>
        )}
        {loadError && (
          <p className="note-error" role="alert">
            This note could not be opened for editing: {loadError}. It is left unchanged.
          </p>
        )}
        <NoteToolbar />
        <div className="note-content-wrap">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="rd-content note-content"
                aria-label="Note text"
                onBlur={flushOnBlur}
              />
            }
            placeholder={
              <p className="note-placeholder">
                Write here. Type [[ to mention an article, passage or note.
              </p>
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <CheckListPlugin />
        <LinkPlugin validateUrl={isSafeLinkUrl} />
        <LinkSafetyPlugin />
        <PasteSanitizePlugin />
        <TablePlugin />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        <CodeBlockEnterPlugin />
        <QuotesPlugin lookup={lookup} />
        <PassageDropPlugin />
        <MentionsPlugin noteId={note.id} />
        <NoteClicksPlugin onMention={onMention} onLink={openExternal} />
      </div>
    </QuoteLookupContext.Provider>
  );
}
