import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
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
  // Highlights: passage ids on inline marks (several where passages overlap).
  MarkNode,
];
