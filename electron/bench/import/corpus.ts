/**
 * The bulk-import benchmark's files: text, HTML, Markdown, PDF, EPUB and DOCX, each unique (so
 * none is a duplicate of another) and a realistic few KB. File names start with a shuffled
 * number so a folder walk (name order) meets the formats mixed, as in a real folder.
 * PDF, EPUB and DOCX are built with the same generators as the importers' tests: pdf-lib, fflate,
 * docx (one DOCX is rendered, then copied with its words changed, which is much faster).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, HeadingLevel } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { makeEpub, xhtml } from '../../core/import/epub/fixtures';
import { makePdf, textLines } from '../../core/import/pdf/fixtures';
import { prng } from '../../test/prng';

export const FORMATS = ['text', 'html', 'markdown', 'pdf', 'epub', 'docx'] as const;
export type BenchFormat = (typeof FORMATS)[number];
const EXTENSION: Record<BenchFormat, string> = {
  text: 'txt',
  html: 'html',
  markdown: 'md',
  pdf: 'pdf',
  epub: 'epub',
  docx: 'docx',
};
/** Share of each format in the mix. */
const SHARE: Record<BenchFormat, number> = {
  text: 0.25,
  html: 0.2,
  markdown: 0.25,
  pdf: 0.1,
  epub: 0.1,
  docx: 0.1,
};

const WORDS =
  'harbour tide wall survey north basin silt lighthouse record measure winter storm council report engineer stone crack repair budget vote river bridge ferry season'.split(
    ' ',
  );

function sentences(rand: () => number, n: number): string[] {
  return Array.from({ length: n }, () => {
    const len = 8 + Math.floor(rand() * 12);
    const words = Array.from({ length: len }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  });
}

export interface GeneratedFile {
  path: string;
  format: BenchFormat;
  bytes: number;
}

export async function writeCorpus(dir: string, count: number, seed = 1): Promise<GeneratedFile[]> {
  const rand = prng(seed);
  mkdirSync(dir, { recursive: true });
  const formats: BenchFormat[] = [];
  for (const f of FORMATS) for (let i = 0; i < Math.round(count * SHARE[f]); i++) formats.push(f);
  while (formats.length < count) formats.push('text');
  formats.length = count;
  // Shuffle the order the walk will meet them in.
  const order = formats.map((f, i) => ({ f, i, key: rand() }));
  order.sort((a, b) => a.key - b.key);

  const docxTemplate = await renderDocx();
  const files: GeneratedFile[] = [];
  for (let n = 0; n < order.length; n++) {
    const { f } = order[n]!;
    const title = `Bench ${f} ${n}`;
    const paras = Array.from({ length: 6 }, () => sentences(rand, 4).join(' '));
    const bytes = await render(f, title, paras, docxTemplate);
    const path = join(dir, `${String(n).padStart(6, '0')}-${f}.${EXTENSION[f]}`);
    writeFileSync(path, bytes);
    files.push({ path, format: f, bytes: bytes.byteLength });
  }
  return files;
}

async function render(
  f: BenchFormat,
  title: string,
  paras: string[],
  docxTemplate: Uint8Array,
): Promise<Uint8Array> {
  switch (f) {
    case 'text':
      return strToU8(`${title}\n\n${paras.join('\n\n')}\n`);
    case 'markdown':
      return strToU8(`# ${title}\n\n${paras.join('\n\n')}\n`);
    case 'html':
      return strToU8(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
      );
    case 'pdf': {
      const lines = paras.flatMap((p) => p.match(/.{1,80}(\s|$)/g) ?? []).slice(0, 40);
      return makePdf({
        title,
        author: 'Bench Writer',
        pages: [[{ text: title, y: 740, size: 18, bold: true }, ...textLines(lines, 700)]],
      });
    }
    case 'epub':
      return makeEpub({
        metadata: `<dc:title>${title}</dc:title><dc:creator>Bench Writer</dc:creator><dc:language>en</dc:language><dc:identifier id="uid">${title}</dc:identifier>`,
        chapters: [
          {
            id: 'c1',
            href: 'c1.xhtml',
            xhtml: xhtml(
              `<h1>Chapter one</h1>${paras
                .slice(0, 3)
                .map((p) => `<p>${p}</p>`)
                .join('')}`,
            ),
          },
          {
            id: 'c2',
            href: 'c2.xhtml',
            xhtml: xhtml(
              `<h1>Chapter two</h1>${paras
                .slice(3)
                .map((p) => `<p>${p}</p>`)
                .join('')}`,
            ),
          },
        ],
      });
    case 'docx': {
      // The rendered template with its placeholder words replaced: a valid, unique DOCX.
      const parts = unzipSync(docxTemplate);
      const doc = strFromU8(parts['word/document.xml']!);
      parts['word/document.xml'] = strToU8(
        doc.replace('TITLE_PLACEHOLDER', title).replace('BODY_PLACEHOLDER', paras.join(' ')),
      );
      return zipSync(parts);
    }
  }
}

async function renderDocx(): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'Bench Writer',
    title: 'Bench document',
    sections: [
      {
        children: [
          new Paragraph({ text: 'TITLE_PLACEHOLDER', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('BODY_PLACEHOLDER'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
