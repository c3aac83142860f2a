/**
 * The base of the reader's plain block nodes (caption, figure text, code block): an element with
 * a fixed tag and theme class and no state of its own, so rendering and serialization follow from
 * those alone. Lexical still requires each registered class to declare its own static getType,
 * clone and importJSON (it checks hasOwnProperty), so the subclasses keep exactly those.
 */
import {
  ElementNode,
  type DOMExportOutput,
  type EditorConfig,
  type SerializedElementNode,
} from 'lexical';
import { addClassNamesToElement } from '@lexical/utils';
import { themeClass } from '../readerTheme';

export interface ReaderBlockSpec {
  /** The element drawn in the reader and exported as HTML. */
  readonly tag: 'p' | 'pre';
  /** The key of the class in readerTheme. */
  readonly themeKey: string;
  /** The class the exported HTML element carries, if any (plain names, not the theme's rd-…). */
  readonly exportClass?: string;
}

export abstract class ReaderBlockNode extends ElementNode {
  /** What this kind of block draws; a module constant, so no per-node state. */
  protected abstract blockSpec(): ReaderBlockSpec;

  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: this.getType(), version: 1 };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const spec = this.blockSpec();
    const dom = document.createElement(spec.tag);
    addClassNamesToElement(dom, themeClass(config.theme, spec.themeKey));
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(): DOMExportOutput {
    const spec = this.blockSpec();
    const element = document.createElement(spec.tag);
    if (spec.exportClass !== undefined) element.className = spec.exportClass;
    return { element };
  }
}
