/**
 * An EPUB's own table of contents: the EPUB 3 navigation document (`<nav epub:type="toc">`), else
 * the EPUB 2 NCX (`navMap`), read as a flat list of entries in reading order, each with its depth
 * and its target (a ZIP path and an optional #fragment). Hostile books are bounded: at most
 * MAX_CONTENTS_ENTRIES entries are read, nesting is walked without recursion.
 *
 * Where a #fragment lands in a chapter's blocks is found by text (`fragmentSnippet` before the
 * chapter is sanitised, `locateSnippet` after): ids don't survive sanitising, but the text after
 * the target does, and whitespace is ignored because the block walker rewrites it.
 */
import type { DOMWindow } from 'jsdom';
import { blockText, type Block } from '../../../model/body';
import { MAX_CONTENTS_ENTRIES, MAX_CONTENTS_TITLE } from '../../../model/contents';
import { attr, byLocalName, type ZipReader, parseXml } from '../zip';
import { resolvePath } from './paths';

export interface TocEntry {
  title: string;
  /** 1 for a top-level entry. */
  level: number;
  /** The target's path inside the ZIP. */
  path: string;
  /** The target's id inside that file, if the entry points into it. */
  fragment: string | null;
}

const clean = (s: string | null | undefined) =>
  (s ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_CONTENTS_TITLE).trim();

function entry(base: string, href: string, title: string, level: number): TocEntry {
  const hash = href.indexOf('#');
  let fragment = hash >= 0 ? href.slice(hash + 1) : '';
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // A stray % stays as written.
  }
  return { title, level, path: resolvePath(base, href), fragment: fragment || null };
}

/** Sibling by sibling: jsdom's `children` costs time quadratic in their number. */
function childrenNamed(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (c.localName === localName) out.push(c);
  return out;
}

/**
 * A navigation document or NCX longer than this is not read (the headings stand in): parsing one
 * costs about a millisecond per entry here, and 5,000 entries take some 300,000 characters.
 */
export const MAX_TOC_CHARS = 1_000_000;

function readTocFile(
  window: DOMWindow,
  zip: ZipReader,
  path: string,
  fileName: string,
): Document | null {
  const text = zip.readText(path);
  if (text === null || text.length > MAX_TOC_CHARS) return null;
  return parseXml(window, text, fileName, path);
}

/**
 * Pre-order walk of nested items without recursion (a hostile book nests thousands deep):
 * `visit` returns the item's entry (or null) and `kids` its nested items.
 */
function walk(
  top: Element[],
  visit: (item: Element, level: number) => TocEntry | null,
  kids: (item: Element) => Element[],
): TocEntry[] {
  const out: TocEntry[] = [];
  const stack = top.map((el) => ({ el, level: 1 })).reverse();
  while (stack.length && out.length < MAX_CONTENTS_ENTRIES) {
    const { el, level } = stack.pop()!;
    const e = visit(el, level);
    if (e) out.push(e);
    const nested = kids(el);
    for (let i = nested.length - 1; i >= 0; i--) stack.push({ el: nested[i]!, level: level + 1 });
  }
  return out;
}

/** The EPUB 3 navigation document's toc: `ol > li > (a | span) + ol`. */
export function readNavToc(
  window: DOMWindow,
  zip: ZipReader,
  path: string,
  fileName: string,
): TocEntry[] {
  const doc = readTocFile(window, zip, path, fileName);
  if (!doc) return [];
  const navs = byLocalName(doc, 'nav');
  const toc = navs.find((n) => /\btoc\b/.test(attr(n, 'type') ?? '')) ?? navs[0];
  const list = toc && byLocalName(toc, 'ol')[0];
  if (!list) return [];
  return walk(
    childrenNamed(list, 'li'),
    (li, level) => {
      const a = childrenNamed(li, 'a')[0];
      const href = a?.getAttribute('href');
      const title = clean(a?.textContent);
      return href && title ? entry(path, href, title, level) : null;
    },
    (li) => childrenNamed(li, 'ol').flatMap((ol) => childrenNamed(ol, 'li')),
  );
}

/** The EPUB 2 NCX's navMap: nested `navPoint`s, each a `navLabel/text` and a `content@src`. */
export function readNcxToc(
  window: DOMWindow,
  zip: ZipReader,
  path: string,
  fileName: string,
): TocEntry[] {
  const doc = readTocFile(window, zip, path, fileName);
  if (!doc) return [];
  const map = byLocalName(doc, 'navMap')[0];
  if (!map) return [];
  return walk(
    childrenNamed(map, 'navPoint'),
    (point, level) => {
      const label = childrenNamed(point, 'navLabel')[0];
      const title = clean(label && childrenNamed(label, 'text')[0]?.textContent);
      const src = childrenNamed(point, 'content')[0]?.getAttribute('src');
      return src && title ? entry(path, src, title, level) : null;
    },
    (point) => childrenNamed(point, 'navPoint'),
  );
}

/** Characters of text after a target that identify it (whitespace left out). */
const SNIPPET_CHARS = 32;
const dense = (s: string) => s.replace(/\s+/g, '');

/** What to look for in a chapter's blocks to find the element with this id: null if none. */
export interface Snippet {
  text: string;
  /** How many times `text` occurs in the chapter before the target (the one to pick). */
  before: number;
}

export function fragmentSnippets(root: Element, ids: ReadonlySet<string>): Map<string, Snippet> {
  const out = new Map<string, Snippet>();
  if (!ids.size) return out;
  const doc = root.ownerDocument;
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    const id = el.getAttribute('id')!;
    if (!ids.has(id) || out.has(id)) continue;
    const range = doc.createRange();
    range.setStartBefore(el);
    range.setEnd(root, root.childNodes.length);
    const text = dense(range.toString()).slice(0, SNIPPET_CHARS);
    if (!text) continue;
    range.setStart(root, 0);
    range.setEndBefore(el);
    out.set(id, { text, before: occurrences(dense(range.toString()), text) });
  }
  return out;
}

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** The index of the block in `blocks` where the snippet is found (its right occurrence), or null. */
export function locateSnippet(blocks: readonly Block[], snippet: Snippet): number | null {
  const texts = blocks.map((b) => dense(blockText(b)));
  const all = texts.join('');
  let at = all.indexOf(snippet.text);
  for (let i = 0; i < snippet.before && at >= 0; i++) {
    const next = all.indexOf(snippet.text, at + 1);
    if (next < 0) break; // Fewer copies than before sanitising (alt text, dropped parts): the last.
    at = next;
  }
  if (at < 0) return null;
  let end = 0;
  for (let i = 0; i < texts.length; i++) {
    end += texts[i]!.length;
    if (at < end) return i;
  }
  return null;
}
