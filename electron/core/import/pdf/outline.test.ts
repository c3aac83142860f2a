import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToText } from '../../../model/body';
import { pageAt } from '../../../model/pages';
import { makePdf, textLines } from './fixtures';
import { parsePdf } from './parse';

const page = (heading: string, words: string) => [
  { text: heading, y: 720, size: 18, bold: true },
  ...textLines(
    Array.from({ length: 6 }, (_, i) => `${words} line ${i + 1} of the page, ending here.`),
    690,
  ),
];

describe('a PDF’s outline as its contents', () => {
  it('maps nested bookmarks to the start of their pages; a broken destination is skipped', async () => {
    const bytes = await makePdf({
      title: 'Outlined',
      pages: [
        page('Introduction', 'Opening'),
        page('Methods', 'Method'),
        page('Sampling', 'Sample'),
        [],
        page('Results', 'Result'),
      ],
      outline: [
        { title: 'Introduction', page: 0 },
        {
          title: 'Methods',
          page: 1,
          children: [
            { title: 'Sampling', page: 2 },
            { title: 'Nowhere', page: 40 },
          ],
        },
        // A bookmark to the empty page lands on the next page with text.
        { title: 'Blank page', page: 3 },
        { title: 'Results', page: 4 },
      ],
    });
    const a = await parsePdf(bytes, 'outlined.pdf');
    const text = bodyToText(a.body);
    expect(
      a.contents?.map((c) => [
        c.level,
        c.title,
        pageAt(a.pages, c.start)?.label,
        text.slice(c.start, c.start + 8),
      ]),
    ).toEqual([
      [1, 'Introduction', '1', 'Introduc'],
      [1, 'Methods', '2', 'Methods\n'],
      [2, 'Sampling', '3', 'Sampling'],
      [1, 'Blank page', '5', 'Results\n'],
      [1, 'Results', '5', 'Results\n'],
    ]);
  });

  it('gives no contents for a PDF without an outline', async () => {
    const a = await parsePdf(await makePdf({ pages: [page('Only', 'Text')] }), 'plain.pdf');
    expect(a.contents).toEqual([]);
  });

  it('reads the bookmarks of a real PDF (shared-mime-info-spec.pdf), in page order', async () => {
    const bytes = readFileSync(join(__dirname, '../fixtures/real/shared-mime-info-spec.pdf'));
    const a = await parsePdf(new Uint8Array(bytes), 'shared-mime-info-spec.pdf');
    const text = bodyToText(a.body);
    // Whatever the file lists, each entry points into the text at a page start.
    const starts = new Set(a.pages?.map((p) => p.start));
    for (const c of a.contents ?? []) {
      expect(starts.has(c.start), c.title).toBe(true);
      expect(c.start).toBeLessThanOrEqual(text.length);
    }
    expect(a.contents?.length ?? 0).toBeGreaterThan(0);
  });
});
