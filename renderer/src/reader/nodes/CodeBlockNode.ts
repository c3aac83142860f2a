/**
 * A preformatted code block rendered as `<pre>`. Deliberately not @lexical/code's CodeNode: the
 * reader needs no tokenizer or highlighting, only whitespace-preserving monospace text whose
 * text content is exactly the block's text (lines are TextNodes joined by LineBreakNodes).
 */
import { $applyNodeReplacement, type LexicalNode, type SerializedElementNode } from 'lexical';
import { ReaderBlockNode, type ReaderBlockSpec } from './ReaderBlockNode';

export type SerializedCodeBlockNode = SerializedElementNode;

const CODE_BLOCK_TYPE = 'code-block';
const SPEC: ReaderBlockSpec = { tag: 'pre', themeKey: 'codeBlock' };

export class CodeBlockNode extends ReaderBlockNode {
  static override getType(): string {
    return CODE_BLOCK_TYPE;
  }

  static override clone(node: CodeBlockNode): CodeBlockNode {
    return new CodeBlockNode(node.__key);
  }

  static override importJSON(json: SerializedCodeBlockNode): CodeBlockNode {
    return $createCodeBlockNode().updateFromJSON(json);
  }

  protected override blockSpec(): ReaderBlockSpec {
    return SPEC;
  }
}

export function $createCodeBlockNode(): CodeBlockNode {
  return $applyNodeReplacement(new CodeBlockNode());
}

export function $isCodeBlockNode(node: LexicalNode | null | undefined): node is CodeBlockNode {
  return node instanceof CodeBlockNode;
}
