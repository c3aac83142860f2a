import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { CodeBlockNode } from '../reader/nodes/CodeBlockNode';
import { MentionNode } from './nodes/MentionNode';
import { PassageQuoteNode } from './nodes/PassageQuoteNode';

/**
 * Every node a note may hold. Code blocks reuse the reader's CodeBlockNode (a plain <pre>, no
 * tokenizer): notes and articles then share one notion of a code block.
 */
export const noteNodes: Klass<LexicalNode>[] = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeBlockNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  PassageQuoteNode,
  MentionNode,
];
