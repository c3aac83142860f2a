/**
 * Links in a note may only go to web or mail addresses. Pasted HTML (Word, web pages) can carry
 * `javascript:`, `data:` or relative links; Lexical neutralizes them when rendering but keeps the
 * URL in the document (and so in exports). A transform unwraps such links, keeping their text.
 */
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { safeLinkUrl } from './linkUrl';

function unwrapUnsafe(node: LinkNode): void {
  if (safeLinkUrl(node.getURL()) !== null) return;
  for (const child of node.getChildren()) node.insertBefore(child);
  node.remove();
}

export function registerLinkSafety(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(LinkNode, unwrapUnsafe),
    editor.registerNodeTransform(AutoLinkNode, unwrapUnsafe),
  );
}
