import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CommonplaceError } from '../errors';
import { detectFormat } from './detect';
import { makeZip } from './zip/fixtures';

const FIXTURES = join(__dirname, 'fixtures');
const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);
const withBytes = (head: number[], rest = 'binary tail \u0000\u0001\u0002'): Uint8Array =>
  new Uint8Array([...head, ...bytesOf(rest)]);

function refusal(bytes: Uint8Array, fileName: string): CommonplaceError {
  try {
    detectFormat(bytes, fileName);
  } catch (e) {
    if (e instanceof CommonplaceError) return e;
    throw e;
  }
  throw new Error(`${fileName} was accepted`);
}

/** A minimal ZIP local-file header naming its first entry, as EPUB and DOCX files start. */
function zipStartingWith(entryName: string, content = ''): Uint8Array {
  const name = bytesOf(entryName);
  const header = new Uint8Array(30);
  header.set([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
  header[26] = name.length;
  return new Uint8Array([
    ...header,
    ...name,
    ...bytesOf(content),
    ...deflateSync(bytesOf('payload')),
  ]);
}

describe('detectFormat: refusals', () => {
  it.each([
    ['a PNG image', readFileSync(join(FIXTURES, 'binary', 'photo.html')), 'photo.html'],
    ['a JPEG image', withBytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), 'photo.txt'],
    ['a GIF image', bytesOf('GIF89a\u0001\u0000\u0001\u0000'), 'anim.md'],
    [
      'a WebP image',
      new Uint8Array([...bytesOf('RIFF'), 0x24, 0, 0, 0, ...bytesOf('WEBPVP8 ')]),
      'img.html',
    ],
    ['a gzip archive', gzipSync(bytesOf('<html>hello</html>')), 'page.html.gz'],
    ['an ELF executable', withBytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), 'tool'],
    ['a ZIP archive', zipStartingWith('notes.txt'), 'archive.txt'],
    ['an SQLite database', bytesOf('SQLite format 3\u0000\u0010\u0000'), 'library.db'],
    ['binary data', withBytes([0x13, 0x37, 0x00, 0x42]), 'data.txt'],
  ])(
    'refuses %s with a message naming the file and what it looks like',
    (what, bytes, fileName) => {
      const error = refusal(bytes, fileName);
      expect(error.code).toBe('unsupported_format');
      expect(error.message).toBe(
        `${fileName}: looks like ${what}, not a document (Commonplace imports text, Markdown, HTML, PDF, EPUB and DOCX)`,
      );
    },
  );

  it.each([
    ['pdf', bytesOf('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), 'paper.txt'],
    ['pdf', bytesOf('\n\n%PDF-1.4\n1 0 obj'), 'scan'],
    ['epub', zipStartingWith('mimetype', 'application/epub+zip'), 'book.zip'],
    [
      'epub',
      makeZip({ 'META-INF/container.xml': '<container/>', 'OPS/book.opf': '<package/>' }),
      'book.bin',
    ],
    [
      'docx',
      makeZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      'report.txt',
    ],
    ['docx', makeZip({ 'other.xml': '<x/>' }), 'report.docx'],
    ['epub', makeZip({ 'other.xml': '<x/>' }), 'broken.epub'],
  ])('recognises %s from the bytes: %s', (format, bytes, fileName) => {
    expect(detectFormat(bytes, fileName)).toBe(format);
  });

  it('refuses an image named .html and other ZIPs, and names a damaged document for what it claims to be', () => {
    expect(refusal(makeZip({ 'notes.txt': 'x' }), 'notes.docx.zip').message).toMatch(
      /looks like a ZIP archive/,
    );
    const error = refusal(withBytes([0x13, 0x37, 0x00, 0x42]), 'report.docx');
    expect(error.message).toBe(
      'report.docx: is named .docx but is not a Word document (the file is damaged or something else)',
    );
  });

  it('refuses text riddled with control characters but accepts a stray one', () => {
    const noisy = bytesOf(
      Array.from({ length: 200 }, (_, i) => (i % 10 === 0 ? '\u0007' : 'a')).join(''),
    );
    expect(refusal(noisy, 'noisy.txt').message).toMatch(/binary data/);
    expect(detectFormat(bytesOf(`${'plain text '.repeat(100)}\u0007 bell`), 'log.txt')).toBe(
      'text',
    );
    expect(detectFormat(bytesOf('ISO-2022 uses \u001b$B escapes \u001b(B'), 'jis.txt')).toBe(
      'text',
    );
  });

  it('does not mistake prose for a signature spelled in letters', () => {
    expect(detectFormat(bytesOf('ID3 tags store the artist of an MP3 file.'), 'notes.txt')).toBe(
      'text',
    );
    expect(detectFormat(bytesOf('MZ is the mark of DOS executables.'), 'notes.md')).toBe(
      'markdown',
    );
  });

  it('refuses UTF-32 and names the fix', () => {
    const utf32 = new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x68, 0x00, 0x00, 0x00]);
    expect(refusal(utf32, 'wide.txt').message).toBe(
      'wide.txt: looks like UTF-32 text (save it as UTF-8), not a document (Commonplace imports text, Markdown, HTML, PDF, EPUB and DOCX)',
    );
  });

  it('refuses SVG and other XML documents', () => {
    expect(
      refusal(
        bytesOf('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        'logo.html',
      ).message,
    ).toMatch(/an SVG image/);
    expect(
      refusal(bytesOf('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), 'feed.txt')
        .message,
    ).toMatch(/an XML document/);
  });
});

describe('detectFormat: empty files', () => {
  it.each([
    ['empty', new Uint8Array(0)],
    ['whitespace', bytesOf(' \n\t\r\n  ')],
    ['a UTF-8 BOM and spaces', new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a])],
    ['a UTF-16 BOM and spaces', new Uint8Array([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00])],
    ['20 KB of spaces', bytesOf(' '.repeat(20_000))],
  ])('calls a file with %s empty', (_label, bytes) => {
    const error = refusal(bytes, 'blank.md');
    expect(error.code).toBe('empty_file');
    expect(error.message).toBe('blank.md: the file is empty');
  });
});

describe('detectFormat: text formats', () => {
  it.each([
    ['<!DOCTYPE html><html><body>x', 'page.txt'],
    ['\ufeff  <!-- saved --> \n<html lang="en">', 'saved.txt'],
    ['<head><title>t</title></head>', 'notes'],
    ['<body>hi</body>', 'notes.text'],
    [
      '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">',
      'page.xml',
    ],
    ['<article><p>Hello</p></article>', 'snippet.txt'],
    ['\n\n<p>Just a paragraph</p>', 'snippet.txt'],
    ['<!doctype html><h1>Doc</h1>', 'readme.md'],
  ])('recognises HTML by content: %j as %s', (source, fileName) => {
    expect(detectFormat(bytesOf(source), fileName)).toBe('html');
  });

  it('recognises HTML in UTF-16', () => {
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from('<html><body>hi', (c) => [c.charCodeAt(0), 0]).flat(),
    ]);
    expect(detectFormat(bytes, 'page.txt')).toBe('html');
  });

  it('keeps Markdown that opens with inline HTML as Markdown', () => {
    expect(
      detectFormat(bytesOf('<p align="center"><b>Logo</b></p>\n\n# Project'), 'README.md'),
    ).toBe('markdown');
  });

  it.each(['notes.md', 'NOTES.MARKDOWN', 'a.mdown', 'dir.v2/a.mkd'])(
    'recognises Markdown by extension: %s',
    (fileName) => {
      expect(detectFormat(bytesOf('Some *text*'), fileName)).toBe('markdown');
    },
  );

  it('recognises Markdown by front matter whatever the name', () => {
    expect(detectFormat(bytesOf('---\ntitle: Hi\n---\nBody'), 'note.txt')).toBe('markdown');
    expect(detectFormat(bytesOf('---\r\ntitle: Hi\r\n...\r\nBody'), 'note')).toBe('markdown');
    expect(detectFormat(bytesOf('---\nnot closed\nBody'), 'note.txt')).toBe('text');
  });

  it('treats .html files without markup at the start as HTML, and anything else as text', () => {
    expect(detectFormat(bytesOf('Hello <b>world</b>'), 'fragment.html')).toBe('html');
    expect(detectFormat(bytesOf('Hello <b>world</b>'), 'fragment.txt')).toBe('text');
    expect(detectFormat(bytesOf('<http://example.com> is a link'), 'links.txt')).toBe('text');
    expect(
      detectFormat(new Uint8Array([...bytesOf('caf'), 0xe9, 0x20, 0x93, 0x94]), 'legacy.txt'),
    ).toBe('text');
  });
});
