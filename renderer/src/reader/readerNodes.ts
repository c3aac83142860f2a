import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { MarkNode } from '@lexical/mark';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import type { LexicalNodeConfig } from 'lexical';
import { PassageMarkNode, passageMarkReplacement } from '../passages/PassageMarkNode';
import { CaptionNode } from './nodes/CaptionNode';
import { CodeBlockNode } from './nodes/CodeBlockNode';
import { FigureTextNode } from './nodes/FigureTextNode';
import { ImageNode } from './nodes/ImageNode';

/** Every node the reader's editor may contain; the conversion test registers the same list. */
export const readerNodes: ReadonlyArray<LexicalNodeConfig> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  CaptionNode,
  FigureTextNode,
  CodeBlockNode,
  ImageNode,
  // Highlights: passage ids on inline marks (several where passages overlap). The reader's marks
  // are PassageMarkNodes (their elements carry the ids); a plain MarkNode made here becomes one.
  MarkNode,
  PassageMarkNode,
  passageMarkReplacement,
];
