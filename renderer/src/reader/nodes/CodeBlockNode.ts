/**
 * A preformatted code block rendered as `<pre>`. Deliberately not @lexical/code's CodeNode: the
 * reader needs no tokenizer or highlighting, only whitespace-preserving monospace text whose
 * text content is exactly the block's text (lines are TextNodes joined by LineBreakNodes).
 */
import {
  $applyNodeReplacement,
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
  type SerializedElementNode,
} from 'lexical';
import { addClassNamesToElement } from '@lexical/utils';
import { themeClass } from '../readerTheme';

export type SerializedCodeBlockNode = SerializedElementNode;

const CODE_BLOCK_TYPE = 'code-block';

export class CodeBlockNode extends ElementNode {
  static override getType(): string {
    return CODE_BLOCK_TYPE;
  }

  static override clone(node: CodeBlockNode): CodeBlockNode {
    return new CodeBlockNode(node.__key);
  }

  static override importJSON(json: SerializedCodeBlockNode): CodeBlockNode {
    return $createCodeBlockNode().updateFromJSON(json);
  }

  constructor(key?: NodeKey) {
    super(key);
  }

  override exportJSON(): SerializedCodeBlockNode {
    return { ...super.exportJSON(), type: CODE_BLOCK_TYPE, version: 1 };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('pre');
    addClassNamesToElement(dom, themeClass(config.theme, 'codeBlock'));
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    return { element: document.createElement('pre') };
  }
}

export function $createCodeBlockNode(): CodeBlockNode {
  return $applyNodeReplacement(new CodeBlockNode());
}

export function $isCodeBlockNode(node: LexicalNode | null | undefined): node is CodeBlockNode {
  return node instanceof CodeBlockNode;
}
