import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText, bodyToText } from '../../../model/body';
import { nameToDisplay } from '../../../model/metaText';
import { bylineNames } from '../../../model/names';
import { pageAt } from '../../../model/pages';
import { encryptedPdf, imageOnlyPdf, makePdf, textLines, unmappedFontPdf } from './fixtures';
import { parsePdf } from './parse';
import { failure } from '../../../test/failure';

const header = (n: number) => [
  { text: 'Journal of Imaginary Results · Vol. 3', y: 760, size: 9 },
  { text: String(n), x: 300, y: 40, size: 9 },
];

describe('parsePdf', () => {
  it('keeps metadata, paragraphs and page starts, and drops running heads and page numbers', async () => {
    const pdf = await makePdf({
      title: 'Tidal Patterns in Small Harbours',
      author: 'Ada Marsh; Ben Quay',
      subject: 'A study of tides',
      creationDate: new Date('2024-03-05T10:20:30Z'),
      pages: [
        [
          ...header(1),
          { text: 'Tidal Patterns in Small Harbours', y: 700, size: 20, bold: true },
          ...textLines(
            [
              'Harbours behave differently from the open sea, and',
              'their tides are delayed by the narrow entrance',
              'channels that feed them.',
            ],
            660,
          ),
          ...textLines(
            [
              'A second paragraph begins after a blank line and',
              'talks about measure-',
              'ments taken every hour.',
            ],
            600,
          ),
        ],
        [
          ...header(2),
          { text: 'Methods', y: 720, size: 15, bold: true },
          ...textLines(['We used tide gauges on both sides of the wall.'], 690),
        ],
        [...header(3), ...textLines(['The results are summarised on this third page.'], 720)],
      ],
    });
    const a = await parsePdf(pdf, 'tides.pdf');
    expect(a.format).toBe('pdf');
    expect(a.title).toBe('Tidal Patterns in Small Harbours');
    expect(a.byline).toBe('Ada Marsh, Ben Quay');
    expect(a.published).toBe('2024-03-05T10:20:30Z');
    expect(a.excerpt).toBe('A study of tides');
    const text = bodyToText(a.body);
    expect(text).not.toMatch(/Journal of Imaginary Results/);
    expect(a.body.blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expect(text).toContain(
      'Harbours behave differently from the open sea, and their tides are delayed by the narrow entrance channels that feed them.',
    );
    expect(text).toContain('talks about measurements taken every hour.');
    expect(a.pages?.map((p) => p.label)).toEqual(['1', '2', '3']);
    expect(pageAt(a.pages, text.indexOf('tide gauges'))?.label).toBe('2');
    expect(pageAt(a.pages, text.indexOf('third page'))?.label).toBe('3');
    expect(pageAt(a.pages, text.indexOf('every hour'))?.label).toBe('1');
    for (const p of a.pages ?? [])
      expect(p.start === 0 || text.slice(p.start - 2, p.start) === '\n\n').toBe(true);
  });

  it.each([
    ['Untitled'],
    ['Microsoft Word - draft3.doc'],
    ['ARRAY(0x55d4c8a1e2f0)'],
    ['tides_final_v2.pdf'],
    [''],
  ])(
    'falls back to the largest text on page 1 when the title is %j, and takes authors from under it',
    async (junk) => {
      const pdf = await makePdf({
        title: junk,
        author: 'Administrator',
        pages: [
          [
            { text: 'Salt Marsh Ecology', y: 720, size: 22 },
            { text: 'Clara Reed and Tom Fenn', y: 690, size: 12 },
            ...textLines(
              [
                'Body text of the paper, at the usual size of eleven points.',
                'More body text follows here.',
                'And more.',
              ],
              650,
            ),
          ],
        ],
      });
      const a = await parsePdf(pdf, 'paper.pdf');
      expect(a.title).toBe('Salt Marsh Ecology');
      expect(a.byline).toBe('Clara Reed and Tom Fenn');
    },
  );

  it('prefers XMP metadata (title, creators, date, language) over a junk info dictionary', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Estuaries of the North</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Ines Berg</rdf:li><rdf:li>Ola Nord</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag><rdf:li>nb-NO</rdf:li></rdf:Bag></dc:language>
<xmp:CreateDate>2019-11-02T08:30:00+01:00</xmp:CreateDate>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const pdf = await makePdf({
      title: 'ARRAY(0x55d4c8a1e2f0)',
      author: 'owner',
      xmp,
      pages: [textLines(['Text.'], 700)],
    });
    const a = await parsePdf(pdf, 'x.pdf');
    expect(a.title).toBe('Estuaries of the North');
    expect(a.byline).toBe('Ines Berg, Ola Nord');
    // The citation's authors: the XMP list as names, not the joined byline split again.
    expect(a.meta?.author).toEqual([
      { family: 'Berg', given: 'Ines' },
      { family: 'Nord', given: 'Ola' },
    ]);
    expect(a.published).toBe('2019-11-02T08:30:00+01:00');
    expect(a.lang).toBe('nb-NO');
  });

  it("reads the DOI and publisher a publisher's XMP declares (prism:doi, dc:identifier, attributes)", async () => {
    const packet = (description: string, body: string) =>
      `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"${description}>
${body}
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const parse = async (xmp: string) =>
      (await parsePdf(await makePdf({ xmp, pages: [textLines(['Text.'], 700)] }), 'x.pdf')).meta;

    // As publishers write it: prism:doi, a dc:identifier "doi:", dc:publisher as a bag.
    expect(
      await parse(
        packet(
          '',
          `<prism:doi>10.1016/j.tide.2020.01.004</prism:doi>
<dc:identifier>doi:10.1016/j.tide.2020.01.004</dc:identifier>
<dc:publisher><rdf:Bag><rdf:li>Elsevier B.V.</rdf:li></rdf:Bag></dc:publisher>`,
        ),
      ),
    ).toEqual({ DOI: '10.1016/j.tide.2020.01.004', publisher: 'Elsevier B.V.' });
    // Only a dc:identifier naming the DOI by URL, and the publisher in the PDF schema.
    expect(
      await parse(
        packet(
          '',
          `<dc:identifier>https://doi.org/10.5555/harbour.12</dc:identifier><pdf:Publisher>Quay Press</pdf:Publisher>`,
        ),
      ),
    ).toEqual({ DOI: '10.5555/harbour.12', publisher: 'Quay Press' });
    // The shorthand form: properties as attributes of rdf:Description.
    expect(await parse(packet(' pdfx:doi="10.5555/estuary.3"', ''))).toEqual({
      DOI: '10.5555/estuary.3',
    });
    // An identifier that is no DOI (a UUID, an ISBN) gives none.
    expect(
      await parse(packet('', '<dc:identifier>urn:uuid:0f1e2d3c-4b5a-6978</dc:identifier>')),
    ).toBeUndefined();
  });

  it('uses the file name when there is neither a title nor a title-sized line', async () => {
    const pdf = await makePdf({ pages: [textLines(['Just plain text, all one size.'], 700)] });
    expect((await parsePdf(pdf, 'notes-2024.pdf')).title).toBe('notes-2024');
  });

  it('imports a PDF without a text layer as an item saying so', async () => {
    const a = await parsePdf(imageOnlyPdf(), 'scan.pdf');
    expect(a.title).toBe('Scan 0042');
    expect(a.excerpt).toBe('No extractable text (scanned?)');
    expect(bodyToText(a.body)).toMatch(
      /^No extractable text \(scanned\?\): this PDF has 1 page but no text layer\./,
    );
  });

  it('refuses an encrypted PDF with a clear message', async () => {
    const error = await failure(() => parsePdf(encryptedPdf(), 'secret.pdf'));
    expect(error.code).toBe('encrypted');
    expect(error.message).toBe(
      'secret.pdf: the PDF is password-protected; open it with its password, save an unprotected copy and import that',
    );
  });

  it('refuses corrupt and truncated PDFs', async () => {
    const garbage = new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF at all\n%%EOF');
    expect((await failure(() => parsePdf(garbage, 'fake.pdf'))).message).toMatch(/^fake\.pdf: /);
    const pdf = await makePdf({ title: 'x', pages: [textLines(['Some text.'], 700)] });
    const cut = await failure(() => parsePdf(pdf.subarray(0, 200), 'cut.pdf'));
    expect(cut.code).toBe('parse_error');
  });
});

describe('parsePdf: short pages', () => {
  it('keeps body text that repeats on pages with only a line or two (it is not at the page edge)', async () => {
    const pages = [1, 2, 3].map((n) => [
      ...(n === 1 ? [{ text: 'Coastal Erosion Notes', y: 720, size: 22 }] : []),
      { text: `Body text on page ${n}, long enough to be a paragraph.`, y: 680, size: 11 },
      { text: String(n), x: 300, y: 40, size: 9 },
    ]);
    const a = await parsePdf(
      await makePdf({ title: 'Microsoft Word - draft.doc', pages }),
      'notes.pdf',
    );
    expect(a.title).toBe('Coastal Erosion Notes');
    expect(bodyToText(a.body)).toBe(
      'Body text on page 1, long enough to be a paragraph.\n\nBody text on page 2, long enough to be a paragraph.\n\nBody text on page 3, long enough to be a paragraph.',
    );
    expect(a.pages).toEqual([
      { label: '1', start: 0 },
      { label: '2', start: 53 },
      { label: '3', start: 106 },
    ]);
  });

  it('warns when the text comes out as control characters (fonts without a Unicode map)', async () => {
    const a = await parsePdf(
      unmappedFontPdf(['thequickbrownfox', 'jumpsoverthelazydog']),
      'tex.pdf',
    );
    expect(bodyToText(a.body)).toMatch(/[\u0001-\u001a]/);
    expect(a.warnings).toEqual([
      'tex.pdf: 100% of the text is unreadable (its fonts have no Unicode map); the original file is kept with this item — run OCR on it or open it in your PDF viewer',
    ]);
    // The catalog's /Lang is the declared language when XMP has none.
    expect(a.lang).toBe('en-GB');
  });

  it('gives no such warning for ordinary text', async () => {
    const pdf = await makePdf({ pages: [textLines(['Plain words that any font maps.'], 700)] });
    expect((await parsePdf(pdf, 'ok.pdf')).warnings).toBeUndefined();
  });
});

describe('parsePdf: the title block on real documents (fixtures/real)', () => {
  const real = (name: string): Uint8Array =>
    readFileSync(join(__dirname, '..', 'fixtures', 'real', name));

  it('leaves a paper’s authors, their affiliations and its date out of the body (zlib’s CRC paper)', async () => {
    const a = await parsePdf(real('crc-doc.1.0.pdf'), 'crc-doc.1.0.pdf');
    expect(a.title).toBe('Everything we know about CRC but afraid to forget');
    expect(a.byline).toBe('Andrew Kadatch and Bob Jenkins');
    // "September 3, 2010" under the affiliations is the paper's date: shown above the body.
    expect(a.published).toBe('2010-09-03');
    const text = bodyToText(a.body);
    expect(text).toMatch(/^Abstract/);
    expect(text).not.toMatch(/Google Inc\.|Microsoft Corporation/);
  });

  it('leaves the subtitle, the author and the address under it out of the body (a freedesktop spec)', async () => {
    const a = await parsePdf(real('shared-mime-info-spec.pdf'), 'shared-mime-info-spec.pdf');
    expect(a.title).toBe('Shared MIME-info Database');
    expect(a.subtitle).toBe('X Desktop Group (http://www.freedesktop.org)');
    expect(a.byline).toBe('Thomas Leonard');
    expect(bodyToText(a.body)).toMatch(
      /^1\. Introduction\n\n1\.1\. Version\n\nThis is version 0\.21/,
    );
  });

  it('reads a Texinfo title page: subtitle lines, the authors at the foot with an address, the stated date (libtasn1 manual)', async () => {
    const a = await parsePdf(real('libtasn1.pdf'), 'libtasn1.pdf');
    expect(a.title).toBe('Libtasn1');
    expect(a.subtitle).toBe(
      'Abstract Syntax Notation One (ASN.1) library for the GNU system for version 4.19.0, 18 August 2022',
    );
    expect(a.byline).toBe('Fabio Fiorina, Simon Josefsson, Nikos Mavrogiannopoulos');
    // The title page's date, not the file's (rebuilt by Debian in 2025).
    expect(a.published).toBe('2022-08-18');
    expect(bodyToText(a.body)).toMatch(/^This manual is for GNU Libtasn1 \(version 4\.19\.0/);
  });

  it('keeps a title page’s subtitle and its author beside a web address out of the body (bzip2 manual)', async () => {
    const a = await parsePdf(real('bzip2-manual.pdf'), 'bzip2-manual.pdf');
    expect(a.title).toBe('bzip2 and libbzip2, version 1.0.8');
    expect(a.subtitle).toBe('A program and library for data compression');
    expect(a.byline).toBe('Julian Seward');
    expect(bodyToText(a.body)).toMatch(/^bzip2 and libbzip2, version 1\.0\.8: A program/);
  });

  it('finds a title set at the body’s size by its place: a text file printed by Chromium (GPL-3)', async () => {
    const a = await parsePdf(real('GPL-3.chromium.pdf'), 'GPL-3.chromium.pdf');
    expect(a.title).toBe('GNU GENERAL PUBLIC LICENSE');
    expect(a.subtitle).toBe('Version 3, 29 June 2007');
    expect(a.published).toBe('2007-06-29');
    expect(bodyToText(a.body).trimStart()).toMatch(
      /^Copyright \(C\) 2007 Free Software Foundation/,
    );
  });

  it('joins TeX’s accents to their letters: “Niels Möller”, not “M¨ oller” (Nettle manual)', async () => {
    const a = await parsePdf(real('nettle.pdf'), 'nettle.pdf');
    expect(a.byline).toBe('Niels Möller');
    expect(a.subtitle).toBe('For the Nettle Library version 3.4');
    const text = bodyToText(a.body);
    expect(text).toContain('Originally written 2001 by Niels Möller');
    expect(text).toContain('Michaël Peeters');
    expect(text).not.toMatch(/[\u00a8\u00b4]/);
  });

  it('drops the site’s name from a page printed to PDF (Wikipedia, Chromium)', async () => {
    const a = await parsePdf(
      real('haversine-formula.wikipedia.pdf'),
      'haversine-formula.wikipedia.pdf',
    );
    expect(a.title).toBe('Haversine formula');
    expect(bodyToText(a.body)).toMatch(/^The haversine formula determines/);
  });

  it('reads a report’s 35 authors from its title page after a cover and a boilerplate page (PETSc/TAO Users Manual)', async () => {
    const file = 'petsc-manual-3.18.pages1-3.pdf';
    const a = await parsePdf(real(file), file);
    expect(a.title).toBe('PETSc/TAO Users Manual');
    expect(a.subtitle).toBe('Revision 3.18');
    // Not the cover's "Mathematics and Computer Science Division": the persons on the title page,
    // without their affiliation numbers, "Buschel-" + "man" and "R. Tran Mills" + "1," joined.
    const names = bylineNames(a.byline).map(nameToDisplay);
    expect(names).toEqual(PETSC_AUTHORS);
    // The title page's date ("February 27, 2023"), not the file's creation time.
    expect(a.published).toBe('2023-02-27');
    const text = bodyToText(a.body);
    // Page i is the title page: what is left of it is the report number, the publisher and the
    // funding note; the names, "Prepared by", the 22 affiliations and the date are above the body.
    const titlePage = text.slice(a.pages?.find((p) => p.label === 'i')?.start);
    expect(titlePage).toBe(
      'ANL-21/39 Rev 3.18\n\nArgonne National Laboratory Mathematics and Computer Science Division\n\nThis work was supported by the Office of Advanced Scientific Computing Research, Office of Science, U.S. Department of Energy, under Contract DE-AC02-06CH11357.',
    );
    // The cover and the boilerplate page stay in the body.
    expect(text).toMatch(/^Argonne National Laboratory is a U\.S\. Department of Energy/);
    expect(text).toContain('DOCUMENT AVAILABILITY');
  });

  it('leaves the title page’s author line out of the body (Debian maint-guide, German)', async () => {
    const a = await parsePdf(real('maint-guide.de.pdf'), 'maint-guide.de.pdf');
    expect(a.byline).toMatch(/^Josip Rodin, Osamu Aoki/);
    const first = a.body.blocks[0];
    expect(first && blockText(first)).not.toMatch(/Josip Rodin, Osamu Aoki/);
    // The first page is the title page: what is left starts on the next one.
    expect(a.pages?.[0]?.label).not.toBe('1');
  });
});

describe('parsePdf: junk metadata and unreadable text on real documents (fixtures/real)', () => {
  const real = (name: string): Uint8Array =>
    readFileSync(join(__dirname, '..', 'fixtures', 'real', name));

  it('takes neither a print driver’s "Print <file>.svg" title nor its capitals account name (UNAM crest, PDFCreator)', async () => {
    const a = await parsePdf(real('unam_negro.trimmed.pdf'), 'unam_negro.trimmed.pdf');
    expect(a.title).toBe('unam_negro.trimmed');
    expect(a.byline).toBeNull();
  });

  it('takes neither an .eps file name title nor a capitals account name (UC Davis badge, Distiller)', async () => {
    const a = await parsePdf(
      real('ucdavisthesis_example_figure.trimmed.pdf'),
      'ucdavisthesis_example_figure.trimmed.pdf',
    );
    expect(a.title).toBe('ucdavisthesis_example_figure.trimmed');
    expect(a.byline).toBeNull();
  });

  it('drops the separator a template’s loop leaves after the last declared author (quantumarticle’s template, page 1)', async () => {
    const a = await parsePdf(real('quantum-template.page1.pdf'), 'quantum-template.page1.pdf');
    expect(a.byline).toBe(
      'Lídia del Rio, Christian Gogolin, Marcus Huber, Cassandra Granade, Johannes Jakob Meyer, Victor V. Albert',
    );
  });

  it('warns when a real PDF’s text comes out as control characters (a Type 3 font without a Unicode map)', async () => {
    const a = await parsePdf(real('ku-template-sun-en.pdf'), 'ku-template-sun-en.pdf');
    expect(bodyToText(a.body)).toMatch(/[\u0000-\u0008\u000e-\u001f]/);
    expect(a.warnings).toEqual([
      'ku-template-sun-en.pdf: 100% of the text is unreadable (its fonts have no Unicode map); the original file is kept with this item — run OCR on it or open it in your PDF viewer',
    ]);
    // Its /Title is its file name and its /Author an account name ("lucas"): both dropped.
    expect(a.title).toBe('ku-template-sun-en');
    expect(a.byline).toBeNull();
  });
});

/** The title page of the PETSc/TAO Users Manual 3.18 (ANL-21/39), in its order. */
const PETSC_AUTHORS = [
  'S. Balay',
  'S. Abhyankar',
  'M. F. Adams',
  'S. Benson',
  'J. Brown',
  'P. Brune',
  'K. Buschelman',
  'E. M. Constantinescu',
  'L. Dalcin',
  'A. Dener',
  'V. Eijkhout',
  'J. Faibussowitsch',
  'W. D. Gropp',
  'V. Hapla',
  'T. Isaac',
  'P. Jolivet',
  'D. Karpeev',
  'D. Kaushik',
  'M. G. Knepley',
  'F. Kong',
  'S. Kruger',
  'D. A. May',
  'L. Curfman McInnes',
  'R. Tran Mills',
  'L. Mitchell',
  'T. Munson',
  'J. E. Roman',
  'K. Rupp',
  'P. Sanan',
  'J. Sarich',
  'B. F. Smith',
  'S. Zampini',
  'H. Zhang',
  'H. Zhang',
  'J. Zhang',
];
