import { describe, expect, it } from 'vitest';
import { bodyToText } from '../../../model/body';
import { MAX_CONTENTS_ENTRIES } from '../../../model/contents';
import { makeEpub, xhtml, type EpubSpec } from './fixtures';
import { parseEpub } from './parse';

const CHAPTERS: EpubSpec['chapters'] = [
  {
    id: 'c1',
    href: 'text/ch1.xhtml',
    xhtml: xhtml(`<h1>Part One</h1><p>Opening words of the first part.</p>
      <h2 id="s1">A section</h2><p>Section text here.</p>
      <p>Filler.</p><p id="mid">Middle paragraph starts here and goes on.</p><p>Filler.</p>`),
  },
  {
    id: 'c2',
    href: 'text/ch2.xhtml',
    xhtml: xhtml(`<h1>Part Two</h1><p>Second part text.</p>
      <p><a id="anchor"/>An empty anchor sits before this text.</p>`),
  },
];

const NAV =
  xhtml(`<nav epub:type="landmarks"><ol><li><a href="text/ch2.xhtml">Landmark</a></li></ol></nav>
  <nav epub:type="toc"><h2>Contents</h2><ol>
  <li><a href="text/ch1.xhtml">Part One</a><ol>
    <li><a href="text/ch1.xhtml#s1">A section</a></li>
    <li><a href="text/ch1.xhtml#mid">The middle</a></li></ol></li>
  <li><a href="text/ch2.xhtml">Part Two</a><ol>
    <li><span>A heading with no link</span><ol><li><a href="text/ch2.xhtml#anchor">The anchor</a></li></ol></li>
    <li><a href="text/missing.xhtml">Not in the book</a></li>
    <li><a href="text/ch2.xhtml#no-such-id">Lost fragment</a></li></ol></li></ol></nav>`);

const ncx = (points: string) =>
  `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${points}</navMap></ncx>`;
const point = (label: string, src: string, inner = '') =>
  `<navPoint><navLabel><text>${label}</text></navLabel><content src="${src}"/>${inner}</navPoint>`;
const NCX = ncx(
  point('NCX One', 'text/ch1.xhtml', point('NCX middle', 'text/ch1.xhtml#mid')) +
    point('NCX Two', 'text/ch2.xhtml', point('NCX anchor', 'text/ch2.xhtml#anchor')) +
    point('NCX missing', 'text/gone.xhtml'),
);

const book = (spec: Partial<EpubSpec>) =>
  makeEpub({ metadata: '<dc:title>Parts</dc:title>', chapters: CHAPTERS, ...spec });

describe('an EPUB’s own table of contents', () => {
  it('reads the navigation document (over the NCX): nested entries at their places in the text', async () => {
    const a = await parseEpub(book({ nav: NAV, ncx: NCX }), 'parts.epub');
    const text = bodyToText(a.body);
    expect(a.contents?.map((c) => [c.level, c.title])).toEqual([
      [1, 'Part One'],
      [2, 'A section'],
      [2, 'The middle'],
      [1, 'Part Two'],
      [3, 'The anchor'],
      [2, 'Lost fragment'],
    ]);
    const at = (title: string) => text.slice(a.contents!.find((c) => c.title === title)!.start);
    expect(at('Part One')).toMatch(/^Part One/);
    expect(at('A section')).toMatch(/^A section\n\nSection text/);
    // Into the middle of a file: the paragraph holding the target, not the chapter's start.
    expect(at('The middle')).toMatch(/^Middle paragraph starts here/);
    expect(at('Part Two')).toMatch(/^Part Two/);
    // An empty anchor: the text after it.
    expect(at('The anchor')).toMatch(/^An empty anchor/);
    // A fragment the chapter lacks: the chapter's start; a file the book lacks: skipped.
    expect(at('Lost fragment')).toMatch(/^Part Two/);
  });

  it('reads an EPUB 2 NCX with its nesting when there is no navigation document', async () => {
    const a = await parseEpub(book({ version: '2.0', ncx: NCX }), 'parts.epub');
    const text = bodyToText(a.body);
    expect(a.contents?.map((c) => [c.level, c.title, text.slice(c.start, c.start + 12)])).toEqual([
      [1, 'NCX One', 'Part One\n\nOp'],
      [2, 'NCX middle', 'Middle parag'],
      [1, 'NCX Two', 'Part Two\n\nSe'],
      [2, 'NCX anchor', 'An empty anc'],
    ]);
  });

  it('picks the right copy of a repeated text', async () => {
    const chapters = [
      {
        id: 'c1',
        href: 'c.xhtml',
        xhtml: xhtml('<p>Same words.</p><p>Other.</p><p id="second">Same words.</p><p>End.</p>'),
      },
    ];
    const a = await parseEpub(
      book({ chapters, ncx: ncx(point('Second', 'c.xhtml#second')) }),
      'same.epub',
    );
    const [entry] = a.contents!;
    expect(bodyToText(a.body).slice(entry!.start)).toBe('Same words.\n\nEnd.');
  });

  const navOf = (n: number) =>
    xhtml(
      `<nav epub:type="toc"><ol>${Array.from(
        { length: n },
        (_, i) => `<li><a href="text/ch1.xhtml#mid">Entry ${i}</a></li>`,
      ).join('')}</ol></nav>`,
    );

  it('cuts a long table of contents at MAX_CONTENTS_ENTRIES entries', async () => {
    const long = await parseEpub(book({ nav: navOf(MAX_CONTENTS_ENTRIES + 200) }), 'long.epub');
    expect(long.contents).toHaveLength(MAX_CONTENTS_ENTRIES);
    expect(long.contents!.at(-1)!.title).toBe(`Entry ${MAX_CONTENTS_ENTRIES - 1}`);
  });

  it('bounds a hostile one: 100,000 entries are not parsed, the NCX or the headings stand in', async () => {
    const huge = await parseEpub(book({ nav: navOf(100_000), ncx: NCX }), 'huge.epub');
    expect(huge.contents?.map((c) => c.title)).toEqual([
      'NCX One',
      'NCX middle',
      'NCX Two',
      'NCX anchor',
    ]);
    expect(bodyToText(huge.body)).toContain('Middle paragraph');
  });

  it('bounds a hostile one: deep nesting costs only the contents', async () => {
    const deep = `${'<li><a href="text/ch1.xhtml">Deep</a><ol>'.repeat(5000)}${'</ol></li>'.repeat(5000)}`;
    const nested = await parseEpub(
      book({ nav: xhtml(`<nav epub:type="toc"><ol>${deep}</ol></nav>`), ncx: NCX }),
      'deep.epub',
    );
    // The navigation document is refused as too deep; the NCX stands in.
    expect(nested.contents?.[0]?.title).toBe('NCX One');
    expect(bodyToText(nested.body)).toContain('Middle paragraph');
  });

  it('gives no contents when the book has none', async () => {
    expect((await parseEpub(book({}), 'plain.epub')).contents).toEqual([]);
  });
});
