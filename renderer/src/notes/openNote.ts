/**
 * The note open beside the reader, for the parts of the app that put things into it ("Quote in
 * note" in the passage sidebar and popover). One note is open at a time; its editor registers
 * here while mounted.
 */
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalEditor,
} from 'lexical';
import { $createPassageQuoteNode } from './nodes/PassageQuoteNode';

let open: { noteId: string; editor: LexicalEditor; flush: () => Promise<void> } | null = null;

export function setOpenNote(
  noteId: string,
  editor: LexicalEditor,
  flush: () => Promise<void>,
): () => void {
  const entry = { noteId, editor, flush };
  open = entry;
  return () => {
    if (open === entry) open = null;
  };
}

/** Saves the open note now (before it is deleted, say, so no save lands after the deletion). */
export async function flushOpenNote(): Promise<void> {
  await open?.flush();
}

/**
 * Inserts a quote block at the caret (or at the end when the note has no selection), with an
 * empty paragraph after it when it would otherwise end the note, so writing can go on below.
 */
export function $insertPassageQuote(passageId: string, quote: string): void {
  const node = $createPassageQuoteNode(passageId, quote, '');
  const selection = $getSelection();
  if ($isRangeSelection(selection)) {
    $insertNodes([node]);
  } else {
    $getRoot().append(node);
  }
  const parent = node.getParent();
  if (node.getNextSibling() === null && (parent === null || $isRootOrShadowRoot(parent))) {
    const after = $createParagraphNode();
    node.insertAfter(after);
    after.select();
  }
}

/** Quotes a passage into the open note; false when no note is open. */
export function quoteIntoOpenNote(passageId: string, quote: string): boolean {
  if (!open) return false;
  const { editor } = open;
  editor.update(() => $insertPassageQuote(passageId, quote));
  return true;
}
