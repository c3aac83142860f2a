/**
 * Test builders for hostile files that are cheap to make and costly to parse (amplification,
 * nesting). Real formats: the DOCX is a real ZIP from the project's zip builder.
 */
import { deflateSync } from 'node:zlib';
import { rawPdf } from '../pdf/fixtures';
import { makeZip } from '../zip/fixtures';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A DOCX whose word/document.xml is `xmlBytes` of one paragraph repeated: it compresses ~250 times. */
export function amplifiedDocx(
  xmlBytes: number,
  paragraph = 'The quick brown fox jumps over the lazy dog, again and again.',
): Uint8Array {
  const p = `<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`;
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${p.repeat(Math.ceil(xmlBytes / p.length))}</w:body></w:document>`;
  return makeZip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml': doc,
  });
}

/** A small, ordinary DOCX (one heading-less paragraph). */
export function plainDocx(text: string): Uint8Array {
  return makeZip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

/** An HTML page with `depth` nested <div>s around one word (about 11 bytes per level). */
export function nestedHtml(depth: number): Uint8Array {
  return enc(
    `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}</body></html>`,
  );
}

/** A Markdown file with one paragraph of `bytes` inline markup (emphasis, links, code). */
export function hugeParagraphMarkdown(bytes: number): Uint8Array {
  const unit = 'a *b* **c** [d](http://e.example/f) `g` ';
  return enc(`# Huge\n\n${unit.repeat(Math.ceil(bytes / unit.length))}\n`);
}

/**
 * A small PDF whose one content stream inflates to `decodedBytes` of spaces: pdf.js holds the
 * decoded stream in typed-array buffers, outside the V8 heap limit.
 */
export function inflatingPdf(decodedBytes: number): Uint8Array {
  const content = deflateSync(Buffer.alloc(decodedBytes, 0x20), { level: 9 });
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n${content.toString('latin1')}\nendstream`,
  ]);
}

/**
 * A scanned-looking PDF whose one page image is `side`×`side` grey pixels of zeros: a few hundred
 * KB that pdf.js decodes into buffers of hundreds of MB (more as RGBA), outside the V8 heap.
 */
export function hugeImagePdf(side: number): Uint8Array {
  const data = deflateSync(Buffer.alloc(side * side, 0), { level: 9 });
  const draw = 'q 612 0 0 792 0 0 cm /Im0 Do Q';
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>',
    `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`,
    `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream`,
  ]);
}
