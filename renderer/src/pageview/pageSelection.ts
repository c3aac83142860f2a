/**
 * A DOM selection in the page view's text layers → a range of the article's canonical text,
 * through each page's alignment of its text items with the canonical text (model/pageText.ts).
 */
import { canonicalAt } from '../../../electron/model/pageText';
import type { RenderedPage } from './PdfPage';

export const PAGE_SELECTOR = '.pv-page';

export type PageSelection =
  /** Not a selection in the page view (collapsed, or reaching outside it). */
  | { kind: 'none' }
  /** In the pages, but no part of it could be matched to the canonical text. */
  | { kind: 'unmapped' }
  | { kind: 'range'; start: number; end: number };

function pageOf(node: Node, within: HTMLElement): HTMLElement | null {
  const el = node instanceof Element ? node : node.parentElement;
  const page = el?.closest<HTMLElement>(PAGE_SELECTOR) ?? null;
  return page && within.contains(page) ? page : null;
}

/** The text item and offset in it a DOM point stands for, on a rendered page. */
function itemPoint(
  page: RenderedPage,
  node: Node,
  offset: number,
  edge: 'start' | 'end',
): { item: number; offset: number } {
  const spans = page.spans;
  const el = node instanceof Element ? node : node.parentElement;
  const span = el?.closest('span');
  const index = span instanceof HTMLElement ? spans.indexOf(span) : -1;
  if (index >= 0) return { item: index, offset: node instanceof Text ? offset : 0 };
  // Between children of the text layer (or outside it on the page): the nearest item that way.
  if (node instanceof Element) {
    const child = node.childNodes[offset] ?? null;
    const at = child instanceof HTMLElement ? spans.indexOf(child) : -1;
    if (at >= 0)
      return edge === 'start'
        ? { item: at, offset: 0 }
        : at > 0
          ? { item: at - 1, offset: spans[at - 1]!.textContent.length }
          : { item: 0, offset: 0 };
  }
  return edge === 'start'
    ? { item: 0, offset: 0 }
    : { item: Math.max(0, spans.length - 1), offset: spans.at(-1)?.textContent.length ?? 0 };
}

export function pageSelectionRange(
  selection: Selection | null,
  within: HTMLElement,
  rendered: ReadonlyMap<number, RenderedPage>,
): PageSelection {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: 'none' };
  const range = selection.getRangeAt(0);
  const startPage = pageOf(range.startContainer, within);
  const endPage = pageOf(range.endContainer, within);
  if (!startPage || !endPage) return { kind: 'none' };
  const first = rendered.get(Number(startPage.dataset['pageNumber']));
  const last = rendered.get(Number(endPage.dataset['pageNumber']));
  if (!first?.map || !last?.map) return { kind: 'unmapped' };
  const s = itemPoint(first, range.startContainer, range.startOffset, 'start');
  const e = itemPoint(last, range.endContainer, range.endOffset, 'end');
  const start = canonicalAt(first.map, s.item, s.offset, 'start');
  const end = canonicalAt(last.map, e.item, e.offset, 'end');
  if (start === null || end === null || end <= start) return { kind: 'unmapped' };
  return { kind: 'range', start, end };
}
