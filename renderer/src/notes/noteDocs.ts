/**
 * Note documents built outside an open editor (a new note that starts with a quote), with a
 * headless editor so their JSON is exactly what the note editor writes and reads.
 */
import { $getRoot, createEditor, type SerializedEditorState } from 'lexical';
import type { NoteDoc } from '../../../electron/model/notes';
import { noteNodes } from './noteNodes';
import { $insertPassageQuote } from './openNote';

/** Lexical's serialized state as the contract's NoteDoc (its root is always `type: 'root'`). */
export function toNoteDoc(state: SerializedEditorState): NoteDoc {
  const { root } = state;
  return { root: { ...root, type: 'root', children: root.children } };
}

function headlessEditor() {
  return createEditor({
    namespace: 'commonplace-note-doc',
    nodes: noteNodes,
    onError: (error) => {
      throw error;
    },
  });
}

export function docWithQuote(passageId: string, quote: string): NoteDoc {
  const editor = headlessEditor();
  editor.update(
    () => {
      $getRoot().clear();
      $insertPassageQuote(passageId, quote);
    },
    { discrete: true },
  );
  return toNoteDoc(editor.getEditorState().toJSON());
}

/** `doc` with a quote block added at its end (a note that is not open: no caret to insert at). */
export function docWithQuoteAppended(doc: NoteDoc, passageId: string, quote: string): NoteDoc {
  if (isEmptyDoc(doc)) return docWithQuote(passageId, quote);
  const editor = headlessEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(doc)));
  editor.update(() => $insertPassageQuote(passageId, quote), { discrete: true });
  return toNoteDoc(editor.getEditorState().toJSON());
}

/**
 * Throws when the note editor can't read `doc` (a node type it doesn't know, a node of the wrong
 * shape: a restored or foreign library). The editor itself only logs such a failure and opens
 * empty, and its next autosave would then write the empty document over the note.
 */
export function checkNoteDoc(doc: NoteDoc): void {
  headlessEditor().parseEditorState(JSON.stringify(doc));
}

/** A document with nothing in it: the editor starts from its own empty state. */
export function isEmptyDoc(doc: NoteDoc): boolean {
  return doc.root.children.length === 0;
}
