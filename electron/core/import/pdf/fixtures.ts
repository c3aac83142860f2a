/**
 * Test PDFs: real documents written with pdf-lib, and hand-assembled ones for what pdf-lib won't
 * write (an /Encrypt dictionary).
 */
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  StandardFonts,
  type PDFFont,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

export interface TextRun {
  text: string;
  x?: number;
  y: number;
  size?: number;
  bold?: boolean;
  /** Set in Courier (a code listing). */
  mono?: boolean;
}

export interface PdfSpec {
  title?: string;
  author?: string;
  subject?: string;
  creationDate?: Date;
  /** An XMP packet, stored as the catalog's /Metadata stream. */
  xmp?: string;
  pages: TextRun[][];
  /** Bookmarks: each to a page (0-based; one past the last makes a broken destination). */
  outline?: OutlineSpec[];
}

export interface OutlineSpec {
  title: string;
  page: number;
  children?: OutlineSpec[];
}

/** Writes one level of outline items under `parent` (pdf-lib has no outline API). */
function outlineLevel(
  doc: PDFDocument,
  pages: readonly PDFPage[],
  items: readonly OutlineSpec[],
  parent: PDFRef,
): { first: PDFRef; last: PDFRef; count: number } {
  const refs = items.map(() => doc.context.nextRef());
  let count = 0;
  items.forEach((item, i) => {
    const page = pages[item.page];
    // A page that isn't there: an explicit destination by page number, out of range.
    const dest = doc.context.obj([page ? page.ref : item.page, 'XYZ', null, null, null]);
    const dict: Record<string, PDFRef | PDFHexString | number | typeof dest> = {
      Title: PDFHexString.fromText(item.title),
      Parent: parent,
      Dest: dest,
    };
    if (i > 0) dict.Prev = refs[i - 1]!;
    if (i < items.length - 1) dict.Next = refs[i + 1]!;
    count++;
    if (item.children?.length) {
      const sub = outlineLevel(doc, pages, item.children, refs[i]!);
      Object.assign(dict, { First: sub.first, Last: sub.last, Count: sub.count });
      count += sub.count;
    }
    doc.context.assign(refs[i]!, doc.context.obj(dict));
  });
  return { first: refs[0]!, last: refs.at(-1)!, count };
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const mono = await doc.embedFont(StandardFonts.Courier);
  if (spec.title !== undefined) doc.setTitle(spec.title);
  if (spec.author !== undefined) doc.setAuthor(spec.author);
  if (spec.subject !== undefined) doc.setSubject(spec.subject);
  if (spec.creationDate) doc.setCreationDate(spec.creationDate);
  if (spec.xmp !== undefined) {
    const stream = doc.context.stream(spec.xmp, { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }
  const pages: PDFPage[] = [];
  for (const runs of spec.pages) {
    const page: PDFPage = doc.addPage([612, 792]);
    pages.push(page);
    for (const run of runs) {
      const font: PDFFont = run.mono ? mono : run.bold ? bold : regular;
      page.drawText(run.text, { x: run.x ?? 72, y: run.y, size: run.size ?? 11, font });
    }
  }
  if (spec.outline?.length) {
    const root = doc.context.nextRef();
    const { first, last, count } = outlineLevel(doc, pages, spec.outline, root);
    doc.context.assign(
      root,
      doc.context.obj({ Type: 'Outlines', First: first, Last: last, Count: count }),
    );
    doc.catalog.set(PDFName.of('Outlines'), root);
  }
  return doc.save({ useObjectStreams: false });
}

/** Lines of body text from `top` down at 14-point spacing. */
export function textLines(
  lines: string[],
  top: number,
  opts: { x?: number; size?: number; spacing?: number } = {},
): TextRun[] {
  return lines.map((text, i) => ({
    text,
    x: opts.x ?? 72,
    y: top - i * (opts.spacing ?? 14),
    size: opts.size ?? 11,
  }));
}

/**
 * A PDF from raw object bodies (object N is `objects[N-1]`, object 1 the catalog), with a correct
 * xref; `trailerExtra` goes into the trailer. Latin-1: each character is one byte (binary stream
 * data can be passed as a 'latin1' string).
 */
export function rawPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
];

/** Standard security handler with owner/user keys no empty password opens. */
export function encryptedPdf(): Uint8Array {
  const key = (c: string): string => `<${c.repeat(64)}>`;
  return rawPdf(
    [
      ...PAGE_OBJECTS,
      '<< /Length 0 >>\nstream\n\nendstream',
      `<< /Filter /Standard /V 1 /R 2 /O ${key('a')} /U ${key('b')} /P -4 >>`,
    ],
    `/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`,
  );
}

/** A page that only draws a filled rectangle: what a scan without OCR looks like to a text extractor. */
export function imageOnlyPdf(): Uint8Array {
  const drawing = '0.5 g 72 72 468 648 re f';
  return rawPdf(
    [
      ...PAGE_OBJECTS,
      `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`,
      '<< /Title (Scan 0042) >>',
    ],
    '/Info 5 0 R',
  );
}

/**
 * One page set in a Type 3 font whose glyphs have made-up names and no /ToUnicode map (as TeX's
 * bitmap fonts from dvips are): a viewer draws it, but text extraction gets the raw codes 1–26,
 * control characters. `lang` is stored as the catalog's /Lang.
 */
export function unmappedFontPdf(words: string[], lang = 'en-GB'): Uint8Array {
  const names = Array.from({ length: 26 }, (_, i) => `/x${i + 1}`).join(' ');
  const procs = Array.from({ length: 26 }, (_, i) => `/x${i + 1} 7 0 R`).join(' ');
  const codes = (w: string): string =>
    Array.from(
      w.toLowerCase().replace(/[^a-z]/g, ''),
      (c) => `\\${(c.charCodeAt(0) - 96).toString(8).padStart(3, '0')}`,
    ).join('');
  const shows = words.map((w, i) => `${i ? '0 -14 Td ' : ''}(${codes(w)}) Tj`).join(' ');
  const content = `BT /F1 12 Tf 72 700 Td ${shows} ET`;
  const glyph = '500 0 0 0 500 700 d1 0 0 500 700 re f';
  return rawPdf([
    `<< /Type /Catalog /Pages 2 0 R /Lang (${lang}) >>`,
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 6 0 R /Encoding << /Type /Encoding /Differences [1 ${names}] >> /FirstChar 1 /LastChar 26 /Widths [${Array(26).fill(500).join(' ')}] >>`,
    `<< ${procs} >>`,
    `<< /Length ${glyph.length} >>\nstream\n${glyph}\nendstream`,
  ]);
}
