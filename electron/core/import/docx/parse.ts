/**
 * DOCX file → `ParsedArticle`.
 *
 * The ZIP is opened with the bounded reader first; only its XML parts and pictures (`word/media/`,
 * inflated under the caps) are repacked, stored, into a new ZIP for mammoth — so mammoth's own
 * unzipping can never meet a bomb. Each picture mammoth meets is checked and kept
 * (`DocumentImages`) and becomes an image block with its alt text (the picture's description). mammoth's HTML then goes through
 * the sanitising HTML path: headings, lists, tables (one paragraph per row, cells split by " | "),
 * footnotes and endnotes as a numbered list at the end with "[1]" references in the text.
 * Metadata from docProps/core.xml.
 */
import { zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { makeBody, type Block } from '../../../model/body';
import { parseNameLines } from '../../../model/metaText';
import { CommonplaceError, errorMessage } from '../../errors';
import { cleanField } from '../../text-fields';
import { normalizeDate } from '../html/dates';
import { titleFromFileName } from '../html/fileTitle';
import { htmlFragmentToBlocks } from '../html/fragment';
import { loadHtml } from '../html/dom';
import { normalizeLang } from '../html/lang';
import { zipLimitsFor } from '../bounded/budget';
import { DocumentImages, keptImages } from '../images';
import type { ParsedArticle } from '../types';
import { firstText, parseXml, ZipReader } from '../zip';

const KEPT_PART = /\.(?:xml|rels)$|^word\/media\//i;

export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ParsedArticle> {
  const zip = new ZipReader(bytes, fileName, zipLimitsFor(bytes.byteLength));
  if (!zip.has('word/document.xml')) {
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: is a ZIP file but not a Word document (it has no word/document.xml)`,
    );
  }
  const parts: Zippable = {};
  for (const entry of zip.entries) {
    if (!KEPT_PART.test(entry.name) || entry.name.endsWith('/')) continue;
    const data = zip.read(entry.name);
    if (data) parts[entry.name] = [data, { level: 0 }];
  }
  const repacked = zipSync(parts);

  const meta = readCoreProperties(zip, fileName);
  const images = new DocumentImages(fileName);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repacked.buffer, repacked.byteOffset, repacked.byteLength) },
      {
        externalFileAccess: false,
        // A kept picture's src is a marker only this parse knows; a refused one keeps its alt text.
        convertImage: mammoth.images.imgElement(async (image) => {
          const bytes = await image.readAsBuffer();
          const hash = images.add(new Uint8Array(bytes), `a picture (${image.contentType})`);
          return { src: hash ? images.srcFor(hash) : '' };
        }),
      },
    );
    html = result.value;
  } catch (e) {
    throw new CommonplaceError(
      'parse_error',
      `${fileName}: the Word document could not be read (${errorMessage(e).slice(0, 200)})`,
    );
  }

  let blocks: Block[];
  try {
    blocks = docxBlocks(html, fileName, images);
  } finally {
    images.dispose();
  }
  const title = meta.title ?? firstHeading(blocks) ?? titleFromFileName(fileName);
  blocks = dropLeadingTitle(blocks, title);
  return {
    format: 'docx',
    title,
    subtitle: null,
    byline: meta.byline,
    published: meta.published,
    siteName: null,
    lang: meta.lang,
    excerpt: meta.excerpt,
    tags: meta.keywords,
    body: makeBody(blocks),
    ...(meta.authors.length ? { meta: { author: parseNameLines(meta.authors) } } : {}),
    ...keptImages(images, blocks),
  };
}

function docxBlocks(html: string, fileName: string, images: DocumentImages): Block[] {
  return htmlFragmentToBlocks(
    html,
    fileName,
    (body) => {
      // Footnote back-links ("↑") point into the text; they are noise once flattened.
      for (const a of Array.from(
        body.querySelectorAll('a[href^="#footnote-ref-"], a[href^="#endnote-ref-"]'),
      ))
        a.remove();
      // mammoth wraps every table cell's text in <p>: unwrapped, a row stays one line of cells.
      for (const p of Array.from(body.querySelectorAll('td p, th p'))) {
        if (p.previousSibling) p.before(' ');
        p.replaceWith(...Array.from(p.childNodes));
      }
    },
    images,
  );
}

interface CoreProperties {
  title: string | null;
  byline: string | null;
  published: string | null;
  lang: string | null;
  excerpt: string | null;
  keywords: string[];
  /** dc:creator as names: Word joins several authors with ";". */
  authors: string[];
}

function readCoreProperties(zip: ZipReader, fileName: string): CoreProperties {
  const empty: CoreProperties = {
    title: null,
    byline: null,
    published: null,
    lang: null,
    excerpt: null,
    keywords: [],
    authors: [],
  };
  const xml = zip.readText('docProps/core.xml');
  if (xml === null) return empty;
  const dom = loadHtml('', fileName);
  try {
    let doc: Document;
    try {
      doc = parseXml(dom.window, xml, fileName, 'docProps/core.xml');
    } catch {
      // Broken metadata doesn't make the document unreadable.
      return empty;
    }
    const title = cleanField(firstText(doc, 'title'), 300);
    const creator = cleanField(firstText(doc, 'creator'), 300);
    const keywords = (firstText(doc, 'keywords') ?? '')
      .split(/[,;]/)
      .map((k) => cleanField(k, 100))
      .filter((k): k is string => k !== null)
      .slice(0, 20);
    return {
      title: title && !/^(?:untitled|title|document\d*)$/i.test(title) ? title : null,
      byline: creator,
      published: normalizeDate(firstText(doc, 'created')),
      lang: normalizeLang(firstText(doc, 'language')),
      excerpt: cleanField(firstText(doc, 'description') ?? firstText(doc, 'subject'), 2000),
      keywords,
      authors: (creator ?? '')
        .split(';')
        .map((n) => n.trim())
        .filter(Boolean)
        .slice(0, 500),
    };
  } finally {
    dom.window.close();
  }
}

function firstHeading(blocks: readonly Block[]): string | null {
  const h = blocks.find((b) => b.type === 'heading');
  return h && h.type === 'heading' ? cleanField(h.content.map((c) => c.text).join(''), 300) : null;
}

function dropLeadingTitle(blocks: Block[], title: string): Block[] {
  const first = blocks[0];
  const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  if (
    first?.type === 'heading' &&
    first.level === 1 &&
    norm(first.content.map((c) => c.text).join('')) === norm(title)
  )
    return blocks.slice(1);
  return blocks;
}
