import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { bibtexEntry, CitationKeys, escapeBibtex, toBibtex } from './bibtex';
import { formatCitation } from './format';
import { bylineNames, cslType, toCslItem, type CitableSource, type CslItem } from './item';
import { toRis } from './ris';

const news: CitableSource = {
  id: 'a-news',
  title: 'Tides & Towns: 100% of {coast} #1_rise ~ ^ \\ $5',
  subtitle: null,
  byline: 'By Jane Doe and John Smith',
  published: '2024-06-18T10:00:00',
  siteName: 'The Courier',
  lang: 'en',
  source: 'https://example.com/tides?a=1&b=2',
  mediaType: 'text/html',
  imported: '2026-11-27T09:00:00Z',
};
const undatedPage: CitableSource = {
  ...news,
  id: 'a-page',
  title: 'Harbour notes',
  published: null,
  byline: 'Ann Lee',
};
const pdf: CitableSource = {
  ...news,
  id: 'a-pdf',
  title: 'Sea level report',
  byline: 'Coastal Institute',
  published: '2021',
  siteName: 'Coast Press',
  source: '/docs/sea.pdf',
  mediaType: 'application/pdf',
};
const book: CitableSource = {
  ...pdf,
  id: 'a-book',
  title: 'The Long Shore',
  byline: 'Ruth Ozeki',
  published: '2013-03',
  source: '/books/shore.epub',
  mediaType: 'application/epub+zip',
};
const sources = [news, undatedPage, pdf, book];
const items = sources.map(toCslItem);

/** citation-js's CSL for a date: [[y, m, d]] without trailing gaps. */
const parts = (v: unknown): unknown =>
  (v as { 'date-parts'?: unknown[][] } | undefined)?.['date-parts']?.[0];
const byId = (data: Record<string, unknown>[], title: string) =>
  data.find((d) => d.title === title);

describe('CSL items', () => {
  it('types each kind of source', () => {
    expect(sources.map(cslType)).toEqual(['article-newspaper', 'webpage', 'report', 'book']);
    expect(cslType({ ...news, source: '/notes/a.md', mediaType: 'text/markdown' })).toBe(
      'document',
    );
  });
  it('splits bylines into people and keeps organisations whole', () => {
    expect(bylineNames('By Jane Doe, John Smith & Ann Lee')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Smith' },
      { given: 'Ann', family: 'Lee' },
    ]);
    expect(bylineNames('Doe, Jane; Smith, John')).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Smith', given: 'John' },
    ]);
    expect(bylineNames('Reuters')).toEqual([{ literal: 'Reuters' }]);
    expect(bylineNames('Doe, Jane')).toEqual([{ family: 'Doe', given: 'Jane' }]);
    expect(bylineNames('Jane Doe, John Smith')).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Smith' },
    ]);
    expect(bylineNames('Associated Press Staff')).toEqual([{ literal: 'Associated Press Staff' }]);
    expect(bylineNames('  ')).toEqual([]);
  });
  it('keeps East Asian names with a hyphenated given name family-first; Western hyphenated names stay given-first', () => {
    expect(bylineNames('By Ji Da-gyum')).toEqual([{ family: 'Ji', given: 'Da-gyum' }]);
    expect(bylineNames('Moon Jae-in and Tsai Ing-wen')).toEqual([
      { family: 'Moon', given: 'Jae-in' },
      { family: 'Tsai', given: 'Ing-wen' },
    ]);
    expect(bylineNames('Jean-Paul Sartre')).toEqual([{ given: 'Jean-Paul', family: 'Sartre' }]);
    expect(bylineNames('Mary Lee-Smith')).toEqual([{ given: 'Mary', family: 'Lee-Smith' }]);
  });
  it('keeps dates as date parts and drops text that is not a date', () => {
    expect(items[0]!.issued).toEqual({ 'date-parts': [[2024, 6, 18]] });
    expect(items[3]!.issued).toEqual({ 'date-parts': [[2013, 3]] });
    expect(toCslItem({ ...news, published: 'last spring' }).issued).toBeUndefined();
    expect(items[0]!.accessed).toEqual({ 'date-parts': [[2026, 11, 27]] });
    expect(items[2]!.accessed).toBeUndefined(); // a local file has no access date
  });
});

describe('CSL-JSON', () => {
  it('is read back by citation-js with the same fields', () => {
    const data = new Cite(JSON.stringify(items)).data;
    expect(data).toHaveLength(4);
    for (const item of items) {
      const d = byId(data, item.title)!;
      expect(d.type).toBe(item.type);
      expect(d.author).toEqual(item.author);
      expect(parts(d.issued)).toEqual(parts(item.issued));
      expect(d.URL).toBe(item.URL);
    }
  });
});

describe('BibTeX', () => {
  it('escapes TeX specials so the title reads back as written', () => {
    const data = new Cite(toBibtex(items)).data;
    expect(data).toHaveLength(4);
    const d = byId(data, news.title)!;
    expect(d).toBeDefined();
    expect(d.type).toBe('article-journal'); // @article
    expect(d['container-title']).toBe('The Courier');
    expect(d.author).toEqual([
      { given: 'Jane', family: 'Doe' },
      { given: 'John', family: 'Smith' },
    ]);
    expect(parts(d.issued)).toEqual([2024, 6, 18]);
    expect(d.URL).toBe(news.source);
  });
  it('keeps organisations as one name and types reports and books', () => {
    const data = new Cite(toBibtex(items)).data;
    const report = byId(data, 'Sea level report')!;
    expect(report.type).toBe('report');
    // A braced organisation is one unsplit name (BibTeX has no "literal").
    expect(report.author).toEqual([{ family: 'Coastal Institute' }]);
    expect(report.publisher).toBe('Coast Press');
    const b = byId(data, 'The Long Shore')!;
    expect(b.type).toBe('book');
    expect(parts(b.issued)).toEqual([2013, 3]);
  });
  it('gives every entry a unique key, even for the same author, year and title', () => {
    const keys = new CitationKeys();
    const same = toCslItem(news);
    const got = [keys.next(same), keys.next(same), keys.next(same)];
    expect(new Set(got).size).toBe(3);
    expect(got[0]).toBe('doe2024tides');
    expect(got[1]).toBe('doe2024tidesa');
    const bib = toBibtex([same, same]);
    expect([...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1])).toEqual([
      'doe2024tides',
      'doe2024tidesa',
    ]);
  });
  it('keeps braces balanced whatever the input', () => {
    const hostile = escapeBibtex('}{ \\} \u0000 { unbalanced');
    let depth = 0;
    for (const c of hostile.replace(/\\[{}]/g, '')) {
      if (c === '{') depth++;
      if (c === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    const entry = bibtexEntry(
      toCslItem({ ...news, title: '}{ evil } @misc{x,', byline: null }),
      'k',
    );
    expect(new Cite(entry).data[0]!.title).toBe('}{ evil } @misc{x,');
  });
});

describe('RIS', () => {
  it('is read back by citation-js with the same fields', () => {
    const ris = toRis(items);
    expect(ris).toMatch(/^TY {2}- NEWS\r\n/);
    expect(ris.match(/^ER {2}- /gm)).toHaveLength(4);
    const data = new Cite(ris).data;
    expect(data).toHaveLength(4);
    // citation-js maps a NEWS record's AU to "reporter" and reads only PY as its date.
    const d = byId(data, news.title)!;
    expect(d.type).toBe('article-newspaper');
    expect(d['container-title']).toBe('The Courier');
    expect(parts(d.issued)).toEqual([2024]);
    expect(parts(d.accessed)).toEqual([2026, 11, 27]);
    expect(d.URL).toBe(news.source);
    const page = byId(data, 'Harbour notes')!;
    expect(page.type).toBe('webpage');
    expect(page.author).toEqual([{ family: 'Lee', given: 'Ann' }]);
    const report = byId(data, 'Sea level report')!;
    expect(report.type).toBe('report');
    expect(report.author).toEqual([{ literal: 'Coastal Institute' }]);
    expect(report.publisher).toBe('Coast Press');
    const b = byId(data, 'The Long Shore')!;
    expect(b.type).toBe('book');
    expect(b.author).toEqual([{ family: 'Ozeki', given: 'Ruth' }]);
    expect(parts(b.issued)).toEqual([2013, 3]);
  });
  it('keeps a value with line breaks on one line', () => {
    const ris = toRis([toCslItem({ ...news, title: 'one\ntwo\r\nTY  - BOOK' })]);
    expect(ris.match(/^TY {2}-/gm)).toHaveLength(1);
  });
});

describe('formatted citations (citeproc)', () => {
  const cite = (s: CitableSource, style: 'apa' | 'chicago' | 'chicago-note' | 'mla') =>
    formatCitation(toCslItem(s), style);
  const simple: CitableSource = { ...news, title: 'Tides and towns' };

  it('APA: surname and initials with "&", year after the authors, site in italics', () => {
    const c = cite(simple, 'apa');
    expect(c.text).toBe(
      'Doe, J., & Smith, J. (2024, June 18). Tides and towns. The Courier. https://example.com/tides?a=1&b=2',
    );
    expect(c.html).toContain('<i>The Courier</i>');
    expect(c.html).not.toContain('<i>Tides and towns</i>');
  });
  it('APA: an undated web page says "n.d." and when it was retrieved', () => {
    const c = cite(undatedPage, 'apa');
    expect(c.text).toContain('Lee, A. (n.d.).');
    expect(c.text).toContain('Retrieved November 27, 2026, from https://example.com/');
    expect(cite(simple, 'apa').text).not.toContain('Retrieved');
  });
  it('Chicago author-date: first author inverted, year second, title in quotes and title case', () => {
    const c = cite(simple, 'chicago');
    expect(c.text).toBe(
      'Doe, Jane, and John Smith. 2024. “Tides and Towns.” The Courier, June 18, 2024. https://example.com/tides?a=1&b=2.',
    );
    expect(c.html).toContain('<i>The Courier</i>');
    expect(cite(undatedPage, 'chicago').text).toContain('Accessed November 27, 2026');
  });
  it('MLA: no year after the authors, day month year with the container', () => {
    const c = cite(simple, 'mla');
    expect(c.text).toBe(
      'Doe, Jane, and John Smith. “Tides and Towns.” The Courier, 18 June 2024, https://example.com/tides?a=1&b=2.',
    );
    expect(c.html).toContain('<i>The Courier</i>');
    expect(cite(undatedPage, 'mla').text).toContain('Accessed 27 Nov. 2026');
    expect(cite({ ...simple, byline: 'A One, B Two, C Three' }, 'mla').text).toMatch(
      /^One, A\., et al\./,
    );
  });
  it('italicises a book title in every style, a report title in APA', () => {
    for (const style of ['apa', 'chicago', 'chicago-note', 'mla'] as const)
      expect(cite(book, style).html).toContain('<i>The Long Shore</i>');
    expect(cite(pdf, 'apa').html).toContain('<i>Sea level report</i>');
  });
  it('keeps a non-English title as written: title case is for English titles', () => {
    const de = { ...simple, title: 'Die Gezeiten und die Städte', lang: 'de' };
    expect(cite(de, 'chicago').text).toContain('“Die Gezeiten und die Städte.”');
    expect(cite({ ...de, lang: 'en' }, 'chicago').text).toContain('“Die Gezeiten Und Die Städte.”');
  });
  it('escapes HTML in metadata and re-reads changed metadata for the same id', () => {
    const c = cite({ ...simple, title: '<script>alert(1)</script>' }, 'apa');
    expect(c.html).not.toContain('<script>');
    expect(cite({ ...simple, title: 'Renamed' }, 'apa').text).toContain('Renamed');
  });
  it('formats a source with nothing but a title', () => {
    const bare: CslItem = toCslItem({
      id: 'x',
      title: '',
      subtitle: null,
      byline: null,
      published: null,
      siteName: null,
      lang: null,
      source: null,
    });
    for (const style of ['apa', 'chicago', 'mla'] as const)
      expect(formatCitation(bare, style).text).toContain('Untitled');
  });
});
