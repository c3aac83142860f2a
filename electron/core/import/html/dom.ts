/**
 * A jsdom document for an untrusted page: inert and offline.
 *
 * jsdom's defaults are what we want and are spelled out so a later edit cannot loosen them by
 * accident: scripts (elements and on* attributes) never run, no subresource (image, stylesheet,
 * frame, script) is fetched, and the page's console output is discarded. The URL, when given,
 * only serves to resolve relative links.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { CommonplaceError } from '../../errors';

/** Beyond this depth, elements are unwrapped into their parent (see `limitDepth`). */
export const MAX_ELEMENT_DEPTH = 100;

export function loadHtml(html: string, fileName: string, url?: string): JSDOM {
  try {
    return new JSDOM(html, {
      contentType: 'text/html',
      ...(url ? { url } : {}),
      runScripts: undefined,
      resources: undefined,
      pretendToBeVisual: false,
      virtualConsole: new VirtualConsole(),
    });
  } catch (e) {
    // jsdom builds its tree recursively: tens of thousands of nested elements exhaust the stack.
    if (e instanceof RangeError) {
      throw new CommonplaceError(
        'parse_error',
        `${fileName}: the HTML is nested too deeply to import`,
      );
    }
    throw e;
  }
}

/**
 * Unwraps every element deeper than `maxDepth` below `root`, keeping its text (block boundaries
 * become spaces). Readability slows down sharply on deep trees and jsdom's own node removal and
 * cloning recurse per level, so pathological nesting is flattened before anything else touches
 * it. Works bottom-up so each removal detaches a node with no element children: no deep recursion.
 * Returns the number of elements unwrapped.
 */
export function limitDepth(root: Element, maxDepth = MAX_ELEMENT_DEPTH): number {
  const deep: Element[] = [];
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop() as [Element, number];
    if (depth > maxDepth) deep.push(el);
    for (let child = el.lastElementChild; child; child = child.previousElementSibling)
      stack.push([child, depth + 1]);
  }
  // `deep` is in document order; walking it backwards handles descendants before ancestors, so
  // each element left to unwrap holds only text: it becomes one text node (moving its text nodes
  // one by one instead would move the same text again at every level).
  for (let i = deep.length - 1; i >= 0; i--) {
    const el = deep[i] as Element;
    const parent = el.parentNode;
    if (!parent) continue;
    parent.insertBefore(el.ownerDocument.createTextNode(` ${el.textContent ?? ''} `), el);
    parent.removeChild(el);
  }
  return deep.length;
}
