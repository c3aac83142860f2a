import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from '..';
import {
  amplifiedDocx,
  hugeParagraphMarkdown,
  inflatingPdf,
  nestedHtml,
  plainDocx,
} from './hostile';
import { ZIP_INFLATE_FLOOR_BYTES, ZIP_INFLATE_RATIO } from './budget';
import { overrideParseBudget, parseBounded, parseBudgetFor, PARSE_BUDGET } from '.';

const FIXTURES = join(__dirname, '..', 'fixtures');
const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

afterEach(() => overrideParseBudget(null));

// The parser thread loads the importers from TypeScript (jiti) here: seconds, on a loaded machine more.
describe(
  'parseBounded: every parse in a thread bounded in time and memory',
  { timeout: 180_000 },
  () => {
    it('gives the same article as parseDocument, for every text format and DOCX', async () => {
      const files: [string, Uint8Array][] = [
        ['article.html', readFileSync(join(FIXTURES, 'html', 'article.html'))],
        ['field-notes.md', readFileSync(join(FIXTURES, 'markdown', 'field-notes.md'))],
        ['western.txt', readFileSync(join(FIXTURES, 'text', 'western.windows-1252.txt'))],
        ['plain.docx', plainDocx('An ordinary paragraph.')],
      ];
      for (const [name, bytes] of files)
        expect(await parseBounded(bytes, name)).toEqual(await parseDocument(bytes, name));
    });

    it('passes the parser’s own refusals through unchanged (one line, naming the file)', async () => {
      await expect(
        parseBounded(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2]), 'photo.txt'),
      ).rejects.toMatchObject({ code: 'unsupported_format' });
      await expect(parseBounded(new Uint8Array(0), 'empty.md')).rejects.toThrow(
        /^empty\.md: the file is empty$/,
      );
    });

    it('refuses a 12 KB DOCX whose document.xml is megabytes of paragraphs, at the production budgets, naming the file', async () => {
      const docx = amplifiedDocx(3 * MB);
      expect(docx.byteLength).toBeLessThan(16 * 1024);
      const started = performance.now();
      await expect(parseBounded(docx, 'amplified.docx')).rejects.toThrow(
        /^amplified\.docx: refused as a possible ZIP bomb \(.*\)$/,
      );
      const budget = parseBudgetFor(docx.byteLength);
      expect(performance.now() - started).toBeLessThan(budget.startMs + budget.timeMs);
    });

    it('kills a parse that needs more memory than its budget; the next file parses on a fresh thread', async () => {
      // Under the ZIP ratio floor, so only the memory budget can stop it (64 MB here; the real one is 1 GB).
      const docx = amplifiedDocx(1.9 * MB);
      await expect(
        parseBounded(docx, 'amplified.docx', { budget: { memoryMb: 64, timeMs: 120_000 } }),
      ).rejects.toThrow(
        /^amplified\.docx: parsing needed more than 64 MB of memory — refused as too large or too complex for its size$/,
      );
      expect(
        (
          await parseBounded(text('# After\n\nStill fine.\n'), 'after.md', {
            budget: { memoryMb: 64 },
          })
        ).title,
      ).toBe('After');
    });

    it('kills a parse whose buffers, outside the heap limit, grow the process past its budget', async () => {
      // A 0.6 MB PDF whose content stream inflates to 600 MB: the decoded buffers are not V8 heap, so
      // a 1 GB heap limit alone let a 1.8 GB one through. Generous time: only memory may stop it.
      const pdf = inflatingPdf(600 * MB);
      expect(pdf.byteLength).toBeLessThan(MB);
      await expect(
        parseBounded(pdf, 'inflating.pdf', {
          budget: { memoryMb: 1024, rssMb: 200, timeMs: 240_000 },
        }),
      ).rejects.toThrow(
        /^inflating\.pdf: parsing needed more than 200 MB of memory — refused as too large or too complex for its size$/,
      );
      expect(parseBudgetFor(pdf.byteLength).rssMb).toBe(
        Math.round(
          1024 + PARSE_BUDGET.bufferMb + PARSE_BUDGET.bufferMbPerMb * (pdf.byteLength / MB),
        ),
      );
      expect((await parseBounded(text('Plain words.\n'), 'after.txt')).body.blocks).toHaveLength(1);
    });

    it('kills a parse that runs past its time budget: deeply nested HTML, a huge Markdown paragraph', async () => {
      // A 6 MB paragraph takes ~6 s even on an idle machine. 1.7 million nested divs (19 MB, near
      // the HTML size cap) took ~2 s with jsdom, but about 1 s with the parse5 + linkedom importer,
      // so sometimes under a 1 s budget: that file gets a budget it can't meet.
      const budget = { timeMs: 1000 };
      await expect(
        parseBounded(nestedHtml(1_700_000), 'deep.html', { budget: { timeMs: 200 } }),
      ).rejects.toThrow(
        /^deep\.html: parsing took longer than 0\.2 s — refused as too large or too complex for its size$/,
      );
      await expect(
        parseBounded(hugeParagraphMarkdown(6 * MB), 'huge.md', { budget }),
      ).rejects.toThrow(/^huge\.md: parsing took longer than 1 s/);
      expect(
        (await parseBounded(text('Plain words.\n'), 'after.txt', { budget })).body.blocks,
      ).toHaveLength(1);
    });

    it('sizes budgets by the file, within caps, in memory steps that let similar files share a thread', () => {
      const small = parseBudgetFor(10 * 1024);
      expect(small).toEqual({
        timeMs: Math.round(
          (PARSE_BUDGET.baseSeconds + PARSE_BUDGET.secondsPerMb * (10 / 1024)) * 1000,
        ),
        memoryMb: 1024,
        rssMb: 1024 + 256,
        startMs: 60_000,
      });
      expect(parseBudgetFor(16 * MB).memoryMb).toBe(1024);
      expect(parseBudgetFor(20 * MB)).toMatchObject({ timeMs: 90_000, memoryMb: 2048 });
      expect(parseBudgetFor(200 * MB)).toMatchObject({
        timeMs: PARSE_BUDGET.maxSeconds * 1000,
        memoryMb: PARSE_BUDGET.maxMemoryMb,
      });
      overrideParseBudget({ timeMs: 500 });
      expect(parseBudgetFor(200 * MB)).toMatchObject({ timeMs: 500, memoryMb: 2048 });
    });

    it('the README states the production budgets that budget.ts defines', () => {
      const readme = readFileSync(
        join(__dirname, '..', '..', '..', '..', 'README.md'),
        'utf8',
      ).replace(/\s+/g, ' ');
      const b = PARSE_BUDGET;
      expect(readme).toContain(
        `${b.baseSeconds} s plus ${b.secondsPerMb} s per MB (at most ${b.maxSeconds / 60} min) and ${b.baseMemoryMb} MB of memory up to ${b.baseMemoryMb / b.memoryMbPerMb} MB, then ${b.memoryMbPerMb} MB per MB (at most ${b.maxMemoryMb / 1024} GB), with the app's memory growing by at most that plus ${b.bufferMb} MB and ${b.bufferMbPerMb} MB per MB of file`,
      );
      expect(readme).toContain(
        `inflate to at most ${ZIP_INFLATE_RATIO} times its size (${ZIP_INFLATE_FLOOR_BYTES / MB} MB for small files)`,
      );
    });
  },
);
