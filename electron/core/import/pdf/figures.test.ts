/**
 * Text drawn inside a figure comes out of the reflowed PDF as one figure block (its words in
 * reading order, its caption after it), not as a run of one-word paragraphs; the body's
 * paragraphs around it stay whole. Real PDFs written with pdf-lib, read by the real parser.
 */
import { describe, expect, it } from 'vitest';
import { blockText, bodyToText, type Block } from '../../../model/body';
import { pageAt } from '../../../model/pages';
import { makePdf, textLines, type TextRun } from './fixtures';
import { parsePdf } from './parse';

async function parse(pages: TextRun[][]): Promise<{
  blocks: Block[];
  text: string;
  pages: { label: string; start: number }[];
}> {
  const parsed = await parsePdf(await makePdf({ pages }), 'figures.pdf');
  return { blocks: parsed.body.blocks, text: bodyToText(parsed.body), pages: parsed.pages ?? [] };
}

const label = (text: string, x: number, y: number): TextRun => ({ text, x, y, size: 8 });

/** A two-column page whose content stream draws a diagram between the two columns' text. */
function diagramPage(): TextRun[] {
  return [
    ...textLines(
      [
        'Requests reach the service through',
        'three tiers. A client never talks',
        'to the database itself: every call',
        'goes through the balancer, and then',
        'the requests pass from the',
      ],
      700,
      { x: 72 },
    ),
    // The diagram, drawn at the foot of the right-hand column.
    label('Client', 420, 420),
    label('Load balancer', 400, 380),
    label('Server A', 340, 340),
    label('Server B', 480, 340),
    label('Database', 410, 300),
    ...textLines(
      [
        'balancer to one of the servers.',
        'Each server keeps no state of its',
        'own between two requests.',
        '',
      ].filter(Boolean),
      700,
      { x: 320 },
    ),
    { text: 'Figure 1: The three tiers of the service.', x: 320, y: 270 },
  ];
}

/** A page with a bar chart's labels between two paragraphs, its caption set over it. */
function chartPage(): TextRun[] {
  return [
    ...textLines(['The harvest grew for every crop but one,', 'as the chart below shows.'], 700),
    { text: 'Figure 2: Harvest by crop, in tonnes.', y: 640 },
    // Legend over the chart, tick values up the y axis, the crops under the bars.
    label('2025', 150, 612),
    label('2026', 250, 612),
    ...['0', '25', '50', '75', '100'].map((t, i) => label(t, 90, 500 + i * 24)),
    label('Oats', 130, 480),
    label('Rye', 200, 480),
    label('Wheat', 270, 480),
    label('Barley', 340, 480),
    ...textLines(
      [
        'Rye fell back after a wet spring, and',
        'the farms that sowed it late lost the',
        'most; oats and wheat held their own',
        'through the summer. Barley doubled.',
      ],
      440,
    ),
  ];
}

describe('parsePdf: figures drawn with text', () => {
  it("keeps a diagram's node labels as one figure block, its caption after it", async () => {
    const { blocks } = await parse([diagramPage()]);
    const figures = blocks.filter((b) => b.type === 'figure');
    expect(figures).toEqual([
      {
        type: 'figure',
        content: [{ text: 'Client Load balancer Server A Server B Database' }],
      },
    ]);
    const i = blocks.indexOf(figures[0]!);
    expect(blocks[i + 1]).toEqual({
      type: 'caption',
      content: [{ text: 'Figure 1: The three tiers of the service.' }],
    });
  });

  it('does not let the diagram split the paragraph running from one column to the next', async () => {
    const { blocks } = await parse([diagramPage()]);
    expect(blocks.map(blockText)).toContain(
      'Requests reach the service through three tiers. A client never talks to the database ' +
        'itself: every call goes through the balancer, and then the requests pass from the ' +
        'balancer to one of the servers. Each server keeps no state of its own between two requests.',
    );
    // No label is left as a paragraph of its own.
    const paragraphs = blocks.filter((b) => b.type === 'paragraph').map(blockText);
    for (const word of ['Client', 'Load balancer', 'Server A', 'Server B', 'Database'])
      expect(paragraphs).not.toContain(word);
  });

  it("keeps a bar chart's labels as one figure block in reading order, between whole paragraphs", async () => {
    const { blocks, text, pages } = await parse([diagramPage(), chartPage()]);
    const start = blocks.findIndex(
      (b) => blockText(b) === text.slice(pages[1]!.start).split('\n\n')[0],
    );
    expect(blocks.slice(start).map((b) => [b.type, blockText(b)])).toEqual([
      ['paragraph', 'The harvest grew for every crop but one, as the chart below shows.'],
      ['figure', '2025 2026 100 75 50 25 0 Oats Rye Wheat Barley'],
      ['caption', 'Figure 2: Harvest by crop, in tonnes.'],
      [
        'paragraph',
        'Rye fell back after a wet spring, and the farms that sowed it late lost the most; ' +
          'oats and wheat held their own through the summer. Barley doubled.',
      ],
    ]);
  });

  it("keeps the figure's words in the canonical text, on their page", async () => {
    const { text, pages } = await parse([diagramPage(), chartPage()]);
    expect(pages.map((p) => p.label)).toEqual(['1', '2']);
    expect(pageAt(pages, text.indexOf('Load balancer'))?.label).toBe('1');
    expect(pageAt(pages, text.indexOf('Wheat'))?.label).toBe('2');
    expect(text.slice(pages[1]!.start)).toMatch(/^The harvest grew/);
  });

  it('leaves a list of short lines stacked down the margin as paragraphs', async () => {
    const { blocks } = await parse([
      [
        ...textLines(['The dough needs only four things.'], 700),
        ...textLines(['Flour', 'Water', 'Salt', 'Yeast'], 672, { x: 90 }),
        ...textLines(['Knead it for ten minutes.'], 600),
      ],
    ]);
    expect(blocks.some((b) => b.type === 'figure')).toBe(false);
    expect(blocks.map(blockText)).toEqual(
      expect.arrayContaining(['The dough needs only four things.', 'Knead it for ten minutes.']),
    );
  });
});
