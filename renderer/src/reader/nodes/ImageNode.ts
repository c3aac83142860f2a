/**
 * A picture kept in the library (an image block). An element node, not a decorator: its text is
 * the picture's alt text, part of the canonical text like any block's, so offsets and passages
 * mean the same here as in the core. The DOM is a <figure> holding the <img> (its bytes come
 * from the API as a data: URL, filled in by ImagesPlugin) and a <span> the alt text goes into,
 * shown only while the picture can't be.
 */
import {
  $applyNodeReplacement,
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
  type ElementDOMSlot,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import { addClassNamesToElement } from '@lexical/utils';
import { themeClass } from '../readerTheme';

export type SerializedImageNode = Spread<{ src: string }, SerializedElementNode>;

const IMAGE_TYPE = 'image';
/** The figure's attribute naming the picture (its sha256). */
export const IMAGE_ATTRIBUTE = 'data-image';
const ALT_CLASS = 'rd-image-alt';

export class ImageNode extends ElementNode {
  __src: string;

  static override getType(): string {
    return IMAGE_TYPE;
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__key);
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode(json.src).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedImageNode>): this {
    return super.updateFromJSON(json);
  }

  constructor(src: string, key?: NodeKey) {
    super(key);
    this.__src = src;
  }

  getSrc(): string {
    return this.getLatest().__src;
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), type: IMAGE_TYPE, version: 1, src: this.getSrc() };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const figure = document.createElement('figure');
    addClassNamesToElement(figure, themeClass(config.theme, 'image'));
    figure.setAttribute(IMAGE_ATTRIBUTE, this.__src);
    const img = document.createElement('img');
    // The alt text is the figure's own text (below): said once, not twice, to a screen reader.
    img.alt = '';
    img.decoding = 'async';
    img.draggable = false;
    const alt = document.createElement('span');
    alt.className = ALT_CLASS;
    figure.append(img, alt);
    return figure;
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    const alt = element.querySelector<HTMLElement>(`:scope > .${ALT_CLASS}`);
    return alt ? super.getDOMSlot(element).withElement(alt) : super.getDOMSlot(element);
  }

  override updateDOM(prev: ImageNode): boolean {
    return prev.__src !== this.__src;
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('figure');
    element.setAttribute(IMAGE_ATTRIBUTE, this.__src);
    return { element };
  }
}

export function $createImageNode(src: string): ImageNode {
  return $applyNodeReplacement(new ImageNode(src));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
