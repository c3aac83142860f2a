import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { Klass, LexicalNode } from 'lexical';
import { CaptionNode } from './nodes/CaptionNode';
import { CodeBlockNode } from './nodes/CodeBlockNode';

/** Every node the reader's editor may contain; the conversion test registers the same list. */
export const readerNodes: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  CaptionNode,
  CodeBlockNode,
];
