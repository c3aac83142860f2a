import { CommonplaceError } from '../errors';
import { decodeText } from './decode';
import { detectFormat, isZip } from './detect';
import { isMhtml } from './html/mime';
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
 * Loads every format's parser now. The parser thread calls it before it says it is ready, so a
 * file's time budget never pays for loading jsdom or pdf.js; elsewhere parsers load on first use.
 */
export async function loadParsers(): Promise<void> {
  await Promise.all([
    import('./pdf'),
    import('./epub'),
    import('./docx'),
    import('./html'),
    import('./markdown'),
    import('./text'),
    import('./language'),
  ]);
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
  // Loaded here, not at the top: franc, like every parser below, costs a command that never
  // imports (`list`, `show`) its start-up time (electron/cli/startup.test.ts).
  const { languageSample, resolveLanguage } = await import('./language');
  return { ...article, lang: resolveLanguage(article.lang, languageSample(article.body)) };
}

async function parseFormat(
  bytes: Uint8Array,
  fileName: string,
  source?: string,
): Promise<ParsedArticle> {
  checkImportSize(bytes.byteLength, fileName);
  const format = detectFormat(bytes, fileName);
  // A zipped saved page is mostly pictures: only its page is held to the text limit.
  if (format === 'html' && isZip(bytes))
    return (await import('./html/savedPage')).parseSavedPage(
      bytes,
      fileName,
      source && /^https?:/i.test(source) ? source : undefined,
      MAX_TEXT_IMPORT_BYTES,
    );
  // So is an MHTML file (the page and its pictures in one MIME message).
  if (format === 'html' && isMhtml(bytes))
    return (await import('./html/mhtml')).parseMhtml(bytes, fileName, MAX_TEXT_IMPORT_BYTES);
  checkFormatSize(format, bytes.byteLength, fileName);
  // Each format's parser (pdf.js, mammoth, jsdom…) is loaded when a file of that format comes.
  if (format === 'pdf') return (await import('./pdf')).parsePdf(bytes, fileName);
  if (format === 'epub') return (await import('./epub')).parseEpub(bytes, fileName);
  if (format === 'docx') return (await import('./docx')).parseDocx(bytes, fileName);
  if (format === 'html')
    return (await import('./html')).parseHtml(
      bytes,
      fileName,
      source && /^https?:/i.test(source) ? source : undefined,
    );
  const text = decodeText(bytes, fileName);
  if (!text.trim()) throw new CommonplaceError('empty_file', `${fileName}: the file has no text`);
  return format === 'markdown'
    ? (await import('./markdown')).parseMarkdown(text, fileName)
    : (await import('./text')).parsePastedText(text, fileName);
}
