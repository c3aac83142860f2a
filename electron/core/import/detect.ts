/**
 * Which importer a file goes to, decided from its bytes first and its name second.
 *
 * PDF, EPUB and DOCX are recognised by their bytes (PDF signature; the ZIP's entries). Other
 * known binary formats are refused by signature with a message naming what the file looks like;
 * a saved page is HTML whether zipped ("Web page, complete") or MIME-packed (MHTML);
 * other binary data by NULs / control characters in the first 8 KB. HTML is recognised by its
 * markup whatever the extension; Markdown by extension or YAML front matter; the rest is text.
 */
import { CommonplaceError } from '../errors';
import { asciiView, bomEncoding, type Bom } from './decode';
import type { ImportFormat } from './types';
// The directory alone: sniffing a container loads no inflater (CLI start-up, issue #17).
import { DEFAULT_ZIP_LIMITS, listZip } from './zip/directory';
import { savedPageEntry } from './html/savedPageNames';
import { isMhtml } from './html/mime';

/** How much of the file is looked at. */
export const SNIFF_BYTES = 8192;

const MARKDOWN_EXTENSIONS = new Set([
  'md',
  'markdown',
  'mdown',
  'mkd',
  'mkdn',
  'mdwn',
  'mdtxt',
  'mdtext',
]);
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml']);

/** Whether the bytes are a ZIP (a detected `html` that is one is a zipped saved page). */
export function isZip(bytes: Uint8Array): boolean {
  return startsWithText(bytes, 'PK\x03\x04') || startsWithText(bytes, 'PK\x05\x06');
}

export function detectFormat(bytes: Uint8Array, fileName: string): ImportFormat {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const bom = bomEncoding(head);
  const ext = extensionOf(fileName);

  // Documents by signature, whatever the name: a PDF called notes.txt is a PDF.
  if (isPdf(head)) return 'pdf';
  if (isZip(head)) {
    const container = zipDocumentKind(bytes, ext);
    if (container) return container;
  }

  // "Web page, single file": MIME headers, then the page and its pictures, some in base64.
  if (isMhtml(head)) return 'html';

  const binary = binaryKind(head, fileName);
  if (binary) throw refusal(fileName, binary);

  // UTF-16 text is full of NULs; judge it on its decoded characters instead.
  let sample: string;
  if (bom?.encoding === 'utf-8') sample = asciiView(head.subarray(bom.length));
  else if (bom) sample = new TextDecoder(bom.encoding).decode(head);
  else sample = asciiView(head);
  if (isBlank(bytes, bom, sample))
    throw new CommonplaceError('empty_file', `${fileName}: the file is empty`);
  if (looksBinary(sample)) {
    const named = DOCUMENT_EXTENSIONS[ext];
    if (named)
      throw new CommonplaceError(
        'parse_error',
        `${fileName}: is named .${ext} but is not ${named} (the file is damaged or something else)`,
      );
    throw refusal(fileName, { what: 'binary data' });
  }
  const markup = markupKind(sample);
  if (markup === 'svg') throw refusal(fileName, { what: 'an SVG image' });
  if (markup === 'xml') throw refusal(fileName, { what: 'an XML document' });
  if (markup === 'html-strong') return 'html';
  if (MARKDOWN_EXTENSIONS.has(ext)) return 'markdown';
  // A Markdown file may open with a bit of inline HTML (`<p align="center">`), hence "weak".
  if (markup === 'html-weak') return 'html';
  if (hasFrontMatter(sample)) return 'markdown';
  if (HTML_EXTENSIONS.has(ext)) return 'html';
  return 'text';
}

const DOCUMENT_EXTENSIONS: Record<string, string> = {
  pdf: 'a PDF',
  epub: 'an EPUB book',
  docx: 'a Word document',
};

/** `%PDF-` within the first 1 KB (readers tolerate a little junk before it, as the spec's implementation notes allow). */
function isPdf(head: Uint8Array): boolean {
  const view = asciiView(head.subarray(0, 1024));
  const at = view.indexOf('%PDF-');
  return at === 0 || (at > 0 && /^%PDF-\d\.\d/.test(view.slice(at, at + 8)));
}

/**
 * EPUB: its first entry is `mimetype` holding application/epub+zip (stored, so readable in the
 * raw bytes), or it has META-INF/container.xml. DOCX: a `word/document.xml` entry. A ZIP named
 * .epub/.docx that has neither still goes to that parser, which says what is missing.
 */
function zipDocumentKind(bytes: Uint8Array, ext: string): 'epub' | 'docx' | 'html' | null {
  if (
    asciiView(bytes.subarray(30, 38)) === 'mimetype' &&
    asciiView(bytes.subarray(38, 80)).includes('application/epub+zip')
  )
    return 'epub';
  let names: string[] = [];
  try {
    // Names only (nothing is inflated here): an oversized entry is the parser's to refuse.
    names = listZip(bytes, 'sniff', { ...DEFAULT_ZIP_LIMITS, listOversized: true }).map(
      (e) => e.name,
    );
  } catch {
    // Damaged or a bomb: the parser the name points to reports it; otherwise it's refused as a ZIP.
  }
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('META-INF/container.xml') && names.some((n) => /\.opf$/i.test(n)))
    return 'epub';
  if (ext === 'epub') return 'epub';
  if (ext === 'docx') return 'docx';
  // A zipped "Web page, complete": one page and the folder of its pictures.
  if (savedPageEntry(names)) return 'html';
  return null;
}

interface BinaryKind {
  /** "a PNG image", "a ZIP archive"… */
  what: string;
}

function refusal(fileName: string, kind: BinaryKind): CommonplaceError {
  return new CommonplaceError(
    'unsupported_format',
    `${fileName}: looks like ${kind.what}, not a document (Commonplace imports text, Markdown, HTML, PDF, EPUB and DOCX)`,
  );
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function startsWithText(bytes: Uint8Array, text: string, offset = 0): boolean {
  return startsWith(
    bytes,
    Array.from(text, (c) => c.charCodeAt(0)),
    offset,
  );
}

/** Signatures of formats people are likely to drop on the importer by mistake. */
function binaryKind(bytes: Uint8Array, fileName: string): BinaryKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { what: 'a PNG image' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { what: 'a JPEG image' };
  if (startsWithText(bytes, 'GIF87a') || startsWithText(bytes, 'GIF89a'))
    return { what: 'a GIF image' };
  if (startsWithText(bytes, 'RIFF')) {
    if (startsWithText(bytes, 'WEBP', 8)) return { what: 'a WebP image' };
    if (startsWithText(bytes, 'WAVE', 8)) return { what: 'a WAV audio file' };
    if (startsWithText(bytes, 'AVI ', 8)) return { what: 'an AVI video' };
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { what: 'a TIFF image' };
  }
  if (startsWithText(bytes, 'ftyp', 4) && hasBinaryByte(bytes)) {
    const brand = asciiView(bytes.subarray(8, 12));
    if (/^(avif|avis|heic|heix|mif1|msf1)$/.test(brand)) return { what: 'an AVIF/HEIF image' };
    return { what: 'an MP4/QuickTime media file' };
  }
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return { what: 'an icon (ICO) image' };
  if (startsWithText(bytes, '8BPS') && hasBinaryByte(bytes)) return { what: 'a Photoshop image' };
  if (startsWithText(bytes, 'PK\x03\x04') || startsWithText(bytes, 'PK\x05\x06'))
    return zipKind(bytes, fileName);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { what: 'a legacy Microsoft Office document (.doc/.xls/.ppt)' };
  }
  if (startsWithText(bytes, '{\\rtf')) return { what: 'an RTF document' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { what: 'a gzip archive' };
  if (
    startsWithText(bytes, 'BZh') &&
    bytes[3] !== undefined &&
    bytes[3] >= 0x31 &&
    bytes[3] <= 0x39 &&
    startsWith(bytes, [0x31, 0x41, 0x59, 0x26, 0x53, 0x59], 4)
  ) {
    return { what: 'a bzip2 archive' };
  }
  if (startsWith(bytes, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return { what: 'an xz archive' };
  if (startsWith(bytes, [0x28, 0xb5, 0x2f, 0xfd])) return { what: 'a zstd archive' };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return { what: 'a 7-Zip archive' };
  if (startsWithText(bytes, 'Rar!\x1a\x07')) return { what: 'a RAR archive' };
  if (startsWithText(bytes, 'ustar', 257)) return { what: 'a tar archive' };
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return { what: 'an ELF executable' };
  if (startsWithText(bytes, 'MZ') && hasBinaryByte(bytes)) return { what: 'a Windows executable' };
  if (
    [
      [0xfe, 0xed, 0xfa, 0xce],
      [0xfe, 0xed, 0xfa, 0xcf],
      [0xce, 0xfa, 0xed, 0xfe],
      [0xcf, 0xfa, 0xed, 0xfe],
    ].some((s) => startsWith(bytes, s))
  ) {
    return { what: 'a Mach-O executable' };
  }
  if (startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]))
    return { what: 'a Java class file or Mach-O binary' };
  if (startsWith(bytes, [0x00, 0x61, 0x73, 0x6d])) return { what: 'a WebAssembly module' };
  if (startsWithText(bytes, 'SQLite format 3\x00')) return { what: 'an SQLite database' };
  if ((startsWithText(bytes, 'ID3') && hasBinaryByte(bytes)) || startsWith(bytes, [0xff, 0xfb])) {
    return { what: 'an MP3 audio file' };
  }
  if (startsWithText(bytes, 'OggS') && hasBinaryByte(bytes)) return { what: 'an Ogg media file' };
  if (startsWithText(bytes, 'fLaC') && hasBinaryByte(bytes)) return { what: 'a FLAC audio file' };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { what: 'a Matroska/WebM video' };
  if ((startsWithText(bytes, 'wOFF') || startsWithText(bytes, 'wOF2')) && hasBinaryByte(bytes))
    return { what: 'a web font' };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { what: 'UTF-32 text (save it as UTF-8)' };
  }
  return null;
}

/** Signatures spelled in letters also need a NUL or control byte early on, so prose that starts "ID3 tags…" stays text. */
function hasBinaryByte(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64))
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return true;
  return false;
}

/** ZIP containers: EPUB and Office files are named as such (their entries show in the first bytes). */
function zipKind(bytes: Uint8Array, fileName: string): BinaryKind {
  const view = asciiView(bytes.subarray(0, 4096));
  const ext = extensionOf(fileName);
  if (view.includes('mimetypeapplication/vnd.oasis.opendocument'))
    return { what: 'an OpenDocument file' };
  if (view.includes('xl/') || ext === 'xlsx') return { what: 'an Excel workbook' };
  if (view.includes('ppt/') || ext === 'pptx') return { what: 'a PowerPoint presentation' };
  return { what: 'a ZIP archive' };
}

/**
 * Binary data that no signature named: a NUL, or more than 1% control characters (tab, line
 * breaks, form feed and ESC — used by ISO-2022 encodings and terminal logs — are allowed).
 */
function looksBinary(sample: string): boolean {
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) ||
      c === 0x7f
    )
      controls++;
  }
  return controls > 0 && controls / sample.length > 0.01;
}

/** Nothing but ASCII whitespace after the BOM (the whole file is scanned; it stops at the first other byte). */
function isBlank(bytes: Uint8Array, bom: Bom | null, sample: string): boolean {
  if (bom && bom.encoding !== 'utf-8') return bytes.length <= SNIFF_BYTES && sample.trim() === '';
  for (let i = bom ? bom.length : 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d)
      return false;
  }
  return true;
}

type MarkupKind = 'html-strong' | 'html-weak' | 'svg' | 'xml' | null;

const STRONG_HTML = /^<(?:!doctype\s+html\b|html\b|head\b|body\b)/i;
const WEAK_HTML =
  /^<(?:article|section|main|header|footer|nav|aside|div|p|h[1-6]|title|meta|link|style|script|base|table|ul|ol|dl|blockquote|pre|figure|span|a|b|i|em|strong|br|hr|img|font|center|form)\b/i;

/** What the first markup in the sample is, after whitespace, BOMs, comments and an XML declaration. */
function markupKind(sample: string): MarkupKind {
  let rest = sample.replace(/^\ufeff/, '');
  let sawXmlDeclaration = false;
  for (;;) {
    rest = rest.replace(/^[\s\ufeff]+/, '');
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end === -1) return null;
      rest = rest.slice(end + 3);
      continue;
    }
    if (/^<\?xml\b/i.test(rest)) {
      const end = rest.indexOf('?>');
      if (end === -1) return null;
      sawXmlDeclaration = true;
      rest = rest.slice(end + 2);
      continue;
    }
    break;
  }
  if (STRONG_HTML.test(rest)) return 'html-strong';
  if (/^<svg\b/i.test(rest)) return 'svg';
  if (WEAK_HTML.test(rest)) return 'html-weak';
  if (sawXmlDeclaration || /^<!doctype\s/i.test(rest)) return 'xml';
  return null;
}

/** YAML front matter: a `---` line first, closed by `---` or `...` within the sample. */
export function hasFrontMatter(sample: string): boolean {
  return /^\ufeff?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.test(sample);
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}
