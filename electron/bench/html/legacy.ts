/**
 * The HTML importer as it was before it moved off jsdom (core/import/html/parse.ts at that time),
 * kept only so `npm run bench -- html` can time the old and the new pipeline side by side.
 *
 * Decode with the page's real encoding → cap pathological nesting (in the source, then the DOM) →
 * inert jsdom document →
 * page metadata from the untouched document → Readability on a copy (or, when it gives up or
 * the page is huge, the page's `<article>`/`<main>`/`<body>`) → DOMPurify → structured `Body`.
 */
import { Readability } from '@mozilla/readability';
import type { Block } from '../../model/body';
import { inlineText, makeBody } from '../../model/body';
import { CommonplaceError } from '../../core/errors';
import { cleanField } from '../../core/text-fields';
import { decodeText, sniffHtmlCharset } from '../../core/import/decode';
import type { ParsedArticle } from '../../core/import/types';
import { normalizeDate } from '../../core/import/html/dates';
import { pickByline } from '../../core/import/html/byline';
import { limitDepth, loadHtml } from '../../core/import/html/dom';
import { titleFromFileName } from '../../core/import/html/fileTitle';
import { normalizeLang } from '../../core/import/html/lang';
import { httpBase } from '../../core/import/html/links';
import { readPageMetadata } from '../../core/import/html/metadata';
import { capNesting } from '../../core/import/html/nesting';
import { sanitizeInPlace } from '../../core/import/html/sanitize';
import { domToBlocks } from '../../core/import/html/toBody';
import { pageCitationMeta } from '../../core/import/html/citationMeta';

/**
 * Past this many elements Readability takes many seconds (it rescans the tree per candidate);
 * such a page is imported from its main element instead.
 */
const MAX_READABILITY_ELEMENTS = 15_000;

export function parseHtmlLegacy(
  bytes: Uint8Array,
  fileName: string,
  sourceUrl?: string,
): ParsedArticle {
  const html = decodeText(bytes, fileName, { declaredCharset: sniffHtmlCharset(bytes) });
  const baseUrl = httpBase(sourceUrl);
  const dom = loadHtml(capNesting(html), fileName, baseUrl);
  try {
    const { window } = dom;
    const doc = window.document;
    limitDepth(doc.documentElement);
    // Relative links resolve against the source URL only: a page's own <base> could point them anywhere.
    for (const base of Array.from(doc.querySelectorAll('base'))) base.remove();

    const meta = readPageMetadata(doc);
    const citation = pageCitationMeta(doc);
    const article = runReadability(doc);
    const content = article?.content ?? fallbackContent(doc);
    sanitizeInPlace(window, content);
    const options = baseUrl ? { baseUrl } : {};
    let blocks = domToBlocks(content, options);
    if (!blocks.length && article) {
      // Readability can keep a shell and drop the text of a small page; the body then does better.
      const fallback = fallbackContent(doc);
      sanitizeInPlace(window, fallback);
      blocks = domToBlocks(fallback, options);
    }

    const title =
      cleanField(article?.title) ??
      meta.title ??
      firstHeadingText(blocks) ??
      titleFromFileName(fileName);
    blocks = dropLeadingTitle(blocks, title);
    if (!blocks.length)
      throw new CommonplaceError('empty_file', `${fileName}: the page has no readable text`);

    return {
      format: 'html',
      title,
      subtitle: null,
      byline: pickByline(article?.byline, meta.authors),
      published: normalizeDate(article?.publishedTime) ?? meta.published,
      siteName: cleanField(article?.siteName) ?? meta.siteName,
      lang: meta.lang ?? normalizeLang(article?.lang),
      excerpt: cleanField(article?.excerpt) ?? meta.excerpt,
      tags: [],
      body: makeBody(blocks),
      meta: citation,
    };
  } finally {
    dom.window.close();
  }
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

/** Readability on a copy of the document, or null when it finds nothing or the page is too big for it. */
function runReadability(doc: Document): ReadabilityResult | null {
  if (doc.getElementsByTagName('*').length > MAX_READABILITY_ELEMENTS) return null;
  const copy = doc.cloneNode(true) as Document;
  const result = new Readability<Node>(copy, {
    // Hand back the DOM node itself: no serialise/re-parse round trip.
    serializer: (node) => node,
    classesToPreserve: ['caption', 'wp-caption-text'],
  }).parse();
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
