/**
 * XML parts of ZIP containers (OPF, container.xml, docProps/core.xml) through jsdom's DOMParser:
 * a real XML parser, one per book or document (a parser costs ~3 ms, a new jsdom ~50 ms).
 * Custom DTD entities are not expanded recursively by it, so "billion laughs" stays small.
 */
import type { DOMWindow } from 'jsdom';
import { CommonplaceError } from '../../errors';

/** Deeper than this, a part is refused (XML) or flattened through the HTML path (chapters). */
export const MAX_XML_DEPTH = 256;

/**
 * Whether element nesting in the markup goes past `max`. jsdom's XML parsing slows down
 * quadratically with depth (20,000 nested elements take minutes), so depth is measured on the
 * source first: a scan of tags only (comments, CDATA and processing instructions skipped),
 * `<x/>` counted as opened and closed.
 */
export function nestsDeeperThan(markup: string, max = MAX_XML_DEPTH): boolean {
  const tag =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)[A-Za-z_][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let depth = 0;
  for (let m = tag.exec(markup); m; m = tag.exec(markup)) {
    if (m[1] === undefined) continue; // comment, CDATA, declaration
    if (m[1] === '/') depth--;
    else if (m[2] !== '/' && ++depth > max) return true;
  }
  return false;
}

/** The part as an XML document; a parse error names the file and the part. */
export function parseXml(
  window: DOMWindow,
  text: string,
  fileName: string,
  part: string,
): Document {
  if (nestsDeeperThan(text))
    throw new CommonplaceError('parse_error', `${fileName}: ${part} is nested too deeply to read`);
  const doc = new window.DOMParser().parseFromString(
    text.replace(/^\ufeff/, ''),
    'application/xml',
  );
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) {
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: ${part} is not well-formed XML (${(error.textContent ?? '').trim().slice(0, 120)})`,
    );
  }
  return doc;
}

/** Elements by local name in any namespace (`dc:title`, `title` and `opf:title` alike). */
export function byLocalName(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName));
}

/** Text of the first element with that local name, whitespace collapsed; null when absent or blank. */
export function firstText(root: Document | Element, localName: string): string | null {
  for (const el of byLocalName(root, localName)) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return null;
}

/** An attribute whatever its prefix (`opf:role`, `role`). */
export function attr(el: Element, localName: string): string | null {
  if (el.hasAttribute(localName)) return el.getAttribute(localName);
  for (const a of Array.from(el.attributes)) if (a.localName === localName) return a.value;
  return null;
}
