/**
 * HTML file → `ParsedArticle`.
 *
 * Decode with the page's real encoding → cap pathological nesting (in the source, then the DOM) →
 * inert document (parse5 into linkedom: tree.ts) →
 * page metadata from the untouched document → Readability on a copy (or, when it gives up or
 * the page is huge, the page's `<article>`/`<main>`/`<body>`) → sanitised (purify.ts, DOMPurify's
 * walk) → structured `Body`. The result is the one the jsdom + DOMPurify pipeline gave, several
 * times faster (equivalence.test.ts; `npm run bench -- html`).
 */
import { Readability } from '@mozilla/readability';
import type { Block } from '../../../model/body';
import { inlineText, makeBody } from '../../../model/body';
import { CommonplaceError } from '../../errors';
import { cleanField } from '../../text-fields';
import { decodeText, sniffHtmlCharset } from '../decode';
import type { ParsedArticle } from '../types';
import { normalizeDate } from './dates';
import { bylineDate, pickByline } from './byline';
import { limitDepth } from './dom';
import { stripSiteSuffix } from '../siteSuffix';
import { titleFromFileName } from './fileTitle';
import { normalizeLang } from './lang';
import { httpBase } from './links';
import { readPageMetadata } from './metadata';
import { capNesting } from './nesting';
import { sanitizeTree } from './sanitize';
import { elementsNamed, parsePage, type PageTree } from './tree';
import { isProbablyVisible } from './visibility';
import { domToBlocks } from './toBody';
import { DocumentImages, keptImages, type ImageResolver } from '../images';
import { pageCitationMeta } from './citationMeta';
import { CAPTION_CLASSES, leadCreditCaptions, markSiteCaptions } from './captions';

/**
 * Past this many elements Readability takes many seconds (it rescans the tree per candidate);
 * such a page is imported from its main element instead.
 */
export const MAX_READABILITY_ELEMENTS = 15_000;

/** What a page saved with its resources (a zipped "Web page, complete", an MHTML file) adds. */
export interface PageArchive {
  resolveImage: ImageResolver;
  /** Pictures named by absolute URL are looked up in the archive too (MHTML keeps those URLs). */
  absoluteUrls?: boolean;
  /** The page's charset as the archive declares it. */
  charset?: string;
}

export function parseHtml(
  bytes: Uint8Array,
  fileName: string,
  sourceUrl?: string,
  archive?: PageArchive,
): ParsedArticle {
  // The archive's declaration outranks a <meta>, as an HTTP header does.
  const declaredCharset = archive?.charset || sniffHtmlCharset(bytes);
  const html = decodeText(bytes, fileName, { declaredCharset });
  const baseUrl = httpBase(sourceUrl);
  const page = loadPage(capNesting(html), fileName, baseUrl);
  const doc = page.document;
  const elements = page.elements - prepare(doc);

  const meta = readPageMetadata(doc);
  const citation = pageCitationMeta(doc);
  // Readability works on the document itself; the fallbacks below want the page as it was, which
  // is built again from the parse in the rare cases they need it (cheaper than a copy every time).
  const readable = elements <= MAX_READABILITY_ELEMENTS;
  const article = readable ? runReadability(doc) : null;
  const untouched = (): Document => {
    if (!readable) return doc;
    const fresh = page.fresh();
    prepare(fresh);
    return fresh;
  };
  const content = article?.content ?? fallbackContent(untouched());
  // A saved page's own pictures are its data: URLs, or the files saved beside it (a zipped
  // "Web page, complete": savedPage.ts resolves those); a remote picture is never fetched.
  const images = new DocumentImages(fileName, archive?.resolveImage, archive?.absoluteUrls);
  let blocks: Block[];
  try {
    sanitizeTree(content, images);
    const options = { ...(baseUrl ? { baseUrl } : {}), images };
    blocks = domToBlocks(content, options);
    if (!blocks.length && article) {
      // Readability can keep a shell and drop the text of a small page; the body then does better.
      const fallback = fallbackContent(untouched());
      sanitizeTree(fallback, images);
      blocks = domToBlocks(fallback, options);
    }
  } finally {
    images.dispose();
  }

  const pageTitle = cleanField(article?.title) ?? meta.title;
  const siteName = cleanField(article?.siteName) ?? meta.siteName;
  const title =
    (pageTitle && stripSiteSuffix(pageTitle, meta.heading, siteName)) ??
    firstHeadingText(blocks) ??
    titleFromFileName(fileName);
  blocks = leadCreditCaptions(dropLeadingTitle(blocks, title));
  if (!blocks.length)
    throw new CommonplaceError('empty_file', `${fileName}: the page has no readable text`);

  return {
    format: 'html',
    title,
    subtitle: null,
    byline: pickByline(article?.byline, meta.authors),
    // The date printed in the byline is the last resort: metadata says which date it is.
    published:
      normalizeDate(article?.publishedTime) ?? meta.published ?? bylineDate(article?.byline),
    siteName,
    lang: meta.lang ?? normalizeLang(article?.lang),
    excerpt: cleanField(article?.excerpt) ?? meta.excerpt,
    tags: [],
    body: makeBody(blocks),
    meta: citation,
    ...keptImages(images, blocks),
  };
}

function loadPage(html: string, fileName: string, url: string | undefined): PageTree {
  try {
    return parsePage(html, url);
  } catch (e) {
    // Should a tree still be too deep for some step, say so rather than crash.
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
 * Flattens pathological nesting, drops `<base>` and marks the site's photo captions; returns how
 * many elements went.
 */
function prepare(doc: Document): number {
  let removed = doc.documentElement ? limitDepth(doc.documentElement) : 0;
  // Relative links resolve against the source URL only: a page's own <base> could point them anywhere.
  for (const base of Array.from(doc.querySelectorAll('base'))) {
    base.remove();
    removed++;
  }
  markSiteCaptions(doc);
  return removed;
}

interface ReadabilityResult {
  content: Element;
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
  lang: string | null;
  excerpt: string | null;
}

/** Readability on the document (which it changes), or null when it finds nothing. */
function runReadability(doc: Document): ReadabilityResult | null {
  const reader = new Readability<Node>(doc, {
    // Hand back the DOM node itself: no serialise/re-parse round trip.
    serializer: (node) => node,
    classesToPreserve: CAPTION_CLASSES,
  });
  // Two of its steps read the DOM as jsdom does, faster (see tree.ts and visibility.ts).
  Object.assign(reader, {
    _isProbablyVisible: isProbablyVisible,
    _getAllNodesWithTag: elementsNamed,
  });
  const result = reader.parse();
  const content = result?.content;
  if (!result || !content || content.nodeType !== 1) return null;
  return {
    content: content as Element,
    title: result.title ?? null,
    byline: result.byline ?? null,
    publishedTime: result.publishedTime ?? null,
    siteName: result.siteName ?? null,
    lang: result.lang ?? null,
    excerpt: result.excerpt ?? null,
  };
}

/**
 * The page's single `<article>` or `<main>` if it has one, else its body, moved into a detached
 * `div` (the sanitiser works in place and needs an allowed root element).
 */
function fallbackContent(doc: Document): Element {
  const articles = doc.querySelectorAll('article');
  const source =
    (articles.length === 1 ? articles[0] : null) ??
    doc.querySelector('main') ??
    doc.body ??
    doc.documentElement;
  const container = doc.createElement('div');
  if (source) {
    while (source.firstChild) container.appendChild(source.firstChild);
  }
  return container;
}

function firstHeadingText(blocks: readonly Block[]): string | null {
  for (const block of blocks) {
    if (block.type === 'heading') return cleanField(inlineText(block.content));
  }
  return null;
}

/** A heading repeating the title at the top of the body (h1 or h2) is dropped. */
function dropLeadingTitle(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  if (first?.type === 'heading' && first.level <= 2 && sameText(inlineText(first.content), title))
    return blocks.slice(1);
  return blocks;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}
