/**
 * A figure or table caption: paragraph-like block text, styled apart from the running prose.
 * Its own node (not a styled ParagraphNode) so that captions keep their identity through
 * serialization and later features (highlights, export) can tell them from body text.
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

export type SerializedCaptionNode = SerializedElementNode;

const CAPTION_TYPE = 'caption';

export class CaptionNode extends ElementNode {
  static override getType(): string {
    return CAPTION_TYPE;
  }

  static override clone(node: CaptionNode): CaptionNode {
    return new CaptionNode(node.__key);
  }

  static override importJSON(json: SerializedCaptionNode): CaptionNode {
    return $createCaptionNode().updateFromJSON(json);
  }

  constructor(key?: NodeKey) {
    super(key);
  }

  override exportJSON(): SerializedCaptionNode {
    return { ...super.exportJSON(), type: CAPTION_TYPE, version: 1 };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = document.createElement('p');
    addClassNamesToElement(dom, themeClass(config.theme, 'caption'));
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('p');
    element.className = 'caption';
    return { element };
  }
}

export function $createCaptionNode(): CaptionNode {
  return $applyNodeReplacement(new CaptionNode());
}

export function $isCaptionNode(node: LexicalNode | null | undefined): node is CaptionNode {
  return node instanceof CaptionNode;
}
