/**
 * Generated hostile structures per format: amplification (a little input that parses into a
 * lot, such as repeated paragraphs inside a ZIP or a PDF page listed many times), deep nesting,
 * many attributes, entity declarations, references that loop. `scale` grows them: 1 keeps every
 * input small enough for the suite; the long run raises it.
 */
import {
  chapterXhtml,
  docx,
  docxParts,
  epub,
  epubEntries,
  pdfString,
  rawPdf,
  wordDocument,
  wPara,
  zip,
} from './containers';
import { int, pick, type Generator, type Rng } from './mutate';
import { jsonGenerators } from './jsonMutate';
import type { FuzzFormat } from './seeds';

const enc = new TextEncoder();
const text = (s: string): Uint8Array => enc.encode(s);
const size = (rng: Rng, base: number, scale: number): number =>
  Math.max(1, Math.round(base * scale * (0.2 + rng())));

const SENTENCE = 'The tide rose over the harbour wall and the lamps went out one by one. ';

const textGenerators: Generator[] = [
  (rng, s) => {
    const n = size(rng, 20_000, s);
    return { bytes: text('x'.repeat(n)), how: `one ${n}-character line` };
  },
  (rng, s) => {
    const n = size(rng, 5_000, s);
    return { bytes: text(`Title\n${'\n'.repeat(n)}Body.`), how: `${n} blank lines` };
  },
  (rng, s) => {
    const n = size(rng, 1_000, s);
    return {
      bytes: text(`Repeated\n\n${`${SENTENCE}\n\n`.repeat(n)}`),
      how: `${n} repeated paragraphs`,
    };
  },
  (rng, s) => {
    const n = size(rng, 2_000, s);
    return { bytes: text('a' + '\u0301'.repeat(n)), how: `one letter with ${n} combining marks` };
  },
  (rng, s) => {
    const n = size(rng, 2_000, s);
    return { bytes: text('\u202e\u200f'.repeat(n)), how: `${n} bidi controls only` };
  },
  (rng, s) => {
    const n = size(rng, 3_000, s);
    return {
      bytes: text(
        Array.from({ length: n }, (_, i) => (i % 7 ? 'word' : '\u00a0\t\u3000')).join(' '),
      ),
      how: `${n} words among odd spaces`,
    };
  },
];

const markdownGenerators: Generator[] = [
  (rng, s) => {
    const n = size(rng, 500, s);
    return {
      bytes: text(`# Quotes\n\n${'>'.repeat(n)} deep\n`),
      how: `blockquote nested ${n} deep`,
    };
  },
  (rng, s) => {
    const n = size(rng, 200, s);
    return {
      bytes: text(
        `# Lists\n\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`,
      ),
      how: `list nested ${n} deep`,
    };
  },
  (rng, s) => {
    const n = size(rng, 3_000, s);
    return {
      bytes: text(`# Emphasis\n\n${'*'.repeat(n)}a${'_'.repeat(n)}\n`),
      how: `${n} unmatched emphasis markers`,
    };
  },
  (rng, s) => {
    const n = size(rng, 3_000, s);
    return {
      bytes: text(`# Links\n\n${'['.repeat(n)}x${'](y)'.repeat(Math.min(n, 100))}\n`),
      how: `${n} open brackets`,
    };
  },
  (rng, s) => {
    // A YAML alias bomb in the front matter ("billion laughs").
    const levels = 3 + int(rng, Math.min(7, 3 + s));
    let yaml = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i <= levels; i++)
      yaml += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]\n`;
    return {
      bytes: text(`---\ntitle: Laughs\n${yaml}tags: *a${levels}\n---\n\n# Laughs\n\nBody.\n`),
      how: `YAML alias bomb, ${levels} levels`,
    };
  },
  (rng, s) => {
    const n = size(rng, 2_000, s);
    return {
      bytes: text(
        `---\n${Array.from({ length: n }, (_, i) => `key${i}: ${'v'.repeat(i % 50)}`).join('\n')}\n---\n\n# Front matter\n\nBody.\n`,
      ),
      how: `${n} front-matter keys`,
    };
  },
  (rng, s) => {
    const n = size(rng, 200, s);
    return {
      bytes: text(`# Table\n\n|${'c|'.repeat(n)}\n|${'-|'.repeat(n)}\n|${'x|'.repeat(n)}\n`),
      how: `table of ${n} columns`,
    };
  },
  (rng, s) => {
    const n = size(rng, 300, s);
    return {
      bytes: text(`# HTML\n\n${'<div>'.repeat(n)}inline html${'</div>'.repeat(n)}\n`),
      how: `${n} nested HTML blocks in Markdown`,
    };
  },
];

const htmlPage = (body: string, head = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Hostile page</title>${head}</head><body>${body}</body></html>`;

const htmlGenerators: Generator[] = [
  (rng, s) => {
    const n = size(rng, 1_000, s);
    const tag = pick(rng, ['div', 'span', 'blockquote', 'b', 'ul><li', 'table><tr><td']);
    const close = tag
      .split('><')
      .reverse()
      .map((t) => `</${t}>`)
      .join('');
    return {
      bytes: text(
        htmlPage(`<article><p>Start.</p>${`<${tag}>`.repeat(n)}deep${close.repeat(n)}</article>`),
      ),
      how: `<${tag}> nested ${n} deep`,
    };
  },
  (rng, s) => {
    const n = size(rng, 2_000, s);
    const attrs = Array.from({ length: n }, (_, i) => `data-a${i}="${i}"`).join(' ');
    return {
      bytes: text(htmlPage(`<article><p ${attrs}>${SENTENCE}</p></article>`)),
      how: `one element with ${n} attributes`,
    };
  },
  (rng, s) => {
    const n = size(rng, 2_000, s);
    return {
      bytes: text(
        htmlPage(`<article><h1>Repeated</h1>${`<p>${SENTENCE}</p>`.repeat(n)}</article>`),
      ),
      how: `${n} repeated paragraphs`,
    };
  },
  (rng, s) => {
    const n = size(rng, 2_000, s);
    return {
      bytes: text(htmlPage(`<p>${'<p>unclosed '.repeat(n)}`)),
      how: `${n} unclosed paragraphs`,
    };
  },
  (rng, s) => {
    const n = size(rng, 5_000, s);
    return {
      bytes: text(
        htmlPage(`<article><p>${'&amp;&#x202e;&#0;&#xd800;&nbsp;&bogus;'.repeat(n)}</p></article>`),
      ),
      how: `${n}x odd character references`,
    };
  },
  (rng) => {
    const charset = pick(rng, [
      'utf-16',
      'utf-7',
      'x-user-defined',
      'bogus-charset',
      'iso-2022-jp',
      'replacement',
    ]);
    return {
      bytes: text(
        `<!doctype html><html><head><meta charset="${charset}"><title>Charset</title></head><body><article><p>${SENTENCE}</p></article></body></html>`,
      ),
      how: `declared charset ${charset}`,
    };
  },
  (rng, s) => {
    const n = size(rng, 200, s);
    return {
      bytes: text(
        htmlPage(
          `${'<svg><foreignObject>'.repeat(n)}<p>${SENTENCE}</p><script>alert(1)</script><img src=x onerror=alert(1)>`,
        ),
      ),
      how: `${n} nested svg/foreignObject with script`,
    };
  },
  (rng, s) => {
    const n = size(rng, 500, s);
    return {
      bytes: text(
        htmlPage(
          `<article><p>x</p></article>`,
          '<meta property="og:title" content="t">'.repeat(n) +
            '<meta name="author" content="a">'.repeat(n),
        ),
      ),
      how: `${n} meta tags`,
    };
  },
];

const docxGenerators: Generator[] = [
  (rng, s) => {
    // Amplification: kilobytes of ZIP, megabytes of XML (the issue's 12 KB DOCX was 3 MB).
    const n = size(rng, 2_000, s);
    return {
      bytes: docx(wPara('Repeated', 'Heading1') + wPara(SENTENCE).repeat(n)),
      how: `${n} repeated paragraphs`,
    };
  },
  (rng, s) => {
    const n = size(rng, 100, s);
    let cell = wPara('deep');
    for (let i = 0; i < n; i++)
      cell = `<w:tbl><w:tr><w:tc>${cell}</w:tc></w:tr></w:tbl>${wPara('')}`;
    return { bytes: docx(cell), how: `table nested ${n} deep` };
  },
  (rng, s) => {
    const n = size(rng, 1_000, s);
    const attrs = Array.from({ length: n }, (_, i) => `w:a${i}="${i}"`).join(' ');
    return {
      bytes: docx(`<w:p ${attrs}><w:r><w:t>many attributes</w:t></w:r></w:p>`),
      how: `a paragraph with ${n} attributes`,
    };
  },
  (rng) => {
    const levels = 3 + int(rng, 4);
    let dtd = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= levels; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    return {
      bytes: docx(wPara(`&l${levels};`), { prolog: `<!DOCTYPE w:document [${dtd}]>` }),
      how: `entity expansion, ${levels} levels`,
    };
  },
  () => ({
    bytes: docx(wPara('&xxe;'), {
      prolog: '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    }),
    how: 'external entity (XXE)',
  }),
  (rng, s) => {
    const n = size(rng, 500, s);
    return {
      bytes: docx(
        `${'<w:sdt><w:sdtContent>'.repeat(n)}${wPara('in content controls')}${'</w:sdtContent></w:sdt>'.repeat(n)}`,
      ),
      how: `${n} nested content controls`,
    };
  },
  () => ({
    bytes: zip(docxParts('').filter(([n]) => n !== 'word/document.xml')),
    how: 'no word/document.xml',
  }),
  (rng) => {
    const bad = pick(rng, [
      '',
      'not xml at all',
      '<w:document>',
      '<?xml version="1.0" encoding="UTF-16"?><w:document/>',
      '\u0000\u0000',
    ]);
    return { bytes: zip(docxParts(bad)), how: `document.xml is ${JSON.stringify(bad)}` };
  },
  (rng, s) => {
    // The same large part under many names: the reader should only inflate what it needs.
    const n = 2 + int(rng, 10 * s);
    const big = wordDocument(wPara(SENTENCE).repeat(200));
    return {
      bytes: zip([
        ...docxParts(big),
        ...Array.from({ length: n }, (_, i): [string, string] => [`word/extra${i}.xml`, big]),
      ]),
      how: `${n} extra large parts`,
    };
  },
];

const epubGenerators: Generator[] = [
  (rng, s) => {
    const n = size(rng, 2_000, s);
    return {
      bytes: epub({
        chapters: [
          { id: 'c1', xhtml: chapterXhtml(`<h1>Repeated</h1>${`<p>${SENTENCE}</p>`.repeat(n)}`) },
        ],
      }),
      how: `${n} repeated paragraphs`,
    };
  },
  (rng, s) => {
    // Amplification: one chapter listed in the spine again and again.
    const n = size(rng, 300, s);
    const chapter = chapterXhtml(`<p>${SENTENCE.repeat(20)}</p>`);
    return {
      bytes: epub({ chapters: [{ id: 'c1', xhtml: chapter }], spine: Array(n).fill('c1') }),
      how: `one chapter in the spine ${n} times`,
    };
  },
  (rng, s) => {
    const n = size(rng, 300, s);
    return {
      bytes: epub({
        chapters: Array.from({ length: n }, (_, i) => ({
          id: `c${i}`,
          xhtml: chapterXhtml(`<p>Chapter ${i}</p>`),
        })),
      }),
      how: `${n} chapters`,
    };
  },
  (rng, s) => {
    const n = size(rng, 800, s);
    return {
      bytes: epub({
        chapters: [
          { id: 'c1', xhtml: chapterXhtml(`${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}`) },
        ],
      }),
      how: `div nested ${n} deep`,
    };
  },
  (rng) => {
    const levels = 3 + int(rng, 4);
    let dtd = '<!ENTITY l0 "lol">';
    for (let i = 1; i <= levels; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
    return {
      bytes: epub({
        chapters: [{ id: 'c1', xhtml: chapterXhtml('<p>x</p>') }],
        title: `&l${levels};`,
        opfProlog: `<!DOCTYPE package [${dtd}]>`,
      }),
      how: `entity expansion in the OPF, ${levels} levels`,
    };
  },
  () => ({
    bytes: epub({
      chapters: [{ id: 'c1', xhtml: chapterXhtml('<p>x</p>') }],
      spine: ['missing', 'c1', 'also-missing'],
    }),
    how: 'spine names missing items',
  }),
  () => ({
    bytes: zip(
      epubEntries({ chapters: [{ id: 'c1', xhtml: chapterXhtml('<p>x</p>') }] }).filter(
        ([n]) => n !== 'OEBPS/content.opf',
      ),
    ),
    how: 'no package document',
  }),
  (rng) => {
    const href = pick(rng, [
      '../../../../etc/passwd',
      '/etc/passwd',
      'file:///etc/passwd',
      'http://example.com/c.xhtml',
      'c1.xhtml#x',
      '%2e%2e/c1.xhtml',
    ]);
    return {
      bytes: epub({
        chapters: [{ id: 'c1', xhtml: chapterXhtml('<p>x</p>') }],
        extraManifest: `<item id="evil" href="${href}" media-type="application/xhtml+xml"/>`,
        spine: ['evil', 'c1'],
      }),
      how: `manifest item href ${href}`,
    };
  },
  (rng, s) => {
    const n = size(rng, 1_000, s);
    const attrs = Array.from({ length: n }, (_, i) => `data-a${i}="${i}"`).join(' ');
    return {
      bytes: epub({ chapters: [{ id: 'c1', xhtml: chapterXhtml(`<p ${attrs}>attributes</p>`) }] }),
      how: `an element with ${n} attributes`,
    };
  },
];

const pdfObjects = (content: string): string[] => [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];

const pdfGenerators: Generator[] = [
  (rng, s) => {
    // Amplification: one page object listed many times.
    const n = size(rng, 300, s);
    const objects = pdfObjects(`BT /F1 11 Tf 72 720 Td ${pdfString(SENTENCE)} Tj ET`);
    objects[1] = `<< /Type /Pages /Kids [${'3 0 R '.repeat(n)}] /Count ${n} >>`;
    return { bytes: rawPdf(objects), how: `one page listed ${n} times` };
  },
  (rng, s) => {
    const n = size(rng, 3_000, s);
    const ops = Array.from(
      { length: n },
      (_, i) => `${pdfString(`line ${i} ${SENTENCE}`)} Tj T*`,
    ).join(' ');
    return {
      bytes: rawPdf(pdfObjects(`BT /F1 11 Tf 14 TL 72 720 Td ${ops} ET`)),
      how: `${n} text lines on one page`,
    };
  },
  (rng, s) => {
    const n = size(rng, 2_000, s);
    const objects = pdfObjects(`BT /F1 11 Tf 72 720 Td ${pdfString('nested')} Tj ET`);
    objects[2] = objects[2]!.replace(
      '>> /Contents',
      `>> /Deep ${'['.repeat(n)}${']'.repeat(n)} /Contents`,
    );
    return { bytes: rawPdf(objects), how: `array nested ${n} deep` };
  },
  () => {
    // The page tree loops: the page's parent is its own kid.
    const objects = pdfObjects(`BT /F1 11 Tf 72 720 Td ${pdfString('loop')} Tj ET`);
    objects[1] = '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>';
    return { bytes: rawPdf(objects), how: 'page tree refers to itself' };
  },
  (rng) => {
    const count = pick(rng, ['1000000000', '-1', '0', '1e300', '(x)']);
    const objects = pdfObjects(`BT /F1 11 Tf 72 720 Td ${pdfString('count')} Tj ET`);
    objects[1] = `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`;
    return { bytes: rawPdf(objects), how: `page count ${count}` };
  },
  (rng) => {
    const objects = pdfObjects(`BT /F1 11 Tf 72 720 Td ${pdfString('length')} Tj ET`);
    const len = pick(rng, ['999999999', '-5', '0', '4 0 R']);
    objects[3] = objects[3]!.replace(/\/Length \d+/, `/Length ${len}`);
    return { bytes: rawPdf(objects), how: `content stream /Length ${len}` };
  },
  (rng) => {
    const title = pick(rng, ['\u00fe\u00ff\u00d8\u0000', '(unbalanced', '\\', 'x'.repeat(70_000)]);
    const objects = pdfObjects(`BT /F1 11 Tf 72 720 Td ${pdfString('title')} Tj ET`);
    objects.push(`<< /Title ${pdfString(title)} /Author <FEFF202E0041> >>`);
    return {
      bytes: rawPdf(objects, '/Info 6 0 R'),
      how: `odd document info (${title.length}-char title)`,
    };
  },
  () => {
    const objects = pdfObjects(`BT /F1 11 Tf 72 720 Td ${pdfString('xref')} Tj ET`);
    const bytes = rawPdf(objects);
    const s = new TextDecoder('latin1')
      .decode(bytes)
      .replace(/startxref\n\d+/, 'startxref\n99999999');
    return {
      bytes: Uint8Array.from(s, (c) => c.charCodeAt(0)),
      how: 'startxref points past the end',
    };
  },
];

export const HOSTILE: Record<FuzzFormat, Generator[]> = {
  text: textGenerators,
  markdown: markdownGenerators,
  html: htmlGenerators,
  pdf: pdfGenerators,
  epub: epubGenerators,
  docx: docxGenerators,
  json: jsonGenerators,
};
