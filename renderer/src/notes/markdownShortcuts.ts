/**
 * Markdown typed in a note becomes formatting (`# `, `- `, `[ ] `, `> `, `**bold**`…). Lexical's
 * own code transformer needs @lexical/code's CodeNode; notes use the reader's CodeBlockNode, so
 * "``` " gets a transformer of its own.
 */
import {
  CHECK_LIST,
  HEADING,
  LINK,
  ORDERED_LIST,
  QUOTE,
  TEXT_FORMAT_TRANSFORMERS,
  UNORDERED_LIST,
  type ElementTransformer,
  type Transformer,
} from '@lexical/markdown';
import { $createCodeBlockNode, CodeBlockNode } from '../reader/nodes/CodeBlockNode';

const CODE_BLOCK: ElementTransformer = {
  type: 'element',
  dependencies: [CodeBlockNode],
  export: () => null,
  regExp: /^```$/,
  replace: (parent, children) => {
    const code = $createCodeBlockNode();
    code.append(...children);
    parent.replace(code);
    code.selectStart();
  },
};

export const NOTE_TRANSFORMERS: Transformer[] = [
  HEADING,
  QUOTE,
  CHECK_LIST,
  UNORDERED_LIST,
  ORDERED_LIST,
  CODE_BLOCK,
  ...TEXT_FORMAT_TRANSFORMERS,
  LINK,
];
