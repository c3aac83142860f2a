/**
 * The reflowed text of a PDF reads as the book does: running heads, publishers' footers and page
 * numbers gone, captions and code listings kept as their own blocks, a sentence cut by a column
 * or page break in one paragraph. Real PDFs written with pdf-lib, read by the real parser.
 */
import { describe, expect, it } from 'vitest';
import { blockText, bodyToText, type Block } from '../../../model/body';
import { pageAt } from '../../../model/pages';
import { makePdf, textLines, type TextRun } from './fixtures';
import { parsePdf } from './parse';

const TITLE = 'The Harbour Book';
const CHAPTER = 'Chapter One: Tides';

/** Page n's furniture: a running head alternating by side (none on a chapter's first page), two
 * publisher's lines and the page number at the foot. */
function furniture(n: number, chapterStart: boolean): TextRun[] {
  const head: TextRun[] = chapterStart
    ? []
    : n % 2 === 0
      ? [{ text: `${n}    ${TITLE}`, y: 760, size: 9 }]
      : [{ text: `${CHAPTER}    ${n}`, x: 380, y: 760, size: 9 }];
  return [
    ...head,
    { text: '© 2026 Harbour Press. All rights reserved.', y: 58, size: 8 },
    {
      text: `Downloaded from https://press.example/harbour-book on 6 December 2026 (page ${n})`,
      y: 46,
      size: 8,
    },
    { text: String(n), x: 300, y: 34, size: 9 },
  ];
}

const filler = (n: number, k: number): string[] =>
  Array.from({ length: k }, (_, i) => `Filler line ${i + 1} of page ${n} about the quays.`);

async function book(): Promise<{
  blocks: Block[];
  text: string;
  pages: { label: string; start: number }[];
}> {
  const pages: TextRun[][] = [];
  // Page 1: the chapter opens (no running head).
  pages.push([
    ...furniture(1, true),
    { text: CHAPTER, y: 700, size: 20, bold: true },
    ...textLines(['The harbour wakes before the town does.', ...filler(1, 6)], 660),
  ]);
  // Page 2: a sentence running over the page break.
  pages.push([
    ...furniture(2, false),
    ...textLines([...filler(2, 6), 'At dawn the tide turned and the'], 700),
  ]);
  // Page 3: its continuation, then a figure's caption straight under the text.
  pages.push([
    ...furniture(3, false),
    ...textLines(
      [
        'fishing boats came home with the flood.',
        'Figure 3: Tide heights at the harbour mouth, March.',
        ...filler(3, 4),
      ],
      700,
    ),
  ]);
  // Page 4: a code listing in Courier, indented, between two paragraphs.
  pages.push([
    ...furniture(4, false),
    ...textLines(['The tide tables are computed as follows.'], 700),
    { text: 'def high_water(day):', y: 672, mono: true },
    { text: 'for hour in range(24):', x: 72 + 4 * 6.6, y: 658, mono: true },
    { text: 'yield level(day, hour)', x: 72 + 8 * 6.6, y: 644, mono: true },
    { text: 'return max(levels)', x: 72 + 4 * 6.6, y: 630, mono: true },
    ...textLines(['Each table covers a single month.', ...filler(4, 3)], 600),
  ]);
  // Page 5: two columns, a sentence running from the foot of the left to the head of the right.
  pages.push([
    ...furniture(5, false),
    { text: 'Storms come from the west.', y: 700 },
    { text: 'In the winter of 1953 the water rose over the', y: 672 },
    { text: 'quay wall by noon, and stayed.', x: 320, y: 700 },
    { text: 'The town rebuilt it higher.', x: 320, y: 672 },
  ]);
  // Pages 6 to 9: a new chapter on 6, then plain pages, so each running head is on half of its
  // side's pages but under half of all pages.
  for (let n = 6; n <= 9; n++)
    pages.push([
      ...furniture(n, n === 6),
      ...textLines([`Page ${n} begins a paragraph.`, ...filler(n, 4)], 700),
    ]);
  const parsed = await parsePdf(await makePdf({ title: TITLE, pages }), 'harbour-book.pdf');
  return { blocks: parsed.body.blocks, text: bodyToText(parsed.body), pages: parsed.pages ?? [] };
}

describe('parsePdf: reflowed layout', () => {
  it('drops running heads that alternate by side, and repeated publisher footers', async () => {
    const { text } = await book();
    expect(text).not.toContain(TITLE);
    expect(text.match(/Chapter One: Tides/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(text).not.toMatch(/Downloaded from|Harbour Press|All rights reserved/);
  });

  it('keeps a sentence cut by a page break in one paragraph, the page starting inside it', async () => {
    const { blocks, text, pages } = await book();
    const joined = blocks.find((b) => blockText(b).includes('the tide turned'));
    expect(joined && blockText(joined)).toContain(
      'At dawn the tide turned and the fishing boats came home with the flood.',
    );
    expect(pageAt(pages, text.indexOf('the tide turned'))?.label).toBe('2');
    const page3 = pages.find((p) => p.label === '3')!;
    expect(text.slice(page3.start)).toMatch(/^fishing boats/);
  });

  it('keeps a figure caption as a caption block', async () => {
    const { blocks } = await book();
    const caption = blocks.find((b) => blockText(b).startsWith('Figure 3'));
    expect(caption).toEqual({
      type: 'caption',
      content: [{ text: 'Figure 3: Tide heights at the harbour mouth, March.' }],
    });
  });

  it('keeps a monospace listing as a code block with its line breaks and indentation', async () => {
    const { blocks } = await book();
    const code = blocks.find((b) => b.type === 'code');
    expect(code).toEqual({
      type: 'code',
      text: 'def high_water(day):\n    for hour in range(24):\n        yield level(day, hour)\n    return max(levels)',
    });
    const i = blocks.indexOf(code!);
    expect(blockText(blocks[i - 1]!)).toBe('The tide tables are computed as follows.');
    expect(blockText(blocks[i + 1]!)).toMatch(/^Each table covers a single month\./);
  });

  it('keeps a sentence cut by a column break in one paragraph', async () => {
    const { blocks } = await book();
    expect(blocks.map(blockText)).toContain(
      'In the winter of 1953 the water rose over the quay wall by noon, and stayed.',
    );
    expect(blocks.map(blockText)).toContain('The town rebuilt it higher.');
  });
});
