import { CommonplaceError } from '../errors';
import { decodeText } from './decode';
import { detectFormat } from './detect';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { parsePastedText } from './text';
import type { ImportFormat, ParsedArticle } from './types';

/**
 * Text formats are articles, not data dumps: past this size a file is refused with a clear
 * limit instead of freezing the import and bloating the search index.
 */
export const MAX_TEXT_IMPORT_BYTES = 20 * 1024 * 1024;

export const MEDIA_TYPES: Record<ImportFormat, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
};

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function checkImportSize(size: number, fileName: string): void {
  if (size === 0) throw new CommonplaceError('empty_file', `${fileName}: the file is empty`);
  if (size > MAX_TEXT_IMPORT_BYTES) {
    throw new CommonplaceError(
      'too_large',
      `${fileName}: ${formatMegabytes(size)} is over the ${formatMegabytes(MAX_TEXT_IMPORT_BYTES)} limit for text, Markdown and HTML files`,
    );
  }
}

/** Detects the format from the bytes and parses the document. Pure: no library access. */
export function parseDocument(bytes: Uint8Array, fileName: string, source?: string): ParsedArticle {
  checkImportSize(bytes.byteLength, fileName);
  const format = detectFormat(bytes, fileName);
  if (format === 'html') return parseHtml(bytes, fileName, source && /^https?:/i.test(source) ? source : undefined);
  const text = decodeText(bytes, fileName);
  if (!text.trim()) throw new CommonplaceError('empty_file', `${fileName}: the file has no text`);
  return format === 'markdown' ? parseMarkdown(text, fileName) : parsePastedText(text, fileName);
}
