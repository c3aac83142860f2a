/**
 * The words drawn inside a figure (labels, tick values, legend entries) as one block: text the
 * reader can search and highlight, set smaller and dimmed apart from the running prose.
 * Its own node (not a styled ParagraphNode) so that it keeps its identity through
 * serialization (editing the text writes it back as figure text, not as a paragraph).
 */
import { $applyNodeReplacement, type LexicalNode, type SerializedElementNode } from 'lexical';
import { ReaderBlockNode, type ReaderBlockSpec } from './ReaderBlockNode';

export type SerializedFigureTextNode = SerializedElementNode;

const FIGURE_TEXT_TYPE = 'figure-text';
const SPEC: ReaderBlockSpec = { tag: 'p', themeKey: 'figureText', exportClass: 'figure-text' };

export class FigureTextNode extends ReaderBlockNode {
  static override getType(): string {
    return FIGURE_TEXT_TYPE;
  }

  static override clone(node: FigureTextNode): FigureTextNode {
    return new FigureTextNode(node.__key);
  }

  static override importJSON(json: SerializedFigureTextNode): FigureTextNode {
    return $createFigureTextNode().updateFromJSON(json);
  }

  protected override blockSpec(): ReaderBlockSpec {
    return SPEC;
  }
}

export function $createFigureTextNode(): FigureTextNode {
  return $applyNodeReplacement(new FigureTextNode());
}

export function $isFigureTextNode(node: LexicalNode | null | undefined): node is FigureTextNode {
  return node instanceof FigureTextNode;
}
