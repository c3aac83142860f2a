/**
 * The reader's highlight: a MarkNode whose element is created with its passage ids
 * (`data-passage-ids`) and colour classes already on it. Setting them in a mutation listener after
 * the first render meant a second walk over every mark, writing to elements already in the page.
 */
import { MarkNode } from '@lexical/mark';
import type { EditorConfig, LexicalEditor, LexicalNode } from 'lexical';
import type { PassageColor } from '../../../electron/api/contract';
import { setMarkColorClasses } from './passageColors';

export const MARK_IDS_ATTRIBUTE = 'data-passage-ids';

type ColorOf = (id: string) => PassageColor | undefined;

/** Per editor: the colour of each passage, as the reader currently knows it. */
const colorLookups = new WeakMap<LexicalEditor, ColorOf>();

/** Call before the editor first renders (a layout effect ahead of the content editable). */
export function setPassageColorLookup(editor: LexicalEditor, colorOf: ColorOf): void {
  colorLookups.set(editor, colorOf);
}

function decorate(element: HTMLElement, ids: readonly string[], editor: LexicalEditor | undefined): void {
  element.setAttribute(MARK_IDS_ATTRIBUTE, ids.join(' '));
  const colorOf = editor && colorLookups.get(editor);
  setMarkColorClasses(element, ids, colorOf ?? (() => undefined));
}

export class PassageMarkNode extends MarkNode {
  override $config() {
    return this.config('passage-mark', { extends: MarkNode });
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const element = super.createDOM(config);
    decorate(element, this.__ids, editor);
    return element;
  }

  override updateDOM(prevNode: this, element: HTMLElement, config: EditorConfig): boolean {
    super.updateDOM(prevNode, element, config);
    const ids = this.__ids;
    const prev = prevNode.__ids;
    // New ids: recreate the element, since createDOM is where the editor (and so colours) is known.
    return ids.length !== prev.length || ids.some((id, i) => id !== prev[i]);
  }
}

export function $createPassageMarkNode(ids: readonly string[]): PassageMarkNode {
  return new PassageMarkNode(ids);
}

export function $isPassageMarkNode(node: LexicalNode | null | undefined): node is PassageMarkNode {
  return node instanceof PassageMarkNode;
}

/** Registration for the reader's editor: `$createMarkNode` (used elsewhere) makes passage marks too. */
export const passageMarkReplacement = {
  replace: MarkNode,
  with: (node: MarkNode) => new PassageMarkNode(node.getIDs()),
  withKlass: PassageMarkNode,
};
