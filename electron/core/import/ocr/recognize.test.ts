import { describe, expect, it } from 'vitest';
import { bodyToText, makeBody } from '../../../model/body';
import { pageAt } from '../../../model/pages';
import { parsePdf } from '../pdf/parse';
import { hugeImagePdf } from '../bounded/hostile';
import { scannedPdf } from './fixtures';
import { joinLines, languageDataPath, ocrPdf, type OcrProgress } from './recognize';

const PAGE_ONE = ['Harbour tides are delayed by the narrow', 'entrance channels that feed them.'];
const PAGE_TWO = ['The gauges were read every hour', 'for three weeks in March.'];

describe('ocrPdf', () => {
  it('reads a generated scanned page offline, with page numbers and progress', async () => {
    const pdf = scannedPdf([PAGE_ONE, PAGE_TWO]);
    // The scan really has no text layer: the ordinary import says so.
    expect((await parsePdf(pdf, 'scan.pdf')).excerpt).toBe('No extractable text (scanned?)');
    const progress: OcrProgress[] = [];
    const result = await ocrPdf(pdf, 'scan.pdf', { onProgress: (p) => progress.push(p) });
    const text = bodyToText(makeBody(result.blocks));
    expect(text).toContain('Harbour tides are delayed by the narrow entrance channels');
    expect(text).toContain('gauges were read every hour for three weeks in March.');
    expect(result.language).toBe('eng');
    expect(result.pages.map((p) => p.label)).toEqual(['1', '2']);
    expect(pageAt(result.pages, text.indexOf('gauges'))?.label).toBe('2');
    expect(pageAt(result.pages, text.indexOf('Harbour'))?.label).toBe('1');
    expect(progress.at(-1)).toMatchObject({ done: 2, total: 2, fraction: 1 });
    expect(progress.some((p) => p.fraction > 0 && p.fraction < 1)).toBe(true);
  }, 180_000);

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    const pdf = scannedPdf([PAGE_ONE, PAGE_TWO]);
    const run = ocrPdf(pdf, 'scan.pdf', {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.page === 1) controller.abort();
      },
    });
    await expect(run).rejects.toThrow('scan.pdf: OCR was cancelled');
  }, 180_000);

  it('decodes a page within a parse’s budget: a huge page image is refused, named, not run out of memory', async () => {
    const pdf = hugeImagePdf(16_000);
    expect(pdf.byteLength).toBeLessThan(1024 * 1024);
    const rssBefore = process.memoryUsage.rss();
    await expect(
      ocrPdf(pdf, 'hostile-scan.pdf', {
        budget: { memoryMb: 1024, rssMb: 200, timeMs: 240_000 },
      }),
    ).rejects.toThrow(
      /^hostile-scan\.pdf: reading the scan of page 1 needed more than 200 MB of memory — refused as too large or too complex for its size$/,
    );
    // Decoded in the parser thread, which was ended: this thread never held the image.
    expect(process.memoryUsage.rss() - rssBefore).toBeLessThan(600 * 1024 * 1024);
  }, 300_000);

  it('finds the language data in the npm package, and nothing for an unknown code', () => {
    expect(languageDataPath('eng')).toMatch(/@tesseract\.js-data\/eng\//);
    expect(languageDataPath('xxx')).toBeNull();
    expect(languageDataPath('../eng')).toBeNull();
  });

  it('joins lines, rejoining words hyphenated at a line end', () => {
    expect(joinLines(['The measure-', 'ments were  taken ', '', 'daily.'])).toBe(
      'The measurements were taken daily.',
    );
  });
});
