/**
 * Deterministic document containers for fuzzing: ZIPs with a fixed timestamp (so a seed gives
 * the same bytes every run), minimal Word documents and EPUBs built from their XML parts, and
 * PDFs assembled object by object with a correct cross-reference table.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { rawPdf } from '../../core/import/pdf/fixtures';

const MTIME = new Date('2024-06-18T12:00:00Z');

/** Entries in the given order; `mimetype` is stored (EPUB wants it first and uncompressed). */
export function zip(entries: [string, string | Uint8Array][]): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of entries) {
    const bytes = typeof content === 'string' ? strToU8(content) : content;
    files[name] = [bytes, { level: name === 'mimetype' ? 0 : 6, mtime: MTIME }];
  }
  return zipSync(files, { mtime: MTIME });
}

/** The entries of a ZIP in order, or null when fflate can't read it (a mutated container). */
export function unzip(bytes: Uint8Array): [string, Uint8Array][] | null {
  try {
    return Object.entries(unzipSync(bytes));
  } catch {
    return null;
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function docxParts(
  documentXml: string,
  title = 'Harbour Survey',
  extra: [string, string][] = [],
): [string, string][] {
  return [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ],
    ['word/document.xml', documentXml],
    [
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${title}</dc:title><dc:creator>Ada Marsh</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-06-18T12:00:00Z</dcterms:created></cp:coreProperties>`,
    ],
    ...extra,
  ];
}

export function wordDocument(bodyXml: string, prolog = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="${W}"><w:body>${bodyXml}</w:body></w:document>`;
}

export const wPara = (text: string, style?: string, bold = false): string =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export const wTable = (rows: string[][]): string =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${wPara(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

export function docx(bodyXml: string, opts: { title?: string; prolog?: string } = {}): Uint8Array {
  return zip(docxParts(wordDocument(bodyXml, opts.prolog), opts.title));
}

export interface EpubParts {
  chapters: { id: string; xhtml: string }[];
  /** Spine order by chapter id; every chapter once in order by default. */
  spine?: string[];
  title?: string;
  lang?: string;
  opfProlog?: string;
  extraManifest?: string;
}

export function chapterXhtml(body: string, attrs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"${attrs}><head><title>c</title></head><body>${body}</body></html>`;
}

export function epubEntries(p: EpubParts): [string, string][] {
  const manifest =
    p.chapters
      .map((c) => `<item id="${c.id}" href="${c.id}.xhtml" media-type="application/xhtml+xml"/>`)
      .join('') + (p.extraManifest ?? '');
  const spine = (p.spine ?? p.chapters.map((c) => c.id))
    .map((id) => `<itemref idref="${id}"/>`)
    .join('');
  const opf = `<?xml version="1.0" encoding="UTF-8"?>${p.opfProlog ?? ''}<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">urn:uuid:0190a000-0000-7000-8000-000000000001</dc:identifier><dc:title>${p.title ?? 'Tides of the North'}</dc:title><dc:creator>Ada Marsh</dc:creator><dc:language>${p.lang ?? 'en'}</dc:language></metadata><manifest>${manifest}</manifest><spine>${spine}</spine></package>`;
  return [
    ['mimetype', 'application/epub+zip'],
    [
      'META-INF/container.xml',
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ],
    ['OEBPS/content.opf', opf],
    ...p.chapters.map((c): [string, string] => [`OEBPS/${c.id}.xhtml`, c.xhtml]),
  ];
}

export function epub(p: EpubParts): Uint8Array {
  return zip(epubEntries(p));
}

/** A PDF string literal: backslash, parentheses escaped. */
export function pdfString(s: string): string {
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The importers' own raw PDF writer (object N is `objects[N-1]`, object 1 the catalog). */
export { rawPdf };

/** Text drawn line by line in Helvetica: one content stream per page. */
export function textPdf(
  pages: string[][],
  info: { title?: string; author?: string } = {},
): Uint8Array {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const kids: number[] = [];
  for (const lines of pages) {
    const content = `BT /F1 11 Tf 14 TL 72 720 Td ${lines.map((l) => `${pdfString(l)} Tj T*`).join(' ')} ET`;
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    const contentId = objects.length;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    kids.push(objects.length);
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const infoDict = `<< ${info.title ? `/Title ${pdfString(info.title)}` : ''} ${info.author ? `/Author ${pdfString(info.author)}` : ''} >>`;
  objects.push(infoDict);
  return rawPdf(objects, `/Info ${objects.length} 0 R`);
}
