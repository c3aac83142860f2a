/**
 * The inputs mutations start from, per format: the repository's real fixtures and the shared
 * article where the format has them, and small well-formed documents built here (deterministic
 * bytes) for the container formats, which have no binary fixtures in the repository.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SHARED_ARTICLE } from '../../test/sharedArticle';
import { chapterXhtml, docx, epub, textPdf, wPara, wTable } from './containers';
import { libraryJsonSeed } from './jsonSeed';

export const FUZZ_FORMATS = ['text', 'markdown', 'html', 'pdf', 'epub', 'docx', 'json'] as const;
export type FuzzFormat = (typeof FUZZ_FORMATS)[number];

export const EXTENSIONS: Record<FuzzFormat, string> = {
  text: 'txt',
  markdown: 'md',
  html: 'html',
  pdf: 'pdf',
  epub: 'epub',
  docx: 'docx',
  json: 'json',
};

export interface Seed {
  label: string;
  bytes: Uint8Array;
}

const FIXTURES = join(__dirname, '..', '..', 'core', 'import');

function fixtureDir(dir: string): Seed[] {
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.md') || dir.includes('markdown'))
    .sort()
    .map((f) => ({ label: f, bytes: new Uint8Array(readFileSync(join(dir, f))) }));
}

function seedFile(path: string): Seed {
  return { label: basename(path), bytes: new Uint8Array(readFileSync(path)) };
}

const PARAGRAPHS = [
  'The harbour wall moved four centimetres over the winter, the survey found.',
  'Engineers blamed the storms of January, which broke over the north pier twice.',
  '“We will reinforce the lighthouse end first,” the harbour master said.',
];

function docxSeeds(): Seed[] {
  return [
    {
      label: 'report.docx',
      bytes: docx(
        wPara('Harbour Survey 2024', 'Heading1') +
          PARAGRAPHS.map((p, i) => wPara(p, undefined, i === 1)).join('') +
          wPara('Findings', 'Heading2') +
          wTable([
            ['Wall', 'Shift'],
            ['North', '4 cm'],
          ]),
      ),
    },
    { label: 'minimal.docx', bytes: docx(wPara('One line of text.')) },
  ];
}

function epubSeeds(): Seed[] {
  return [
    {
      label: 'book.epub',
      bytes: epub({
        chapters: [
          {
            id: 'c1',
            xhtml: chapterXhtml(
              `<h1>Chapter One</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`,
            ),
          },
          {
            id: 'c2',
            xhtml: chapterXhtml(
              '<h2>Chapter Two</h2><p>The tide came in.</p><ul><li>one</li><li>two</li></ul>',
            ),
          },
        ],
      }),
    },
    {
      label: 'rtl.epub',
      bytes: epub({
        lang: 'ar',
        title: 'كتاب',
        chapters: [{ id: 'c1', xhtml: chapterXhtml('<p>مرحبا بالعالم</p>', ' dir="rtl"') }],
      }),
    },
  ];
}

function pdfSeeds(): Seed[] {
  return [
    {
      label: 'report.pdf',
      bytes: textPdf(
        [
          ['Harbour Survey 2024', '', ...PARAGRAPHS],
          ['Findings', 'The north wall has moved.'],
        ],
        { title: 'Harbour Survey', author: 'Ada Marsh' },
      ),
    },
    { label: 'one-line.pdf', bytes: textPdf([['Hello, world.']]) },
  ];
}

let cached: Record<FuzzFormat, Seed[]> | undefined;

export function seeds(): Record<FuzzFormat, Seed[]> {
  cached ??= {
    text: [
      ...fixtureDir(join(FIXTURES, 'fixtures', 'text')),
      ...fixtureDir(join(FIXTURES, 'text', 'fixtures')),
      { label: 'shared-article.txt', bytes: new Uint8Array(readFileSync(SHARED_ARTICLE)) },
    ],
    markdown: fixtureDir(join(FIXTURES, 'fixtures', 'markdown')),
    html: [
      ...fixtureDir(join(FIXTURES, 'fixtures', 'html')),
      // A page saved as MHTML: the MIME reader gets mutated headers, boundaries and encodings.
      seedFile(join(FIXTURES, 'fixtures', 'real', 'python-3.11-tkinter.messagebox.mhtml')),
    ],
    pdf: pdfSeeds(),
    epub: epubSeeds(),
    docx: docxSeeds(),
    json: [
      { label: 'library.json', bytes: new TextEncoder().encode(JSON.stringify(libraryJsonSeed())) },
    ],
  };
  return cached;
}
