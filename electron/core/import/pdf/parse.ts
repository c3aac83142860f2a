/**
 * PDF file → `ParsedArticle` with page starts.
 *
 * Per page: positioned text items → lines → (furniture dropped across pages) → paragraphs;
 * headings by font size relative to the body text. Every page starts a new block, so a page
 * start is a block start in the canonical text (the reader draws a break before that block;
 * a paragraph running over a page break is split there, as in the printed book).
 * A PDF without a text layer imports as an item saying so (not an empty article, not a refusal:
 * the original is kept and can be re-parsed once text can be extracted).
 */
import type { Block } from '../../../model/body';
import { BLOCK_SEPARATOR, blockText, makeBody } from '../../../model/body';
import { doiIn, parseNameLines } from '../../../model/metaText';
import type { SourceMeta } from '../../../model/sourceMeta';
import { CommonplaceError, errorMessage, isCommonplaceError } from '../../errors';
import type { PageStart } from '../../../model/pages';
import { cleanField } from '../../text-fields';
import { titleFromFileName } from '../html/fileTitle';
import { normalizeLang } from '../html/lang';
import type { ParsedArticle } from '../types';
import { dropFurniture, type PageBox } from './furniture';
import {
  continuesText,
  endsMidSentence,
  itemsToLines,
  joinLines,
  linesToParagraphs,
  mode,
  type PdfLine,
  type PdfParagraph,
  type PdfTextItem,
} from './layout';
import {
  authorNames,
  authorsByline,
  guessFromOpeningPages,
  isJunkTitle,
  pdfDate,
} from './metadata';
import { stripSiteSuffix } from '../siteSuffix';
import { headerBlockDate } from '../text/document';
import { documentParams, loadPdfJs } from './pdfjs';
import { readOutline, type OutlineSource } from './outline';
import { boundedContents, type ContentsEntry } from '../../../model/contents';

/** Past this many pages a PDF is a scan archive or a data dump, not a source to read. */
export const MAX_PDF_PAGES = 5000;

export const NO_TEXT_NOTICE = 'No extractable text (scanned?)';

interface PdfInfo {
  Title?: unknown;
  Author?: unknown;
  Subject?: unknown;
  CreationDate?: unknown;
  ModDate?: unknown;
  /** The catalog's `/Lang`, as pdf.js reports it. */
  Language?: unknown;
}

interface XmpMetadata {
  get(name: string): unknown;
  getRaw(): unknown;
}

/** How much of the raw XMP packet is searched for attribute-form properties. */
const MAX_XMP_SCAN = 1_000_000;
/** The XMP properties pdf.js reads by element name (lower-cased), in the order they are believed. */
const XMP_DOI = ['prism:doi', 'pdfx:doi', 'crossmark:doi', 'dc:identifier', 'prism:url'];
const XMP_PUBLISHER = ['dc:publisher', 'pdf:publisher', 'prism:publisher'];
/** The same DOI properties written as attributes of rdf:Description (pdf.js reads only elements). */
const XMP_DOI_ATTRIBUTE = /\b(?:prism|pdfx|crossmark):doi\s*=\s*["']([^"'<>]{1,300})["']/i;

/** The DOI and publisher an XMP packet declares (publishers' PDFs carry prism:doi, dc:publisher). */
function xmpPublication(
  get: (name: string) => unknown,
  xmp: XmpMetadata | null,
): { DOI?: string; publisher?: string } {
  let raw = '';
  try {
    const r = xmp?.getRaw();
    raw = typeof r === 'string' ? r.slice(0, MAX_XMP_SCAN) : '';
  } catch {
    // No raw packet: the parsed properties are all there is.
  }
  const doi =
    XMP_DOI.map((k) => doiIn(get(k))).find(Boolean) ?? doiIn(XMP_DOI_ATTRIBUTE.exec(raw)?.[1]);
  const publisher = XMP_PUBLISHER.map((k) => get(k))
    .map((v) => (typeof v === 'string' ? cleanField(v, 300) : null))
    .find(Boolean);
  return { ...(doi ? { DOI: doi } : {}), ...(publisher ? { publisher } : {}) };
}

/** Only what was found (an empty object spreads into nothing). */
function citationMeta(found: Record<string, unknown>): { meta?: SourceMeta } {
  const meta = Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
  return Object.keys(meta).length ? { meta: meta as SourceMeta } : {};
}

export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  const pdfjs = await loadPdfJs();
  let task: ReturnType<typeof pdfjs.getDocument> | undefined;
  let doc;
  try {
    task = pdfjs.getDocument(documentParams(bytes, pdfjs.VerbosityLevel.ERRORS));
    doc = await task.promise;
  } catch (e) {
    await task?.destroy().catch(() => undefined);
    throw explainLoadError(e, fileName);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new CommonplaceError(
        'too_large',
        `${fileName}: ${doc.numPages} pages is over the ${MAX_PDF_PAGES}-page limit for PDFs`,
      );
    }
    const labels = await doc.getPageLabels().catch(() => null);
    const pageLines: PdfLine[][] = [];
    const boxes: PageBox[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({
        includeMarkedContent: false,
        disableNormalization: false,
      });
      const items: PdfTextItem[] = [];
      const styles = content.styles as Record<string, { fontFamily?: string } | undefined>;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [, , c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
        items.push({
          str: item.str,
          x: e,
          y: f,
          width: item.width,
          size: Math.hypot(c, d),
          hasEOL: item.hasEOL,
          mono: styles[item.fontName]?.fontFamily === 'monospace',
        });
      }
      pageLines.push(itemsToLines(items));
      const [, y0 = 0, , y1 = 0] = page.view;
      boxes.push({ bottom: Math.min(y0, y1), top: Math.max(y0, y1) });
      page.cleanup();
    }

    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as PdfInfo;
    const xmp = (meta?.metadata ?? null) as XmpMetadata | null;
    const xmpGet = (name: string): unknown => {
      try {
        return xmp?.get(name) ?? null;
      } catch {
        return null;
      }
    };

    const firstPage = pageLines.find((l) => l.length) ?? [];
    const guess = guessFromOpeningPages(pageLines);
    const declaredTitle = [xmpGet('dc:title'), info.Title]
      .map((t) => (typeof t === 'string' ? cleanField(t, 300) : null))
      .filter((t): t is string => t !== null && !isJunkTitle(t))
      .map((t) => stripSiteSuffix(t, guess.title))
      .find((t) => !isJunkTitle(t));
    const title = declaredTitle ?? guess.title ?? titleFromFileName(fileName);
    // The first page's subtitle, when its title is the one kept.
    const subtitle =
      guess.subtitle && (!declaredTitle || sameText(declaredTitle, guess.title ?? ''))
        ? guess.subtitle
        : null;
    const firstPageText = firstPage.map((l) => l.text).join('\n');
    const xmpAuthors = authorNames(xmpGet('dc:creator'), firstPageText);
    const authors = xmpAuthors.length ? xmpAuthors : authorNames(info.Author, firstPageText);
    const byline = authorsByline(authors) ?? guess.byline;
    // The citation keeps the declared names apart (a list), not the joined byline.
    const citation = citationMeta({
      author: authors.length ? parseNameLines(authors) : undefined,
      ...xmpPublication(xmpGet, xmp),
    });
    // A date the title page states ("for version 4.19.0, 18 August 2022") is the document's; the
    // file's creation date is when it was last built or printed, often years later.
    const titleBlock =
      guess.title && sameText(guess.title, title)
        ? [
            ...guess.lines.date,
            ...guess.lines.title,
            ...guess.lines.subtitle,
            ...guess.lines.authors,
          ]
        : [];
    const published =
      headerBlockDate(titleBlock.map((l) => l.text).join('\n')) ??
      pdfDate(xmpGet('xmp:createdate')) ??
      pdfDate(info.CreationDate) ??
      pdfDate(xmpGet('dc:date'));
    const subject = typeof info.Subject === 'string' ? cleanField(info.Subject, 2000) : null;
    const xmpLang = xmpGet('dc:language');
    const lang =
      normalizeLang(Array.isArray(xmpLang) ? xmpLang[0] : xmpLang) ?? normalizeLang(info.Language);

    // The title block the reader shows above the body (title, subtitle, authors and their
    // affiliations) leaves the body, else it runs into the first paragraph. Only when the title
    // read from the page is the one kept: another large line may be a chapter heading.
    const shown = new Set<PdfLine>();
    if (guess.title && sameText(guess.title, title)) {
      for (const l of [...guess.lines.title, ...guess.lines.authors, ...guess.lines.date])
        shown.add(l);
      if (subtitle) for (const l of guess.lines.subtitle) shown.add(l);
    }
    const kept = dropFurniture(pageLines, boxes).map((lines) => lines.filter((l) => !shown.has(l)));
    const bodySize = mode(kept.flat().map((l) => l.size));
    const blocks: Block[] = [];
    const pages: PageStart[] = [];
    /** Where each page with text starts in the canonical text, by page index (for the outline). */
    const pageStarts = new Map<number, number>();
    let offset = 0;
    kept.forEach((lines, i) => {
      const pageBlocks = linesToParagraphs(lines, bodySize).map((p) => toBlock(p, bodySize));
      if (!pageBlocks.length) return;
      // Dropping the title that opens page 1: the reader shows it above the body.
      if (
        !blocks.length &&
        pageBlocks[0]?.type === 'heading' &&
        sameText(blockText(pageBlocks[0]), title)
      )
        pageBlocks.shift();
      if (!pageBlocks.length) return;
      const label = cleanField(labels?.[i], 40) ?? String(i + 1);
      // A sentence cut by the page break goes on in one paragraph; the page starts inside it,
      // where its continuation does.
      const last = blocks.at(-1);
      const next = pageBlocks[0]!;
      if (
        last?.type === 'paragraph' &&
        next.type === 'paragraph' &&
        endsMidSentence(blockText(last)) &&
        continuesText(blockText(next))
      ) {
        const before = blockText(last);
        const after = blockText(next);
        const joined = joinLines(before, after);
        blocks[blocks.length - 1] = { type: 'paragraph', content: [{ text: joined }] };
        offset += joined.length - before.length;
        pages.push({ label, start: offset - after.length });
        pageBlocks.shift();
      } else {
        pages.push({ label, start: blocks.length ? offset + BLOCK_SEPARATOR.length : 0 });
      }
      pageStarts.set(i, pages.at(-1)!.start);
      for (const block of pageBlocks) {
        offset += (blocks.length ? BLOCK_SEPARATOR.length : 0) + blockText(block).length;
        blocks.push(block);
      }
    });

    if (!blocks.length) {
      const notice = `${NO_TEXT_NOTICE}: this PDF has ${doc.numPages} page${doc.numPages === 1 ? '' : 's'} but no text layer. The original file is kept with this item; open it in your PDF viewer, or re-parse it after running OCR on it.`;
      return {
        format: 'pdf',
        title,
        subtitle: null,
        byline,
        published,
        siteName: null,
        lang,
        excerpt: NO_TEXT_NOTICE,
        tags: [],
        body: makeBody([{ type: 'paragraph', content: [{ text: notice }] }]),
        pages: [],
        ...citation,
        warnings: [
          `${fileName}: no text layer (${doc.numPages} page${doc.numPages === 1 ? '' : 's'}, scanned?); imported with a notice in place of its text`,
        ],
      };
    }
    const unreadable = unreadableShare(blocks);
    return {
      format: 'pdf',
      title,
      subtitle,
      byline,
      published,
      siteName: null,
      lang,
      excerpt: subject,
      tags: [],
      body: makeBody(blocks),
      pages,
      contents: outlineContents(
        await readOutline(doc as unknown as OutlineSource),
        pageStarts,
        doc.numPages,
        offset,
      ),
      ...citation,
      ...(unreadable >= UNREADABLE_WARN_SHARE
        ? {
            warnings: [
              `${fileName}: ${Math.round(unreadable * 100)}% of the text is unreadable (its fonts have no Unicode map); the original file is kept with this item — run OCR on it or open it in your PDF viewer`,
            ],
          }
        : {}),
    };
  } catch (e) {
    // pdf.js loads pages lazily: a damaged page tree ("circular reference") only shows here.
    if (isCommonplaceError(e)) throw e;
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: the PDF could not be read (${errorMessage(e)})`,
    );
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/**
 * The outline's entries at the start of their pages in the canonical text; an entry on a page
 * without text goes to the next page that has some (or is dropped at the end).
 */
function outlineContents(
  outline: readonly { title: string; level: number; pageIndex: number }[],
  pageStarts: ReadonlyMap<number, number>,
  numPages: number,
  textLength: number,
): ContentsEntry[] {
  const entries = outline.flatMap((e) => {
    for (let p = e.pageIndex; p < numPages; p++) {
      const start = pageStarts.get(p);
      if (start !== undefined) return [{ level: e.level, title: e.title, start }];
    }
    return [];
  });
  return boundedContents(entries, textLength);
}

/**
 * A font without a Unicode map gives its glyph ids as characters: control characters, private-use
 * code points and U+FFFD where letters should be. Past this share of the text, the import warns.
 */
export const UNREADABLE_WARN_SHARE = 0.1;

const UNREADABLE_CHAR = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ue000-\uf8ff\ufffd]/gu;

/** The share of non-space characters that can't be read as text. */
export function unreadableShare(blocks: readonly Block[]): number {
  let total = 0;
  let bad = 0;
  for (const block of blocks) {
    const text = blockText(block).replace(/\s+/g, '');
    total += text.length;
    bad += text.match(UNREADABLE_CHAR)?.length ?? 0;
  }
  return total ? bad / total : 0;
}

function toBlock(p: PdfParagraph, bodySize: number): Block {
  if (p.code) return { type: 'code', text: p.text };
  if (p.caption) return { type: 'caption', content: [{ text: p.text }] };
  if (p.figure) return { type: 'figure', content: [{ text: p.text }] };
  const ratio = bodySize > 0 ? p.size / bodySize : 1;
  // Headings are short and set larger than the body text.
  if (ratio >= 1.15 && p.text.length <= 200 && p.lines.length <= 4) {
    const level = ratio >= 1.6 ? 1 : ratio >= 1.3 ? 2 : 3;
    return { type: 'heading', level, content: [{ text: p.text }] };
  }
  return { type: 'paragraph', content: [{ text: p.text }] };
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

function explainLoadError(e: unknown, fileName: string): CommonplaceError {
  const name = e instanceof Error ? e.name : '';
  if (name === 'PasswordException') {
    return new CommonplaceError(
      'encrypted',
      `${fileName}: the PDF is password-protected; open it with its password, save an unprotected copy and import that`,
    );
  }
  if (name === 'InvalidPDFException')
    return new CommonplaceError(
      'parse_error',
      `${fileName}: is not a readable PDF (the file is damaged or truncated)`,
    );
  return new CommonplaceError(
    'parse_error',
    `${fileName}: the PDF could not be read (${errorMessage(e)})`,
  );
}
