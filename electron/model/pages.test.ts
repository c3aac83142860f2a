import { describe, expect, it } from 'vitest';
import { citePages, pageAt, pdfPageNumbers, type PageStart } from './pages';

const pages: PageStart[] = [
  { label: 'iii', start: 0 },
  { label: '1', start: 120 },
  { label: '2', start: 480 },
  { label: '3', start: 481 },
];

describe('pageAt', () => {
  it('finds the last page starting at or before the offset', () => {
    expect(pageAt(pages, 0)?.label).toBe('iii');
    expect(pageAt(pages, 119)?.label).toBe('iii');
    expect(pageAt(pages, 120)?.label).toBe('1');
    expect(pageAt(pages, 480)?.label).toBe('2');
    expect(pageAt(pages, 10_000)?.label).toBe('3');
  });

  it('gives null without pages or before the first page', () => {
    expect(pageAt(null, 5)).toBeNull();
    expect(pageAt([], 5)).toBeNull();
    expect(pageAt([{ label: '2', start: 10 }], 3)).toBeNull();
  });

  it('agrees with a linear scan on many pages', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ label: String(i + 1), start: i * 37 }));
    for (const offset of [0, 36, 37, 1000, 18_462, 18_463, 99_999]) {
      const linear = many.filter((p) => p.start <= offset).at(-1) ?? null;
      expect(pageAt(many, offset)).toBe(linear);
    }
  });
});

describe('citePages', () => {
  it('cites one page or a range', () => {
    expect(citePages(pages, 130, 200)).toBe('p. 1');
    expect(citePages(pages, 400, 482)).toBe('pp. 1–3');
    expect(citePages(pages, 470, 480)).toBe('p. 1');
    expect(citePages(undefined, 1, 2)).toBeNull();
  });
});

describe('pdfPageNumbers', () => {
  const start = (label: string, at: number) => ({ label, start: at });
  it('matches labels in order, skipping pages without text', () => {
    expect(
      pdfPageNumbers(
        [start('i', 0), start('1', 10), start('3', 20)],
        ['i', 'ii', '1', '2', '3'],
        5,
      ),
    ).toEqual([1, 3, 5]);
  });
  it('uses page numbers when the PDF declares no labels', () => {
    expect(pdfPageNumbers([start('2', 0), start('3', 9)], null, 3)).toEqual([2, 3]);
  });
  it('falls on the next page when a label is unknown', () => {
    expect(pdfPageNumbers([start('1', 0), start('x', 9)], null, 3)).toEqual([1, 2]);
  });
});
