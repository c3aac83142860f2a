/**
 * Pictures kept from EPUB, DOCX and saved HTML: real files (an EPUB zipped with fflate, a DOCX
 * written by the `docx` package as Word would, a page with a data: URL) through the real parsers,
 * and the hostile ones (wrong magic bytes, an SVG with script, an oversized picture, remote images).
 */
import { createHash, randomBytes } from 'node:crypto';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../model/body';
import { MAX_IMAGE_BYTES } from '../../model/images';
import { parseDocx } from './docx/parse';
import { makeEpub, xhtml } from './epub/fixtures';
import { parseEpub } from './epub/parse';
import { parseHtml } from './html/parse';
import { DocumentImages } from './images';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const LONG = 'The ferry left at night with forty passengers and a cargo of salt for the island.';

function kinds(blocks: readonly Block[]): string[] {
  return blocks.map((b) => b.type);
}

function epubWith(chapter: string, extra: Record<string, string | Uint8Array>): Uint8Array {
  return makeEpub({
    metadata: '<dc:title>Pictures</dc:title><dc:language>en</dc:language>',
    chapters: [{ id: 'c1', href: 'text/one.xhtml', xhtml: xhtml(chapter) }],
    extra: extra as Record<string, string>,
  });
}

describe('pictures kept from documents', () => {
  it('EPUB: a figure becomes an image block with its alt text, its caption a caption block', async () => {
    const book = epubWith(
      `<h1>The Crossing</h1><p>${LONG}</p>
       <figure><img src="../images/fig%201.png" alt="A ferry at night"/><figcaption>The ferry in 1921.</figcaption></figure>
       <p><img src="../images/dot.gif" alt="Illo1"/></p><p>They reached land at dawn.</p>`,
      { 'OEBPS/images/fig 1.png': PNG, 'OEBPS/images/dot.gif': GIF },
    );
    const a = await parseEpub(book, 'pictures.epub');
    expect(kinds(a.body.blocks)).toEqual([
      'heading',
      'paragraph',
      'image',
      'caption',
      'image',
      'paragraph',
    ]);
    const [, , fig, caption, illo] = a.body.blocks;
    // A figure with a caption: the caption says it, so the alt text isn't repeated.
    expect(fig).toEqual({ type: 'image', src: sha(PNG), content: [] });
    expect(caption).toEqual({ type: 'caption', content: [{ text: 'The ferry in 1921.' }] });
    // Without one, the alt text is the picture's text, not a paragraph.
    expect(illo).toEqual({ type: 'image', src: sha(GIF), content: [{ text: 'Illo1' }] });
    expect(a.images?.map((i) => [i.hash, i.mediaType, i.bytes.length])).toEqual([
      [sha(PNG), 'image/png', PNG.length],
      [sha(GIF), 'image/gif', GIF.length],
    ]);
    expect(a.warnings).toBeUndefined();
  });

  it('EPUB: wrong magic bytes, an SVG with script and a missing file are handled, each named', async () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(2)</script><a href="https://example.com/x"><rect width="5" height="5"/></a><image href="https://example.com/track.png"/><circle cx="5" cy="5" r="4" fill="red"/></svg>`;
    const book = epubWith(
      `<p>${LONG}</p><p><img src="../images/fake.png" alt="Not a picture"/></p>
       <p><img src="../images/chart.svg" alt="Chart"/></p><p><img src="../images/gone.png" alt="Gone"/></p>`,
      { 'OEBPS/images/fake.png': '<html>not a png</html>', 'OEBPS/images/chart.svg': svg },
    );
    const a = await parseEpub(book, 'hostile.epub');
    // The fake and the missing picture keep their alt text as before (a caption: it stood alone).
    expect(kinds(a.body.blocks)).toEqual(['paragraph', 'caption', 'image', 'caption']);
    expect(a.warnings).toEqual([
      'hostile.epub: 1 picture not kept (../images/fake.png is not a PNG, JPEG, GIF, WebP or SVG picture); the alt text stays',
    ]);
    const kept = a.images!;
    expect(kept).toHaveLength(1);
    expect(kept[0]!.mediaType).toBe('image/svg+xml');
    const clean = new TextDecoder().decode(kept[0]!.bytes);
    expect(clean).toContain('<circle');
    expect(clean).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(clean).not.toMatch(/script|onload|alert|example\.com|<image|<a[\s>]/i);
    expect(a.body.blocks[2]).toEqual({
      type: 'image',
      src: kept[0]!.hash,
      content: [{ text: 'Chart' }],
    });
  });

  it('refuses a picture over the size limit and keeps its alt text', async () => {
    // Incompressible, so the zip's inflation limits allow it: only the picture limit stops it.
    const huge = Buffer.concat([PNG.subarray(0, 16), randomBytes(MAX_IMAGE_BYTES + 1 - 16)]);
    const book = epubWith(`<p>${LONG}</p><p><img src="../images/huge.png" alt="Huge map"/></p>`, {
      'OEBPS/images/huge.png': huge,
    });
    const a = await parseEpub(book, 'huge.epub');
    expect(a.images).toBeUndefined();
    expect(a.body.blocks[1]).toEqual({ type: 'caption', content: [{ text: 'Huge map' }] });
    expect(a.warnings?.[0]).toMatch(
      /^huge\.epub: 1 picture not kept \(\.\.\/images\/huge\.png is larger than 16 MB\)/,
    );
  });

  it('DOCX: an embedded picture becomes an image block with its description as text', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph(LONG),
            new Paragraph({
              children: [
                new ImageRun({
                  type: 'png',
                  data: PNG,
                  transformation: { width: 10, height: 10 },
                  altText: { name: 'fig', description: 'Map of the harbour', title: 'Map' },
                }),
              ],
            }),
            new Paragraph('Figure 1. The harbour in 2024.'),
          ],
        },
      ],
    });
    const a = await parseDocx(new Uint8Array(await Packer.toBuffer(doc)), 'report.docx');
    const image = a.body.blocks.find((b) => b.type === 'image');
    expect(image).toEqual({
      type: 'image',
      src: sha(PNG),
      content: [{ text: 'Map of the harbour' }],
    });
    expect(a.images?.map((i) => i.mediaType)).toEqual(['image/png']);
  });

  it('HTML: a data: URL picture is kept; a remote one never is (its alt text stays)', () => {
    const html = `<!DOCTYPE html><html><head><title>Harbour notes</title></head><body><article>
      <h1>Harbour notes</h1><p>${LONG} ${LONG}</p>
      <figure><img src="data:image/png;base64,${PNG.toString('base64')}" alt="Photo of the quay"></figure>
      <p>${LONG}</p>
      <figure><img src="https://example.com/remote.png" alt="A remote chart"></figure>
      <p>${LONG}</p></article></body></html>`;
    const a = parseHtml(new TextEncoder().encode(html), 'notes.html');
    const images = a.body.blocks.filter((b) => b.type === 'image');
    expect(images).toEqual([
      { type: 'image', src: sha(PNG), content: [{ text: 'Photo of the quay' }] },
    ]);
    expect(a.images?.map((i) => i.hash)).toEqual([sha(PNG)]);
    expect(JSON.stringify(a.body)).not.toContain('example.com/remote.png');
    expect(a.body.blocks).toContainEqual({
      type: 'caption',
      content: [{ text: 'A remote chart' }],
    });
  });

  it('HTML: a bare picture between paragraphs (no figure) is kept, its alt text as its text; one inside a sentence is not', () => {
    const png = PNG.toString('base64');
    const html = `<!DOCTYPE html><html><head><title>Harbour notes</title></head><body><article>
      <h1>Harbour notes</h1><p>${LONG} ${LONG}</p>
      <img src="data:image/png;base64,${png}" alt="Tide chart for March">
      <p>${LONG}</p>
      <a href="https://example.com/big"><img src="data:image/png;base64,${png}" alt="Linked chart"></a>
      <p>${LONG} and a <img src="data:image/png;base64,${png}" alt="tiny icon"> inside a sentence.</p></article></body></html>`;
    const a = parseHtml(new TextEncoder().encode(html), 'notes.html');
    expect(a.body.blocks.filter((b) => b.type === 'image')).toEqual([
      { type: 'image', src: sha(PNG), content: [{ text: 'Tide chart for March' }] },
      {
        type: 'image',
        src: sha(PNG),
        content: [{ text: 'Linked chart', href: 'https://example.com/big' }],
      },
    ]);
    expect(JSON.stringify(a.body)).toContain('tiny icon');
    expect(
      a.body.blocks.some((b) => b.type === 'paragraph' && JSON.stringify(b).includes('Tide chart')),
    ).toBe(false);
  });

  /**
   * A picture inside a sentence (an icon, an emoji drawn as an image) stays its alt text, in place:
   * the paragraph is one paragraph, the sentence reads and is found and quoted whole, and the
   * picture isn't stored. Decided so because such pictures say what their alt text says (emoji
   * images carry the emoji itself), and an inline picture would need a new kind of inline content
   * in every body reader (canonical text, reader, exports, sync) for a few pixels.
   */
  it('a picture inside a sentence keeps the paragraph whole, its alt text in place (HTML, EPUB, DOCX)', async () => {
    const png = PNG.toString('base64');
    const sentence = 'Press the save icon button to keep it, then smile 😀 and go on.';
    const isWhole = (blocks: readonly Block[]) => {
      const hits = blocks.filter(
        (b) =>
          b.type === 'paragraph' &&
          b.content
            .map((c) => c.text)
            .join('')
            .includes('Press the'),
      );
      expect(hits).toEqual([{ type: 'paragraph', content: [{ text: sentence }] }]);
      expect(blocks.some((b) => b.type === 'image' || b.type === 'caption')).toBe(false);
    };
    const html = `<!DOCTYPE html><html><head><title>Icons</title></head><body><article>
      <h1>Icons</h1><p>${LONG} ${LONG}</p>
      <p>Press the <img src="data:image/png;base64,${png}" alt="save icon" width="16" height="16"> button to keep it, then smile <img class="emoji" src="data:image/gif;base64,${GIF.toString('base64')}" alt="😀"> and go<img src="data:image/png;base64,${png}" alt=""> on.</p>
      <p>${LONG}</p></article></body></html>`;
    const h = parseHtml(new TextEncoder().encode(html), 'icons.html');
    isWhole(h.body.blocks);
    expect(h.images).toBeUndefined();

    const book = epubWith(
      `<h1>Icons</h1><p>${LONG}</p><p>Press the <img src="../images/i.png" alt="save icon"/> button to keep it, then smile <img src="../images/e.gif" alt="😀"/> and go on.</p><p>${LONG}</p>`,
      { 'OEBPS/images/i.png': PNG, 'OEBPS/images/e.gif': GIF },
    );
    const e = await parseEpub(book, 'icons.epub');
    isWhole(e.body.blocks);
    expect(e.images).toBeUndefined();

    const icon = (description: string, data: Buffer, type: 'png' | 'gif') =>
      new ImageRun({
        type,
        data,
        transformation: { width: 12, height: 12 },
        altText: { name: 'icon', description, title: description },
      });
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph(LONG),
            new Paragraph({
              children: [
                new TextRun('Press the '),
                icon('save icon', PNG, 'png'),
                new TextRun(' button to keep it, then smile '),
                icon('😀', GIF, 'gif'),
                new TextRun(' and go on.'),
              ],
            }),
            new Paragraph(LONG),
          ],
        },
      ],
    });
    const d = await parseDocx(new Uint8Array(await Packer.toBuffer(docx)), 'icons.docx');
    isWhole(d.body.blocks);
    expect(d.images).toBeUndefined();
  });

  it('a marker class copied from a page names no picture: only this parse’s markers count', () => {
    const images = new DocumentImages('x.html');
    const hash = images.add(PNG, 'a picture')!;
    const other = new DocumentImages('y.html');
    expect(other.marker).not.toBe(images.marker);
    const html = `<html><body><article><p>${LONG}</p><figure class="${images.srcFor(hash)}">forged</figure><p>${LONG}</p></article></body></html>`;
    const a = parseHtml(new TextEncoder().encode(html), 'forged.html');
    expect(a.body.blocks.some((b) => b.type === 'image')).toBe(false);
  });
});
