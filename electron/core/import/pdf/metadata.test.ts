import { describe, expect, it } from 'vitest';
import type { PdfLine } from './layout';
import { stripSiteSuffix } from '../siteSuffix';
import {
  authorNames,
  guessFromFirstPage,
  guessFromOpeningPages,
  isJunkAuthor,
  isJunkTitle,
} from './metadata';

const line = (text: string, size: number, y: number): PdfLine => ({
  text,
  x: 72,
  right: 500,
  y,
  size,
});
const bodyLines = (n: number, top: number): PdfLine[] =>
  Array.from({ length: n }, (_, i) =>
    line('Body text of the paper runs on in ordinary sentences here.', 10, top - i * 12),
  );

describe('PDF metadata heuristics', () => {
  it('drops a site suffix from a printed page title', () => {
    expect(stripSiteSuffix('Tidal Bore - Wikipedia', null)).toBe('Tidal Bore');
    expect(stripSiteSuffix('Flood Report | example.gov.uk', null)).toBe('Flood Report');
    expect(stripSiteSuffix('Tides and Harbours - Field Notes', 'Tides and Harbours')).toBe(
      'Tides and Harbours',
    );
    // A real subtitle after a dash stays when nothing says it is a site.
    expect(stripSiteSuffix('War and Peace - A Study', null)).toBe('War and Peace - A Study');
  });

  it('treats capitalised file-system names as junk titles and account names as junk authors', () => {
    expect(isJunkTitle('REPORT_FINAL_V2 1')).toBe(true);
    expect(isJunkTitle('SCAN_0042')).toBe(true);
    expect(isJunkTitle('NATO Annual Report')).toBe(false);
    expect(isJunkAuthor('JSMITH2')).toBe(true);
    expect(isJunkAuthor('ADMIN_PC')).toBe(true);
    expect(isJunkAuthor('Ada Marsh')).toBe(false);
  });

  it('keeps one word in capitals as an author only when the first page names it too', () => {
    expect(authorNames('EVNFK', 'Universidad Nacional Autónoma de México')).toEqual([]);
    expect(authorNames('NASA', 'NASA Technical Memorandum 4567')).toEqual(['NASA']);
    expect(authorNames('Ada Marsh; EACS', '')).toEqual(['Ada Marsh']);
    expect(isJunkTitle('Print unam_negro_escalable.svg')).toBe(true);
    expect(isJunkTitle('logo_badge_blue_gold.eps')).toBe(true);
  });

  it('keeps the subtitle on the line under the title, and a long author line with affiliation marks', () => {
    const names = Array.from(
      { length: 16 },
      (_, i) => `${['Ada', 'Ben', 'Cai', 'Dee'][i % 4]} Author${String.fromCharCode(65 + i)}`,
    );
    const authorLines = [
      `${names
        .slice(0, 8)
        .map((n, i) => `${n}${i % 2 ? '†' : '∗'}`)
        .join(', ')},`,
      names
        .slice(8)
        .map((n, i) => `${n}${(i % 3) + 1}`)
        .join(', '),
    ];
    const lines = [
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line('A Survey of Seven Rivers', 14, 696),
      line(authorLines[0] as string, 10, 676),
      line(authorLines[1] as string, 10, 664),
      ...bodyLines(20, 630),
    ];
    const guess = guessFromFirstPage(lines);
    expect(guess.title).toBe('Tidal Bores in Narrow Estuaries');
    expect(guess.subtitle).toBe('A Survey of Seven Rivers');
    expect(guess.byline?.split(', ')).toEqual(names);
  });

  it('reads the affiliation lines under the names as part of the title block, and stops at the body', () => {
    const lines = [
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line('Ada Marsh1,∗ and Ben Quay2', 12, 696),
      line('1Department of Oceanography, University of Plymouth', 10, 682),
      line('2Tide Research Ltd., ada.marsh@example.org', 10, 670),
      line('∗ Equal contribution.', 10, 658),
      ...bodyLines(20, 630),
    ];
    const guess = guessFromFirstPage(lines);
    expect(guess.byline).toBe('Ada Marsh and Ben Quay');
    expect(guess.lines.title.map((l) => l.text)).toEqual(['Tidal Bores in Narrow Estuaries']);
    expect(guess.lines.authors.map((l) => l.y)).toEqual([696, 682, 670, 658]);
  });

  it('finds a title set at the body’s size by its place: the opening line, set apart by a gap', () => {
    const lines = [line('Notes on Harbour Tides', 10, 720), ...bodyLines(20, 684)];
    const guess = guessFromFirstPage(lines);
    expect(guess.title).toBe('Notes on Harbour Tides');
    expect(guess.lines.title.map((l) => l.y)).toEqual([720]);
  });

  it('…or by the names under it, with a contact beside a name', () => {
    const guess = guessFromFirstPage([
      line('Notes on Harbour Tides', 10, 720),
      line('Ada Marsh (ada@example.org) and Ben Quay', 10, 708),
      ...bodyLines(20, 684),
    ]);
    expect(guess.title).toBe('Notes on Harbour Tides');
    expect(guess.byline).toBe('Ada Marsh and Ben Quay');
  });

  it('takes no title from a page that opens with running text at the body’s size', () => {
    const guess = guessFromFirstPage([
      line('the tide had turned before the boats came in, and', 10, 720),
      ...bodyLines(20, 708),
    ]);
    expect(guess.title).toBeNull();
    const noGap = guessFromFirstPage([
      line('Notes on Harbour Tides', 10, 720),
      ...bodyLines(20, 708),
    ]);
    expect(noGap.title).toBeNull();
  });

  it('does not take a one-word heading under the title for an author', () => {
    const guess = guessFromFirstPage([
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line('Introduction', 10, 690),
      ...bodyLines(20, 670),
    ]);
    expect(guess.byline).toBeNull();
    expect(guess.lines.authors).toEqual([]);
  });

  it('takes no organisation set like a name for an author (a report cover’s division)', () => {
    const guess = guessFromFirstPage([
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line('Revision 3.18', 14, 690),
      line('Coastal Science and Engineering Division', 14, 600),
      ...bodyLines(20, 560),
    ]);
    expect(guess.title).toBe('Tidal Bores in Narrow Estuaries');
    expect(guess.subtitle).toBe('Revision 3.18');
    expect(guess.byline).toBeNull();
  });

  it('reads the names under a "Prepared by" line, and keeps that line with them', () => {
    const guess = guessFromFirstPage([
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line('Prepared by', 10, 680),
      line('A. Marsh 1, B. Quay 2, and C. Tern 1', 10, 666),
      ...bodyLines(20, 630),
    ]);
    expect(guess.subtitle).toBeNull();
    expect(guess.byline).toBe('A. Marsh, B. Quay and C. Tern');
    expect(guess.lines.authors.map((l) => l.y)).toEqual([680, 666]);
  });

  it('reads a line of names that opens with its lead-in ("By …", "Edited by …") without it', () => {
    const guess = (names: string) =>
      guessFromFirstPage([
        line('Tidal Bores in Narrow Estuaries', 20, 720),
        line(names, 12, 690),
        ...bodyLines(20, 660),
      ]).byline;
    expect(guess('By Ada Marsh and Ben Quay')).toBe('Ada Marsh and Ben Quay');
    expect(guess('Edited by A. Marsh 1, B. Quay 2')).toBe('A. Marsh, B. Quay');
    expect(guess('Authors: Ada Marsh, Ben Quay')).toBe('Ada Marsh, Ben Quay');
    // A name is not a lead-in: "Bybee", "Authorson".
    expect(guess('Ada Bybee and Ben Authorson')).toBe('Ada Bybee and Ben Authorson');
  });

  it('joins a name broken at a line’s end: a hyphen, an initial, its marks on the next line', () => {
    const guess = guessFromFirstPage([
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line('A. Marsh 1, B. Quay 1,2, K. Buschel-', 10, 690),
      line('man 1, E. M. Tern 3, M. G.', 10, 678),
      line('Knepley 1,9, R. Tran Mills', 10, 666),
      line('1, L. Mitchell 13,20, and J. Zhang 1', 10, 654),
      ...bodyLines(20, 620),
    ]);
    expect(guess.byline?.split(/, | and /)).toEqual([
      'A. Marsh',
      'B. Quay',
      'K. Buschelman',
      'E. M. Tern',
      'M. G. Knepley',
      'R. Tran Mills',
      'L. Mitchell',
      'J. Zhang',
    ]);
    expect(guess.lines.authors.map((l) => l.y)).toEqual([690, 678, 666, 654]);
  });

  it('still reads names set one per line as one name each', () => {
    const guess = guessFromFirstPage([
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line('Ada Marsh', 12, 690),
      line('Ben Quay', 12, 676),
      ...bodyLines(20, 640),
    ]);
    expect(guess.byline).toBe('Ada Marsh, Ben Quay');
  });

  it('reads one affiliation line per name, past ten, and the date standing alone under them', () => {
    const names = Array.from({ length: 14 }, (_, i) => `A. Author${String.fromCharCode(65 + i)}`);
    const guess = guessFromFirstPage([
      line('Tidal Bores in Narrow Estuaries', 20, 720),
      line(names.map((n, i) => `${n} ${i + 1}`).join(', '), 10, 690),
      ...names.map((_, i) =>
        line(`${i + 1}Department of Tides ${i + 1}, Plymouth`, 10, 670 - i * 12),
      ),
      line('February 27, 2023', 10, 470),
      ...bodyLines(20, 440),
    ]);
    expect(guess.byline?.split(', ')).toEqual(names);
    expect(guess.lines.authors).toHaveLength(15);
    expect(guess.lines.date.map((l) => l.text)).toEqual(['February 27, 2023']);
  });

  it('reads the authors from the title page after a cover that repeats the title', () => {
    // In the order the cover draws them, as on the PETSc manual's: the address before the title.
    const cover = [
      line('Coastal Institute', 12, 620),
      line('12 Harbour Road', 12, 606),
      line('Plymouth PL1 2AB', 12, 592),
      line('Tidal Bores in Narrow Estuaries', 20, 500),
      line('Revision 3.18', 14, 460),
      line('Coastal Science and Engineering Division', 14, 360),
    ];
    const boilerplate = bodyLines(20, 700);
    const titlePage = [
      line('Tidal Bores in Narrow Estuaries', 24, 670),
      line('Prepared by', 10, 600),
      line('A. Marsh 1, B. Quay 2, and C. Tern 1', 10, 580),
      line('1Department of Oceanography, University of Plymouth', 10, 560),
      line('2Tide Research Ltd.', 10, 548),
      line('March 2014', 10, 500),
      ...bodyLines(5, 460),
    ];
    const guess = guessFromOpeningPages([[], cover, boilerplate, titlePage]);
    expect(guess.title).toBe('Tidal Bores in Narrow Estuaries');
    expect(guess.subtitle).toBe('Revision 3.18');
    expect(guess.byline).toBe('A. Marsh, B. Quay and C. Tern');
    expect(guess.lines.title).toEqual([cover[3], titlePage[0]]);
    expect(guess.lines.subtitle).toEqual([cover[4]]);
    expect(guess.lines.authors).toEqual(titlePage.slice(1, 5));
    expect(guess.lines.date).toEqual([titlePage[5]]);
    // A later page under another title is no title page of this one.
    const other = [line('Another Report Altogether', 24, 670), ...titlePage.slice(1)];
    expect(guessFromOpeningPages([cover, boilerplate, other]).byline).toBeNull();
  });
});
