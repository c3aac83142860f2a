/**
 * Pictures in exports: a real EPUB and a real DOCX with pictures imported through the real
 * parsers, passages kept over the pictures, then each format's output read back by an independent
 * reader (jsdom for HTML, the DOCX unzipped, the Obsidian folder on disk, marked for Markdown).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../articles/import';
import { createPassage } from '../passages/repo';
import { makeEpub, xhtml } from '../import/epub/fixtures';
import { useTempDir } from '../../test/temp';
import { openTestLibrary } from '../../test/library';
import { buildExport, exportToPath } from './index';
import { imagePixelSize } from './images';
import { exportNote } from './notes';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { createNote } from '../notes/repo';
import { options } from './testFixture';
import { fileText, markdownDom } from './testRead';

const tempDir = useTempDir();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A valid grey PNG of the given size (what a browser or Word would open). */
function png(width: number, height: number, grey = 128): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, grey);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0; // filter: none
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const FERRY = png(1200, 600, 90); // wider than a page: scaled down in Word
const MAP = png(40, 30, 200);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

const BEFORE = 'The ferry left at night with forty passengers and a cargo of salt.';
const CAPTION = 'The ferry in 1921.';
const AFTER = 'They reached land at dawn, tired and cold.';
const LAST = 'Nobody on the island had seen a ferry before.';

function book(): Uint8Array {
  return makeEpub({
    metadata: '<dc:title>The Crossing</dc:title><dc:language>en</dc:language>',
    chapters: [
      {
        id: 'c1',
        href: 'text/one.xhtml',
        xhtml: xhtml(
          `<h1>The Crossing</h1><p>${BEFORE}</p>
           <figure><img src="../images/ferry.png" alt="A ferry at night"/><figcaption>${CAPTION}</figcaption></figure>
           <p>${AFTER}</p><p><img src="../images/dot.gif" alt="Illo1"/></p><p>${LAST}</p>`,
        ),
      },
    ],
    extra: {
      'OEBPS/images/ferry.png': FERRY as unknown as string,
      'OEBPS/images/dot.gif': GIF as unknown as string,
    },
  });
}

async function report(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('The harbour report for the year, with a map.'),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: MAP,
                transformation: { width: 40, height: 30 },
                altText: { name: 'map', description: 'Map of the harbour', title: 'Map' },
              }),
            ],
          }),
          new Paragraph('The map shows the new pier.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A library holding the book and the report, with passages over and beside their pictures. */
async function library(dir: string) {
  const t = openTestLibrary(dir);
  const { db } = t.library;
  const epub = (await importDocument(db, { bytes: book(), fileName: 'crossing.epub' })).article;
  const docx = (await importDocument(db, { bytes: await report(), fileName: 'report.docx' }))
    .article;
  const text = (id: string) =>
    db.prepare<[string], string>('SELECT text FROM articles WHERE id = ?').pluck().get(id)!;
  const range = (id: string, from: string, to: string) => {
    const s = text(id);
    const start = s.indexOf(from);
    const end = s.indexOf(to) + to.length;
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    return { articleId: id, start, end, color: 'yellow' as const, tags: [], comment: '' };
  };
  const passages = {
    // Over the figure (no alt text of its own: its caption says it) into the next paragraph.
    ferry: createPassage(db, range(epub.id, BEFORE, AFTER)),
    // The paragraph before the figure only: no picture.
    plain: createPassage(db, range(epub.id, BEFORE, BEFORE)),
    // The caption alone: a caption belongs to its picture.
    caption: createPassage(db, range(epub.id, CAPTION, CAPTION)),
    // Only the last paragraph: the GIF above it is not part of it.
    last: createPassage(db, range(epub.id, LAST, LAST)),
    // The DOCX picture's alt text is its text: a passage over it shows it.
    map: createPassage(db, range(docx.id, 'Map of the harbour', 'the new pier.')),
  };
  return { ...t, passages, epub, docx };
}

describe('pictures in exports', () => {
  it('HTML inlines each picture a passage covers as a data: URL, with its alt text and caption', async () => {
    const f = await library(tempDir());
    const built = await buildExport(f.library.db, options('html'));
    const doc = new JSDOM(fileText(built.output)).window.document;
    const imgs = (id: string) => [...doc.querySelectorAll(`#p-${id} figure img`)];
    const [ferry] = imgs(f.passages.ferry.id);
    expect(imgs(f.passages.ferry.id)).toHaveLength(1);
    const src = ferry!.getAttribute('src')!;
    expect(src).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(src.split(',')[1]!, 'base64').equals(FERRY)).toBe(true);
    expect(ferry!.getAttribute('alt')).toBe('');
    expect(doc.querySelector(`#p-${f.passages.ferry.id} figcaption`)?.textContent).toBe(CAPTION);
    const [map] = imgs(f.passages.map.id);
    expect(map!.getAttribute('alt')).toBe('Map of the harbour');
    expect(Buffer.from(map!.getAttribute('src')!.split(',')[1]!, 'base64').equals(MAP)).toBe(true);
    expect(imgs(f.passages.caption.id).map((i) => i.getAttribute('src'))).toEqual([src]);
    expect(imgs(f.passages.plain.id)).toHaveLength(0);
    expect(imgs(f.passages.last.id)).toHaveLength(0);
    // Still nothing remote and nothing that runs.
    expect([...doc.querySelectorAll('img')].every((i) => /^data:/.test(i.src))).toBe(true);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    f.library.close();
  });

  it('the HTML preview shows where a picture goes without its bytes', async () => {
    const f = await library(tempDir());
    const { previewExport } = await import('./index');
    const p = await previewExport(f.library.db, options('html'), 10);
    expect(p.text).toContain('<img src="data:image/png;base64,…" alt="Map of the harbour">');
    expect(p.text).not.toContain(FERRY.toString('base64').slice(0, 40));
    f.library.close();
  });

  it('DOCX embeds the pictures in word/media, sized to the page, with their alt text and caption', async () => {
    const f = await library(tempDir());
    const built = await buildExport(f.library.db, options('docx'));
    if (built.output.kind !== 'file') throw new Error('expected a file');
    const zip = unzipSync(built.output.bytes);
    const media = Object.keys(zip).filter((n) => n.startsWith('word/media/'));
    const hashes = [...new Set(media.map((n) => sha(zip[n]!)))].sort();
    expect(hashes).toEqual([sha(FERRY), sha(MAP)].sort());
    const xml = new TextDecoder().decode(zip['word/document.xml']!);
    expect(xml).toContain('descr="Map of the harbour"');
    // 1200×600 px shrunk to the 600 px column: 600×300 px = 5715000×2857500 EMU.
    expect(xml).toContain('cx="5715000" cy="2857500"');
    // 40×30 px kept as it is.
    expect(xml).toContain('cx="381000" cy="285750"');
    expect(xml).toMatch(/<w:pStyle w:val="Caption"\/>.*?<w:t[^>]*>The ferry in 1921\.<\/w:t>/s);
    // Each relationship to a picture points at a part that exists.
    const rels = new TextDecoder().decode(zip['word/_rels/document.xml.rels']!);
    for (const m of rels.matchAll(/Target="(media\/[^"]+)"/g))
      expect(zip[`word/${m[1]}`]).toBeDefined();
    f.library.close();
  });

  it('Obsidian writes each picture once under attachments/ and links it from the note, resolvable', async () => {
    const f = await library(tempDir());
    const out = join(tempDir(), 'vault');
    const written = await exportToPath(f.library.db, options('obsidian'), out);
    expect(written.folder?.conflicts).toEqual([]);
    const note = readFileSync(join(out, 'The Crossing.md'), 'utf8');
    const dom = markdownDom(note);
    // Two excerpts show the ferry (one over it, one over its caption): one file, linked twice.
    const srcs = [...dom.querySelectorAll('img')].map((i) => i.getAttribute('src') ?? '');
    expect(srcs).toHaveLength(2);
    expect(new Set(srcs).size).toBe(1);
    const href = decodeURI(srcs[0]!);
    expect(href).toBe(`attachments/${sha(FERRY)}.png`);
    // The link resolves from the note's own folder, inside the export folder.
    const target = resolve(dirname(join(out, 'The Crossing.md')), href);
    expect(target.startsWith(resolve(out))).toBe(true);
    expect(existsSync(target) && readFileSync(target).equals(FERRY)).toBe(true);
    expect(note).toContain(`*${CAPTION}*`);
    const report = readFileSync(join(out, 'report.md'), 'utf8');
    expect(report).toContain(`![Map of the harbour](attachments/${sha(MAP)}.png)`);
    expect(readFileSync(join(out, 'attachments', `${sha(MAP)}.png`)).equals(MAP)).toBe(true);
    // A second export into the same folder rewrites nothing and reports no conflict.
    const again = await exportToPath(f.library.db, options('obsidian'), out);
    expect(again.folder).toEqual({ conflicts: [], keptEdited: [], removed: [] });
    f.library.close();
  });

  it('Markdown (one file) names each picture in the excerpt and says where pictures are kept', async () => {
    const f = await library(tempDir());
    const built = await buildExport(f.library.db, options('md'));
    const md = fileText(built.output);
    const dom = markdownDom(md);
    expect(dom.querySelectorAll('img')).toHaveLength(0);
    const notes = [...dom.querySelectorAll('em')]
      .map((e) => e.textContent ?? '')
      .filter((t) => t.startsWith('Picture'));
    expect(notes).toEqual([
      `Picture: ${CAPTION} (not in a Markdown file: the HTML, Word and Obsidian exports keep pictures)`,
      `Picture: ${CAPTION} (not in a Markdown file: the HTML, Word and Obsidian exports keep pictures)`,
      'Picture: Map of the harbour (not in a Markdown file: the HTML, Word and Obsidian exports keep pictures)',
    ]);
    f.library.close();
  });

  /** A note quoting the passage over the ferry, the one beside it, and the one over the map. */
  const quotingNote = async (dir: string) => {
    const f = await library(dir);
    const quote = (p: { id: string; quote: string }) => ({
      type: 'passage-quote',
      version: 1,
      passageId: p.id,
      quote: p.quote,
      citation: '',
    });
    const doc = rootDoc([
      paragraphNode([textNode('What the crossing looked like.')]),
      quote(f.passages.ferry),
      quote(f.passages.plain),
      quote(f.passages.map),
    ]);
    const note = createNote(f.library.db, { title: 'Crossing notes', doc, tags: [] });
    return { ...f, note };
  };

  it('a note exported to Word embeds the pictures its quotes cover, with alt text and caption', async () => {
    const f = await quotingNote(tempDir());
    const file = await exportNote(f.library.db, f.note.id, 'docx');
    const zip = unzipSync(file.bytes);
    const media = Object.keys(zip).filter((n) => n.startsWith('word/media/'));
    expect([...new Set(media.map((n) => sha(zip[n]!)))].sort()).toEqual(
      [sha(FERRY), sha(MAP)].sort(),
    );
    const xml = new TextDecoder().decode(zip['word/document.xml']!);
    expect(xml).toContain('descr="Map of the harbour"');
    expect(xml).toContain('cx="5715000" cy="2857500"');
    expect(xml).toMatch(/<w:pStyle w:val="Caption"\/>.*?<w:t[^>]*>The ferry in 1921\.<\/w:t>/s);
    // In place: the ferry after its quote, the map after its own, at the end.
    expect(xml.indexOf('cx="5715000"')).toBeGreaterThan(xml.indexOf(AFTER));
    expect(xml.indexOf('descr="Map of the harbour"')).toBeGreaterThan(xml.indexOf('the new pier.'));
    expect(xml).not.toContain('#picture-');
    const styles = new TextDecoder().decode(zip['word/styles.xml']!);
    expect(styles).toContain('w:styleId="Caption"');
    const rels = new TextDecoder().decode(zip['word/_rels/document.xml.rels']!);
    for (const m of rels.matchAll(/Target="(media\/[^"]+)"/g))
      expect(zip[`word/${m[1]}`]).toBeDefined();
    f.library.close();
  });

  it('a note exported to Markdown names the pictures its quotes cover, in place', async () => {
    const f = await quotingNote(tempDir());
    const file = await exportNote(f.library.db, f.note.id, 'md');
    const md = new TextDecoder().decode(file.bytes);
    const dom = markdownDom(md);
    expect(dom.querySelectorAll('img')).toHaveLength(0);
    const said = [...dom.querySelectorAll('em')]
      .map((e) => e.textContent ?? '')
      .filter((t) => t.startsWith('Picture'));
    expect(said).toEqual([
      `Picture: ${CAPTION} (not in a Markdown file: the HTML, Word and Obsidian exports keep pictures)`,
      'Picture: Map of the harbour (not in a Markdown file: the HTML, Word and Obsidian exports keep pictures)',
    ]);
    expect(md.indexOf(`Picture: ${CAPTION}`)).toBeGreaterThan(md.indexOf(AFTER));
    expect(md.indexOf('Picture: Map')).toBeGreaterThan(md.indexOf('the new pier.'));
    f.library.close();
  });

  it('reads the pixel size of PNG, GIF and JPEG headers', () => {
    expect(imagePixelSize(FERRY, 'image/png')).toEqual({ width: 1200, height: 600 });
    expect(imagePixelSize(GIF, 'image/gif')).toEqual({ width: 1, height: 1 });
    // A baseline JPEG's frame header: SOI, an APP0 segment, then SOF0 with 48×64.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x40,
      0x00, 0x30, 0x03,
    ]);
    expect(imagePixelSize(Buffer.concat([jpeg, Buffer.alloc(16)]), 'image/jpeg')).toEqual({
      width: 48,
      height: 64,
    });
    expect(imagePixelSize(Buffer.from('junk'), 'image/png')).toBeNull();
  });
});
