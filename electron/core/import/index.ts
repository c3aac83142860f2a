import { CommonplaceError } from '../errors';
import { decodeText } from './decode';
import { detectFormat } from './detect';
import { parseDocx } from './docx';
import { parseEpub } from './epub';
import { parseHtml } from './html';
import { languageSample, resolveLanguage } from './language';
import { parseMarkdown } from './markdown';
import { parsePdf } from './pdf';
import { parsePastedText } from './text';
import type { ImportFormat, ParsedArticle } from './types';

/**
 * Sources are articles, papers and books, not data dumps: past these sizes a file is refused with
 * a clear limit instead of freezing the import and bloating the search index. A text, Markdown or
 * HTML file is all text, so 20 MB is already several long books. A PDF, EPUB or DOCX is mostly
 * images and fonts (a scanned report or an illustrated book passes 20 MB easily) and only its
 * text parts are parsed (ZIP entries are inflated only when wanted, under their own caps), so
 * those may be far larger. The original is stored whole in the library.
 */
export const MAX_TEXT_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;
const TEXT_FORMATS: ReadonlySet<ImportFormat> = new Set(['text', 'markdown', 'html']);

export const MEDIA_TYPES: Record<ImportFormat, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
  epub: 'application/epub+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Checked before a file is read (its format isn't known yet): the limit for any file. */
export function checkImportSize(size: number, fileName: string): void {
  if (size === 0) throw new CommonplaceError('empty_file', `${fileName}: the file is empty`);
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new CommonplaceError(
      'too_large',
      `${fileName}: ${formatMegabytes(size)} is over the ${formatMegabytes(MAX_IMPORT_FILE_BYTES)} limit for imported files`,
    );
  }
}

/** Checked once the format is known: text formats have the lower limit. */
function checkFormatSize(format: ImportFormat, size: number, fileName: string): void {
  if (TEXT_FORMATS.has(format) && size > MAX_TEXT_IMPORT_BYTES) {
    throw new CommonplaceError(
      'too_large',
      `${fileName}: ${formatMegabytes(size)} is over the ${formatMegabytes(MAX_TEXT_IMPORT_BYTES)} limit for text, Markdown and HTML files (PDF, EPUB and DOCX files may be up to ${formatMegabytes(MAX_IMPORT_FILE_BYTES)})`,
    );
  }
}

/**
 * Detects the format from the bytes and parses the document. Pure: no library access.
 * Asynchronous because pdfjs and mammoth are; the text formats parse synchronously inside.
 */
export async function parseDocument(
  bytes: Uint8Array,
  fileName: string,
  source?: string,
): Promise<ParsedArticle> {
  const article = await parseFormat(bytes, fileName, source);
  return { ...article, lang: resolveLanguage(article.lang, languageSample(article.body)) };
}

async function parseFormat(
  bytes: Uint8Array,
  fileName: string,
  source?: string,
): Promise<ParsedArticle> {
  checkImportSize(bytes.byteLength, fileName);
  const format = detectFormat(bytes, fileName);
  checkFormatSize(format, bytes.byteLength, fileName);
  if (format === 'pdf') return parsePdf(bytes, fileName);
  if (format === 'epub') return parseEpub(bytes, fileName);
  if (format === 'docx') return parseDocx(bytes, fileName);
  if (format === 'html')
    return parseHtml(bytes, fileName, source && /^https?:/i.test(source) ? source : undefined);
  const text = decodeText(bytes, fileName);
  if (!text.trim()) throw new CommonplaceError('empty_file', `${fileName}: the file has no text`);
  return format === 'markdown' ? parseMarkdown(text, fileName) : parsePastedText(text, fileName);
}
