/**
 * Trusted-structure HTML that is still untrusted content (a DOCX converted by mammoth, an EPUB
 * chapter) → `Body` blocks, through the same walls as a web page: inert jsdom, depth cap,
 * DOMPurify, then the block walker. No Readability: the whole fragment is the content.
 */
import type { DOMWindow } from 'jsdom';
import type { Block } from '../../../model/body';
import type { DocumentImages } from '../images';
import { limitDepth, loadHtml } from './dom';
import { capNesting } from './nesting';
import { sanitizeInPlace } from './sanitize';
import { domToBlocks } from './toBody';

/** Sanitises `root` in place (it must be an element DOMPurify allows, e.g. a `div`) and converts it. */
export function sanitizedBlocks(
  window: DOMWindow,
  root: Element,
  images?: DocumentImages,
): Block[] {
  limitDepth(root);
  sanitizeInPlace(window, root, images);
  return domToBlocks(root, images ? { images } : {});
}

/**
 * An HTML string → blocks. `prepare` may rewrite the parsed body first (drop back-links, mark
 * note references) while the markup is still whole.
 */
export function htmlFragmentToBlocks(
  html: string,
  fileName: string,
  prepare?: (body: HTMLElement) => void,
  images?: DocumentImages,
): Block[] {
  const dom = loadHtml(
    capNesting(`<!DOCTYPE html><html><body><div>${html}</div></body></html>`),
    fileName,
  );
  try {
    const { document } = dom.window;
    const root = document.body.firstElementChild ?? document.body;
    prepare?.(document.body);
    return sanitizedBlocks(dom.window, root, images);
  } finally {
    dom.window.close();
  }
}
