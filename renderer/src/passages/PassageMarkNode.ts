/**
 * The reader's highlight: a MarkNode whose element is created with its passage ids
 * (`data-passage-ids`) and colour classes already on it. Setting them in a mutation listener after
 * the first render meant a second walk over every mark, writing to elements already in the page.
 */
import { MarkNode } from '@lexical/mark';
import { $getDocument, type EditorConfig, type LexicalEditor, type LexicalNode } from 'lexical';
import type { PassageColor } from '../../../electron/model/passages';
import { setMarkColorClasses } from './passageColors';

export const MARK_IDS_ATTRIBUTE = 'data-passage-ids';

type ColorOf = (id: string) => PassageColor | undefined;

/** Per editor: the colour of each passage, as the reader currently knows it. */
const colorLookups = new WeakMap<LexicalEditor, ColorOf>();

/** Call before the editor first renders (a layout effect ahead of the content editable). */
export function setPassageColorLookup(editor: LexicalEditor, colorOf: ColorOf): void {
  colorLookups.set(editor, colorOf);
}

function decorate(
  element: HTMLElement,
  ids: readonly string[],
  editor: LexicalEditor | undefined,
): void {
  element.setAttribute(MARK_IDS_ATTRIBUTE, ids.join(' '));
  const colorOf = editor && colorLookups.get(editor);
  setMarkColorClasses(element, ids, colorOf ?? (() => undefined));
}

export class PassageMarkNode extends MarkNode {
  override $config() {
    return this.config('passage-mark', { extends: MarkNode });
  }

  override createDOM(_config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    // Not super.createDOM: its theme classes would be added one by one and then replaced by the
    // full className. One element, one className, one attribute: this runs for every mark.
    const element = $getDocument().createElement('mark');
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
