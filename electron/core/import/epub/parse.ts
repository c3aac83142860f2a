/**
 * EPUB 2/3 file → `ParsedArticle`: one article per book, chapters in spine order.
 *
 * Each chapter's XHTML is parsed as XML (EPUB requires well-formed XHTML; an HTML parse would
 * misread `<title/>` or `<a id="p1"/>`), falling back to the HTML parser for the sloppy ones, then
 * imported into one inert jsdom document per book and sent through the web page walls (DOMPurify,
 * block walker). Per chapter:
 *  - a chapter that doesn't open with a heading gets one from the table of contents;
 *  - page-break markers (`epub:type="pagebreak"`) are dropped: they are print page numbers;
 *  - note references become "[n]" in the text; notes (`epub:type="footnote"/"endnote"`, DPUB-ARIA
 *    roles) stay as text where the book puts them, usually at the chapter's end;
 *  - pictures the book holds (png, jpeg, gif, webp, sanitised svg) are kept as image blocks with
 *    their alt text (`DocumentImages`); others become their alt text; CSS is not read, so vertical
 *    Japanese (`writing-mode`) simply reads as horizontal text.
 * Right-to-left books: the language (he, ar, fa, ur…) sets the reader's direction; an RTL book
 * (spine `page-progression-direction="rtl"`, or `dir="rtl"`) without a language gets `und-Hebr`
 * or `und-Arab` from its script.
 */
import type { DOMWindow } from 'jsdom';
import { BLOCK_SEPARATOR, blockText, makeBody, type Block } from '../../../model/body';
import { boundedContents, type ContentsEntry } from '../../../model/contents';
import { parseNameLines } from '../../../model/metaText';
import type { SourceMeta } from '../../../model/sourceMeta';
import { CommonplaceError } from '../../errors';
import { cleanField } from '../../text-fields';
import { normalizeDate } from '../html/dates';
import { limitDepth, loadHtml } from '../html/dom';
import { titleFromFileName } from '../html/fileTitle';
import { sanitizedBlocks } from '../html/fragment';
import { normalizeLang } from '../html/lang';
import { capNesting } from '../html/nesting';
import { zipLimitsFor } from '../bounded/budget';
import type { ParsedArticle } from '../types';
import { nestsDeeperThan, ZipReader } from '../zip';
import { DocumentImages, keptImages } from '../images';
import { readPackage, type EpubMetadata, type SpineItem } from './package';
import { resolvePath } from './paths';
import { fragmentSnippets, locateSnippet, type Snippet, type TocEntry } from './toc';

/** A book longer than this many spine items is almost certainly machine-generated junk. */
export const MAX_EPUB_CHAPTERS = 2000;

const NOTE_TYPES = /\b(?:footnote|endnote|rearnote|note)\b/;
const NOTE_ROLES = /\bdoc-(?:footnote|endnote|endnotes)\b/;

export async function parseEpub(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  const zip = new ZipReader(bytes, fileName, zipLimitsFor(bytes.byteLength));
  const mimetype = zip.readText('mimetype');
  if (mimetype !== null && mimetype.trim() !== 'application/epub+zip') {
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: is a ZIP file but not an EPUB book (its mimetype is "${mimetype.trim().slice(0, 60)}")`,
    );
  }
  const dom = loadHtml('<!DOCTYPE html><html><body></body></html>', fileName);
  let chapterPath = '';
  const images = new DocumentImages(fileName, (src) => zip.read(resolvePath(chapterPath, src)));
  try {
    const { window } = dom;
    const pkg = readPackage(window, zip, fileName);
    if (!pkg.spine.length)
      throw new CommonplaceError(
        'parse_error',
        `${fileName}: the book's reading order lists no chapters`,
      );
    if (pkg.spine.length > MAX_EPUB_CHAPTERS) {
      throw new CommonplaceError(
        'too_large',
        `${fileName}: ${pkg.spine.length} chapters is over the ${MAX_EPUB_CHAPTERS}-chapter limit`,
      );
    }
    const blocks: Block[] = [];
    let rtlBody = false;
    const fragments = fragmentsByPath(pkg.toc);
    /** Per chapter path: the index of its first block, and of its targets' blocks by id. */
    const places = new Map<string, { start: number; ids: Map<string, number> }>();
    for (const item of pkg.spine) {
      chapterPath = item.path;
      const chapter = readChapter(window, zip, item, fileName, images, fragments.get(item.path));
      if (!chapter) continue;
      rtlBody ||= chapter.rtl;
      const start = blocks.length;
      const tocTitle = cleanField(pkg.tocTitles.get(item.path), 300);
      if (chapter.blocks.length && chapter.blocks[0]?.type !== 'heading' && tocTitle) {
        blocks.push({ type: 'heading', level: 2, content: [{ text: tocTitle }] });
      }
      const first = blocks.length;
      blocks.push(...chapter.blocks);
      if (chapter.blocks.length && !places.has(item.path)) {
        const ids = new Map<string, number>();
        for (const [id, snippet] of chapter.targets) {
          const at = locateSnippet(chapter.blocks, snippet);
          if (at !== null) ids.set(id, first + at);
        }
        places.set(item.path, { start, ids });
      }
    }
    const m = pkg.metadata;
    const title = cleanField(m.title, 300) ?? titleFromFileName(fileName);
    if (!blocks.length)
      throw new CommonplaceError('empty_file', `${fileName}: the book has no readable text`);
    const lang = normalizeLang(m.language);
    return {
      format: 'epub',
      title,
      subtitle: null,
      byline: cleanField(m.creators.join(', '), 300),
      published: normalizeDate(m.date),
      siteName: cleanField(m.publisher, 300),
      // Without a declared language an RTL book still needs its direction: "undetermined
      // language, Hebrew/Arabic script" (und-Hebr, und-Arab) says exactly what is known.
      lang: lang ?? (pkg.rtl || rtlBody ? rtlScriptTag(blocks) : null),
      excerpt: cleanField(stripTags(window, m.description), 2000),
      tags: [],
      body: makeBody(blocks),
      contents: tocContents(pkg.toc, places, blocks),
      meta: bookMeta(m),
      ...keptImages(images, blocks),
    };
  } finally {
    images.dispose();
    dom.window.close();
  }
}

interface Chapter {
  blocks: Block[];
  rtl: boolean;
  /** Where the table of contents' #fragments into this chapter are, by id. */
  targets: Map<string, Snippet>;
}

function fragmentsByPath(toc: readonly TocEntry[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const e of toc) {
    if (!e.fragment) continue;
    const ids = out.get(e.path) ?? new Set<string>();
    ids.add(e.fragment);
    out.set(e.path, ids);
  }
  return out;
}

/**
 * The book's table of contents at its places in the canonical text: an entry into a chapter
 * lands at its start, one with a #fragment at the block holding its target (the chapter's start
 * when the target isn't found); an entry whose file isn't in the reading order is skipped.
 */
function tocContents(
  toc: readonly TocEntry[],
  places: ReadonlyMap<string, { start: number; ids: ReadonlyMap<string, number> }>,
  blocks: readonly Block[],
): ContentsEntry[] {
  if (!toc.length) return [];
  const offsets: number[] = [];
  let at = 0;
  for (const block of blocks) {
    offsets.push(at);
    at += blockText(block).length + BLOCK_SEPARATOR.length;
  }
  const entries = toc.flatMap((e) => {
    const place = places.get(e.path);
    if (!place) return [];
    const index = (e.fragment ? place.ids.get(e.fragment) : undefined) ?? place.start;
    return [{ level: e.level, title: e.title, start: offsets[index]! }];
  });
  return boundedContents(entries, Math.max(0, at - BLOCK_SEPARATOR.length));
}

function readChapter(
  window: DOMWindow,
  zip: ZipReader,
  item: SpineItem,
  fileName: string,
  images: DocumentImages,
  fragments: ReadonlySet<string> = new Set(),
): Chapter | null {
  const raw = zip.read(item.path);
  if (raw === null) return null; // The manifest names a file the ZIP lacks: skip it, keep the book.
  const text = new TextDecoder('utf-8').decode(raw);
  const parser = new window.DOMParser();
  let source: Document;
  try {
    // Pathological nesting goes to the HTML parser, whose source is flattened beyond a depth first.
    const asHtml = (): Document =>
      parser.parseFromString(capNesting(forHtmlParser(text)), 'text/html');
    source = nestsDeeperThan(text)
      ? asHtml()
      : parser.parseFromString(text, 'application/xhtml+xml');
    if (source.getElementsByTagName('parsererror').length) source = asHtml();
  } catch (e) {
    // jsdom builds trees recursively: absurd nesting exhausts the stack.
    if (e instanceof RangeError)
      throw new CommonplaceError(
        'parse_error',
        `${fileName}: ${item.path} is nested too deeply to import`,
      );
    throw e;
  }
  const body = source.getElementsByTagName('body')[0] ?? source.documentElement;
  if (!body) return null;
  const dir = (
    body.getAttribute('dir') ??
    source.documentElement?.getAttribute('dir') ??
    ''
  ).toLowerCase();

  const doc = window.document;
  const container = doc.createElement('div');
  const imported = doc.importNode(body, true);
  while (imported.firstChild) container.appendChild(imported.firstChild);
  limitDepth(container);
  prepareChapter(container);
  const targets = fragmentSnippets(container, fragments);
  return { blocks: sanitizedBlocks(window, container, images), rtl: dir === 'rtl', targets };
}

/**
 * XHTML read by the HTML parser: a self-closed `<title/>` or `<script/>` would open a raw-text
 * element that swallows the rest of the chapter, so those get their end tag.
 */
function forHtmlParser(xhtml: string): string {
  return xhtml.replace(
    /<(title|script|style|textarea|iframe|noscript|xmp|noembed|noframes)(\s[^<>]*?)?\/>/gi,
    '<$1$2></$1>',
  );
}

function epubType(el: Element): string {
  for (const a of Array.from(el.attributes))
    if (a.localName === 'type' && (a.prefix === 'epub' || a.name === 'epub:type')) return a.value;
  return '';
}

function prepareChapter(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!root.contains(el)) continue; // inside a note reference already replaced
    const type = epubType(el);
    const role = el.getAttribute('role') ?? '';
    if (/\bpagebreak\b/.test(type) || role === 'doc-pagebreak') {
      el.remove();
      continue;
    }
    if (/\bnoteref\b/.test(type) || role === 'doc-noteref') {
      const label = (el.textContent ?? '').replace(/[[\]\s]/g, '');
      el.replaceWith(root.ownerDocument.createTextNode(label ? `[${label}]` : ''));
      continue;
    }
    if (NOTE_TYPES.test(type) || NOTE_ROLES.test(role)) {
      // An <aside> is allowed but reads as a block of its own; make sure notes stay blocks of text.
      el.setAttribute('class', 'note');
    }
  }
}

function stripTags(window: DOMWindow, html: string | null): string | null {
  if (!html) return null;
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return doc.body?.textContent ?? null;
}

/** `und-Hebr` / `und-Arab` from the script of the opening text, or null. */
function rtlScriptTag(blocks: readonly Block[]): string | null {
  const sample = blocks
    .slice(0, 20)
    .map((b) =>
      (b.type === 'list' ? b.items.flat() : b.type === 'code' ? [] : b.content)
        .map((i) => i.text)
        .join(''),
    )
    .join(' ');
  if (/\p{Script=Hebrew}/u.test(sample)) return 'und-Hebr';
  if (/\p{Script=Arabic}/u.test(sample)) return 'und-Arab';
  return null;
}

/** The OPF's citation metadata: a book, its people by role (a list, not the joined byline). */
function bookMeta(m: EpubMetadata): SourceMeta {
  const meta: Record<string, unknown> = { type: 'book' };
  for (const role of ['author', 'editor', 'translator'] as const) {
    // All of them: a list longer than MAX_NAMES is cut where it is stored, with "others".
    const names = m.names[role];
    if (names.length) meta[role] = parseNameLines(names);
  }
  const publisher = cleanField(m.publisher, 300);
  if (publisher) meta.publisher = publisher;
  if (m.isbn) meta.ISBN = m.isbn;
  if (m.doi) meta.DOI = m.doi;
  return meta as SourceMeta;
}
