import { describe, expect, it } from 'vitest';
import { dropFurniture, isPageNumber } from './furniture';
import {
  composeAccents,
  itemsToLines,
  joinLines,
  linesToParagraphs,
  type PdfLine,
  type PdfTextItem,
} from './layout';
import { authorsByline, isJunkAuthor, isJunkTitle, pdfDate } from './metadata';

const item = (
  str: string,
  x: number,
  y: number,
  width = str.length * 5,
  size = 10,
  hasEOL = false,
): PdfTextItem => ({ str, x, y, width, size, hasEOL });
const line = (text: string, y: number, x = 72, size = 10): PdfLine => ({
  text,
  x,
  right: x + text.length * 5,
  y,
  size,
});

describe('itemsToLines', () => {
  it('joins runs on one baseline, with a space only where there is a gap', () => {
    const lines = itemsToLines([
      item('Hel', 72, 700, 15),
      item('lo', 87, 700, 10),
      item('world', 100, 700),
      item('Next line', 72, 686),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'Next line']);
  });

  it('starts a new line after an end-of-line mark or when text goes back left', () => {
    expect(
      itemsToLines([item('one', 72, 700, 15, 10, true), item('two', 90, 700)]).map((l) => l.text),
    ).toEqual(['one', 'two']);
    expect(
      itemsToLines([item('right column', 320, 700), item('left again', 72, 700)]).map(
        (l) => l.text,
      ),
    ).toEqual(['right column', 'left again']);
  });
});

describe('linesToParagraphs', () => {
  it('breaks at wider gaps, size changes and indented first lines', () => {
    const paras = linesToParagraphs([
      line('Heading', 720, 72, 16),
      line('First paragraph line one', 690),
      line('and line two.', 676),
      line('Indented start of the next', 662, 90),
      line('paragraph.', 648),
      line('After a gap.', 610),
    ]);
    expect(paras.map((p) => p.text)).toEqual([
      'Heading',
      'First paragraph line one and line two.',
      'Indented start of the next paragraph.',
      'After a gap.',
    ]);
  });
});

describe('joinLines', () => {
  it.each([
    ['inter-', 'national law', 'international law'],
    ['well-', 'Known', 'well-Known'],
    ['1990-', '2000', '1990-2000'],
    ['plain', 'words', 'plain words'],
    ['日本語の', '文章', '日本語の文章'],
  ])('%j + %j → %j', (a, b, out) => {
    expect(joinLines(a, b)).toBe(out);
  });
});

describe('furniture', () => {
  it('recognises bare page numbers', () => {
    for (const t of ['12', '- 12 -', 'Page 3 of 10', 'xiv', 'p. 4'])
      expect(isPageNumber(t)).toBe(true);
    for (const t of ['12 Angry Men', 'Chapter 3', 'In 1984 the'])
      expect(isPageNumber(t)).toBe(false);
  });

  it('drops a running head repeated at the top of most pages, digits ignored', () => {
    const pages = [1, 2, 3, 4].map((n) => [
      line(`Annals of Tides · ${n}`, 770),
      line(`Body ${n} text.`, 500),
      line('Closing words.', 400),
    ]);
    const kept = dropFurniture(
      pages,
      pages.map(() => ({ bottom: 0, top: 792 })),
    );
    expect(kept.map((p) => p.map((l) => l.text))).toEqual(
      [1, 2, 3, 4].map((n) => [`Body ${n} text.`, 'Closing words.']),
    );
  });
});

describe('metadata', () => {
  it('judges titles and authors', () => {
    for (const t of [
      'Untitled',
      'untitled document',
      'Microsoft Word - thesis.doc',
      'ARRAY(0x55d4c8a1e2f0)',
      'C:\\docs\\a.pdf',
      'final.pdf',
      '  ',
      '1234',
    ])
      expect(isJunkTitle(t)).toBe(true);
    for (const t of ['On the Origin of Tides', 'Q4 Report 2023'])
      expect(isJunkTitle(t)).toBe(false);
    for (const a of ['Administrator', 'jsmith', 'ARRAY(0x1)', 'user'])
      expect(isJunkAuthor(a)).toBe(true);
    expect(authorsByline(['Ada Marsh', 'owner', 'Ben Quay'])).toBe('Ada Marsh, Ben Quay');
    expect(authorsByline('Ada Marsh; Ben Quay')).toBe('Ada Marsh, Ben Quay');
  });

  it('reads PDF and XMP dates', () => {
    expect(pdfDate("D:20240618162000+02'00'")).toBe('2024-06-18T16:20:00+02:00');
    expect(pdfDate('D:20240618')).toBe('2024-06-18');
    expect(pdfDate('2021-04-09T10:00:00Z')).toBe('2021-04-09T10:00:00Z');
    expect(pdfDate('D:00000000')).toBeNull();
    expect(pdfDate(42)).toBeNull();
  });
});

describe('composeAccents', () => {
  it('joins a spacing accent to the letter under it only where Unicode has the accented letter', () => {
    expect(composeAccents('Niels M\u00a8oller, Ren\u00b4 e, \u02c7Cech')).toBe(
      'Niels Möller, René, Čech',
    );
    // A math accent with no precomposed letter, and circumflex/tilde operators, stay as they are.
    expect(composeAccents('\u00a8q and x \u02c6 y')).toBe('\u00a8q and x \u02c6 y');
  });
});
