/**
 * The words drawn inside a figure (labels, tick values, legend entries) as one block: text the
 * reader can search and highlight, set smaller and dimmed apart from the running prose.
 * Its own node (not a styled ParagraphNode) so that it keeps its identity through
 * serialization (editing the text writes it back as figure text, not as a paragraph).
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

export type SerializedFigureTextNode = SerializedElementNode;

const FIGURE_TEXT_TYPE = 'figure-text';

export class FigureTextNode extends ElementNode {
  static override getType(): string {
    return FIGURE_TEXT_TYPE;
  }

  static override clone(node: FigureTextNode): FigureTextNode {
    return new FigureTextNode(node.__key);
  }

  static override importJSON(json: SerializedFigureTextNode): FigureTextNode {
    return $createFigureTextNode().updateFromJSON(json);
  }

  constructor(key?: NodeKey) {
    super(key);
  }

  override exportJSON(): SerializedFigureTextNode {
    return { ...super.exportJSON(), type: FIGURE_TEXT_TYPE, version: 1 };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('p');
    addClassNamesToElement(dom, themeClass(config.theme, 'figureText'));
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('p');
    element.className = 'figure-text';
    return { element };
  }
}

export function $createFigureTextNode(): FigureTextNode {
  return $applyNodeReplacement(new FigureTextNode());
}

export function $isFigureTextNode(node: LexicalNode | null | undefined): node is FigureTextNode {
  return node instanceof FigureTextNode;
}
