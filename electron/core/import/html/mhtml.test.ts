/**
 * A page saved as "Web page, single file" (MHTML): a real one Chromium saved, imported through the
 * real detector, parser and library; generated ones for each encoding and reference a saver
 * writes; hostile and damaged ones (scripts, an SVG with a script, a picture past the limit,
 * too many parts, no page, a truncated file).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../articles/import';
import { getOriginal, writeOriginalToTemp } from '../../articles/originals';
import { getImage } from '../../images/store';
import { MAX_IMAGE_BYTES } from '../../../model/images';
import { openTestLibrary } from '../../../test/library';
import { useTempDir } from '../../../test/temp';
import { detectFormat } from '../detect';
import { parseDocument } from '../index';
import { MAX_MHTML_PARTS, parseMhtml } from './mhtml';
import { decodeQuotedPrintable } from './mime';

const tempDir = useTempDir();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const REAL = join(__dirname, '../fixtures/real');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const WORDS = 'The harbour survey counted ferries, cranes and moorings along the quay. '.repeat(5);
const BOUNDARY = '----MultipartBoundary--test----';

interface Part {
  type: string;
  location?: string;
  id?: string;
  encoding?: 'base64' | 'quoted-printable' | 'binary';
  body: string | Buffer;
}

/** An MHTML file as Chromium writes one (CRLF lines, base64 in 76-column lines). */
function mhtml(parts: Part[], head = ''): Buffer {
  const chunks: Buffer[] = [
    Buffer.from(
      'From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example.org/harbour\r\n' +
        'Subject: Harbour survey\r\nDate: Tue, 03 Mar 2026 09:15:00 -0000\r\nMIME-Version: 1.0\r\n' +
        `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${BOUNDARY}"${head}\r\n\r\n\r\n`,
    ),
  ];
  for (const p of parts) {
    const encoding = p.encoding ?? (p.type.startsWith('text/') ? 'quoted-printable' : 'base64');
    const raw = Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body);
    const body =
      encoding === 'base64'
        ? Buffer.from(raw.toString('base64').replace(/.{76}/g, '$&\r\n'))
        : encoding === 'quoted-printable'
          ? quotedPrintable(raw)
          : raw;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Type: ${p.type}\r\n` +
          (p.id ? `Content-ID: <${p.id}>\r\n` : '') +
          `Content-Transfer-Encoding: ${encoding}\r\n` +
          (p.location ? `Content-Location: ${p.location}\r\n` : '') +
          '\r\n',
      ),
      body,
      Buffer.from('\r\n\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

/** Quoted-printable as savers write it: `=XX` for `=` and non-ASCII, soft breaks every 76. */
function quotedPrintable(raw: Buffer): Buffer {
  let out = '';
  let line = 0;
  for (const b of raw) {
    const piece =
      b === 0x3d || b > 0x7e
        ? `=${b.toString(16).toUpperCase().padStart(2, '0')}`
        : String.fromCharCode(b);
    if (b === 0x0a) line = 0;
    else if (line + piece.length > 75) {
      out += '=\r\n';
      line = 0;
    }
    out += piece;
    line += piece.length;
  }
  return Buffer.from(out, 'latin1');
}

function page(inner: string, head = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html><html><head>${head}<title>Harbour survey</title></head>
    <body><article><h1>Harbour survey</h1><p>${WORDS}</p>${inner}<p>Closing paragraph. ${WORDS}</p></article></body></html>`;
}

describe('a page saved as MHTML', () => {
  it('a real page Chromium saved: the same article as its HTML, plus the picture saved with it', async () => {
    const bytes = readFileSync(join(REAL, 'python-3.11-tkinter.messagebox.mhtml'));
    expect(detectFormat(bytes, 'tkinter.messagebox.mhtml')).toBe('html');
    const saved = await parseDocument(bytes, 'tkinter.messagebox.mhtml');
    // The same page's HTML file, imported from the address it was saved from.
    const url = 'https://docs.python.org/3.11/library/tkinter.messagebox.html';
    const html = await parseDocument(
      readFileSync(join(REAL, 'python-3.11-tkinter.messagebox.html')),
      'tkinter.messagebox.html',
      url,
    );
    expect(saved.title).toBe('tkinter.messagebox — Tkinter message prompts');
    expect(saved.title).toBe(html.title);
    expect(saved.lang).toBe('en');
    expect(saved.body.blocks.filter((b) => b.type !== 'image')).toEqual(html.body.blocks);
    // The screenshot the HTML alone can't show: the bytes of Debian's _images/tk_msg.png.
    const hash = 'b21a9ea9ad785299a282cccc4b9a93cf9b1f028f65b0e90c0c41deea019953be';
    expect(saved.body.blocks.filter((b) => b.type === 'image')).toEqual([
      { type: 'image', src: hash, content: [] },
    ]);
    expect(saved.images?.map((i) => [i.mediaType, sha(i.bytes)])).toEqual([['image/png', hash]]);
    expect(saved.warnings).toBeUndefined();
    // Where and when it was saved: the citation's URL and access date.
    expect(saved.meta?.URL).toBe(url);
    expect(saved.meta?.accessed).toEqual({ 'date-parts': [[2026, 12, 6]] });
    expect(saved.originalMediaType).toBe('multipart/related');
  });

  it('through the library: the picture is stored, the file is the original, opened as .mhtml', async () => {
    const bytes = mhtml([
      {
        type: 'text/html',
        location: 'https://news.example.org/harbour',
        body: page('<img src="https://news.example.org/map.png" alt="Map">'),
      },
      { type: 'image/png', location: 'https://news.example.org/map.png', body: PNG },
    ]);
    const { library } = openTestLibrary(tempDir());
    const { article } = await importDocument(library.db, { bytes, fileName: 'harbour.mhtml' });
    expect(article.format).toBe('html');
    expect(getImage(library.db, sha(PNG)).bytes.equals(PNG)).toBe(true);
    const original = getOriginal(library.db, article.id);
    expect(Buffer.from(original.bytes).equals(bytes)).toBe(true);
    expect(original.mediaType).toBe('multipart/related');
    const opened = writeOriginalToTemp(original);
    expect(opened.endsWith('harbour.mhtml')).toBe(true);
    library.close();
  });

  it('finds pictures by absolute URL, by a URL relative to the page, and by cid:', async () => {
    const GIF = Buffer.from(
      'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
      'base64',
    );
    const SVG =
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><script>alert(1)</script><rect width="4" height="4"/></svg>';
    const a = await parseDocument(
      mhtml([
        {
          type: 'text/html',
          location: 'https://news.example.org/2026/harbour',
          body: page(`
            <img src="https://news.example.org/img/map.png" alt="Map">
            <p>${WORDS}</p><img src="../img/tide.gif" alt="Tide">
            <p>${WORDS}</p><img src="cid:chart@mhtml.blink" alt="Chart">
            <p>${WORDS}</p><img src="https://cdn.example.org/lazy.png" alt="Never saved">`),
        },
        { type: 'image/png', location: 'https://news.example.org/img/map.png', body: PNG },
        { type: 'image/gif', location: 'https://news.example.org/img/tide.gif', body: GIF },
        { type: 'image/svg+xml', id: 'chart@mhtml.blink', encoding: 'quoted-printable', body: SVG },
      ]),
      'harbour.mhtml',
    );
    const images = a.body.blocks.filter((b) => b.type === 'image');
    expect(images.map((b) => (b.type === 'image' ? b.content : null))).toEqual([
      [{ text: 'Map' }],
      [{ text: 'Tide' }],
      [{ text: 'Chart' }],
    ]);
    expect(a.images?.map((i) => i.mediaType)).toEqual(['image/png', 'image/gif', 'image/svg+xml']);
    // The SVG is kept without its script; the picture the browser never saved is its alt text.
    const svg = Buffer.from(a.images![2]!.bytes).toString('utf8');
    expect(svg).toContain('<rect');
    expect(svg).not.toContain('script');
    expect(JSON.stringify(a.body)).toContain('Never saved');
    expect(a.warnings).toBeUndefined();
  });

  it('quoted-printable soft breaks and escapes, and the part charset outranking the <meta>', async () => {
    expect(
      Buffer.from(
        decodeQuotedPrintable(Buffer.from('caf=C3=A9 =\r\nau lait=3D=\nok = x')),
      ).toString(),
    ).toBe('café au lait=ok = x');
    // ISO-8859-7 bytes declared by the part, while a stale <meta> says windows-1252.
    const greek = Buffer.concat([
      Buffer.from(page('<p>GREEK</p>', '<meta charset="windows-1252">').split('GREEK')[0]!),
      Buffer.from([0xca, 0xe1, 0xeb, 0xe7, 0xec, 0xdd, 0xf1, 0xe1]), // Καλημέρα
      Buffer.from(page('<p>GREEK</p>').split('GREEK')[1]!),
    ]);
    const a = await parseDocument(
      mhtml([
        {
          type: 'text/html; charset=iso-8859-7',
          location: 'https://news.example.org/harbour',
          body: greek,
        },
      ]),
      'greek.mhtml',
    );
    expect(JSON.stringify(a.body)).toContain('Καλημέρα');
  });

  it('scripts and handlers in the page stay out; the page keeps its own URL and date when it has them', async () => {
    const a = await parseDocument(
      mhtml([
        {
          type: 'text/html',
          location: 'https://news.example.org/harbour?utm=x',
          body: page(
            `<script>document.title='pwned'</script><img src=x onerror="alert(1)" alt="Broken"><p onclick="alert(2)">Clickable</p>`,
            '<meta charset="utf-8"><link rel="canonical" href="https://news.example.org/harbour"><meta property="article:modified_time" content="2026-01-02">',
          ),
        },
      ]),
      'harbour.mhtml',
    );
    const text = JSON.stringify(a.body);
    expect(text).not.toMatch(/pwned|alert|onerror|onclick/);
    expect(text).toContain('Clickable');
    expect(a.meta?.URL).toBe('https://news.example.org/harbour');
    expect(a.meta?.accessed).toEqual({ 'date-parts': [[2026, 3, 3]] });
  });

  it('a truncated file (no closing boundary) still imports what it holds', async () => {
    const whole = mhtml([
      { type: 'text/html', location: 'https://news.example.org/harbour', body: page('') },
    ]);
    const cut = whole.subarray(0, whole.lastIndexOf(`--${BOUNDARY}--`));
    const a = await parseDocument(cut, 'cut.mhtml');
    expect(a.title).toBe('Harbour survey');
  });

  it('damaged or hostile archives are refused with a message naming the file', async () => {
    await expect(
      parseDocument(
        mhtml([{ type: 'image/png', location: 'https://x.example/a.png', body: PNG }]),
        'nopage.mhtml',
      ),
    ).rejects.toThrow('nopage.mhtml: is an MHTML file without an HTML page in it (1 part)');
    const many = mhtml([
      { type: 'text/html', body: page('') },
      ...Array.from({ length: MAX_MHTML_PARTS }, (_, i) => ({
        type: 'text/css',
        location: `https://x.example/${i}.css`,
        body: 'p{}',
      })),
    ]);
    await expect(parseDocument(many, 'many.mhtml')).rejects.toThrow(
      'many.mhtml: holds more than 10,000 parts; a saved web page has far fewer',
    );
    const big = mhtml([{ type: 'text/html', body: page(`<p>${'x'.repeat(4096)}</p>`) }]);
    expect(() => parseMhtml(big, 'big.mhtml', 1024)).toThrow(
      'big.mhtml: its page is over the 0.0009765625 MB limit for HTML',
    );
  });

  it('a picture past the size limit is refused by name; the page imports', async () => {
    const huge = Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]);
    const a = await parseDocument(
      mhtml([
        {
          type: 'text/html',
          location: 'https://news.example.org/harbour',
          body: page('<img src="big.png" alt="Huge map">'),
        },
        { type: 'image/png', location: 'https://news.example.org/big.png', body: huge },
      ]),
      'huge.mhtml',
    );
    expect(a.images).toBeUndefined();
    expect(JSON.stringify(a.body)).toContain('Huge map');
    expect(a.warnings).toEqual([
      'huge.mhtml: 1 picture not kept (https://news.example.org/big.png is larger than 16 MB); the alt text stays',
    ]);
  });

  it('only a MIME message with a multipart/related body is MHTML; notes with a "Subject:" line are text', () => {
    expect(
      detectFormat(
        Buffer.from('Subject: harbour notes\n\nThe cranes were counted twice.\n'),
        'notes.txt',
      ),
    ).toBe('text');
    expect(
      detectFormat(
        Buffer.from('Content-Type: text/plain\nMIME-Version: 1.0\n\nA plain message.\n'),
        'm.eml',
      ),
    ).toBe('text');
    expect(detectFormat(mhtml([{ type: 'text/html', body: page('') }]), 'saved.mht')).toBe('html');
  });
});
