/**
 * A figure or table caption: paragraph-like block text, styled apart from the running prose.
 * Its own node (not a styled ParagraphNode) so that captions keep their identity through
 * serialization and later features (highlights, export) can tell them from body text.
 */
import { $applyNodeReplacement, type LexicalNode, type SerializedElementNode } from 'lexical';
import { ReaderBlockNode, type ReaderBlockSpec } from './ReaderBlockNode';

export type SerializedCaptionNode = SerializedElementNode;

const CAPTION_TYPE = 'caption';
const SPEC: ReaderBlockSpec = { tag: 'p', themeKey: 'caption', exportClass: 'caption' };

export class CaptionNode extends ReaderBlockNode {
  static override getType(): string {
    return CAPTION_TYPE;
  }

  static override clone(node: CaptionNode): CaptionNode {
    return new CaptionNode(node.__key);
  }

  static override importJSON(json: SerializedCaptionNode): CaptionNode {
    return $createCaptionNode().updateFromJSON(json);
  }

  protected override blockSpec(): ReaderBlockSpec {
    return SPEC;
  }
}

export function $createCaptionNode(): CaptionNode {
  return $applyNodeReplacement(new CaptionNode());
}

export function $isCaptionNode(node: LexicalNode | null | undefined): node is CaptionNode {
  return node instanceof CaptionNode;
}
