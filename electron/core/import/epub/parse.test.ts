import { describe, expect, it } from 'vitest';
import { bodyToText } from '../../../model/body';
import { makeZip, makeZipBomb } from '../zip/fixtures';
import { makeEpub, xhtml } from './fixtures';
import { parseEpub } from './parse';
import { failure } from '../../../test/failure';

const NAV = xhtml(`<nav epub:type="toc"><ol>
  <li><a href="text/one.xhtml">The Crossing</a></li>
  <li><a href="text/two.xhtml#start">Harbour Lights</a></li>
  <li><a href="text/three%20b.xhtml">Landfall</a></li></ol></nav>`);

function novel(): Uint8Array {
  return makeEpub({
    metadata: `<dc:title>The Long Tide</dc:title>
      <dc:creator id="a1">Mara Holt</dc:creator>
      <dc:creator id="e1">Ed Itor</dc:creator><meta refines="#e1" property="role" scheme="marc:relators">edt</meta>
      <dc:creator id="a2">Jon Reyes</dc:creator>
      <dc:language>en-GB</dc:language><dc:date>2021-04-09</dc:date><dc:publisher>Quay Press</dc:publisher>
      <dc:identifier id="uid">urn:uuid:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0</dc:identifier>
      <dc:identifier>urn:isbn:978-0-306-40615-7</dc:identifier>
      <dc:identifier>urn:doi:10.5555/long-tide.2021</dc:identifier>
      <dc:description>&lt;p&gt;A novel of &lt;b&gt;the sea&lt;/b&gt;.&lt;/p&gt;</dc:description>`,
    chapters: [
      // Manifest order is three, one, two; the spine says one, two, three.
      { id: 'c3', href: 'text/three b.xhtml', xhtml: xhtml('<p>They reached land at dawn.</p>') },
      {
        id: 'c1',
        href: 'text/one.xhtml',
        xhtml:
          xhtml(`<h1>The Crossing</h1><p>The ferry left at night<a epub:type="noteref" href="#n1">1</a> with forty passengers.</p>
          <span epub:type="pagebreak" title="12">12</span>
          <figure><img src="../images/fig.png" alt="A ferry at night"/></figure>
          <aside epub:type="footnote" id="n1"><p>It was a Tuesday.</p></aside>`),
      },
      {
        id: 'c2',
        href: 'text/two.xhtml',
        xhtml: xhtml('<p id="start">The harbour lights were out.</p>'),
      },
      { id: 'cover', href: 'text/cover.xhtml', xhtml: xhtml('<p>COVER PAGE</p>'), linear: false },
    ],
    spineOrder: ['c1', 'c2', 'c3', 'cover'],
    nav: NAV,
  });
}

describe('parseEpub', () => {
  it('reads OPF metadata and chapters in spine order with headings', async () => {
    const a = await parseEpub(novel(), 'tide.epub');
    expect(a.format).toBe('epub');
    expect(a.title).toBe('The Long Tide');
    expect(a.byline).toBe('Mara Holt, Jon Reyes');
    expect(a.lang).toBe('en-GB');
    expect(a.published).toBe('2021-04-09');
    expect(a.siteName).toBe('Quay Press');
    expect(a.excerpt).toBe('A novel of the sea.');
    // The citation metadata keeps the people apart by role, as a list of names.
    expect(a.meta).toEqual({
      type: 'book',
      author: [
        { family: 'Holt', given: 'Mara' },
        { family: 'Reyes', given: 'Jon' },
      ],
      editor: [{ family: 'Itor', given: 'Ed' }],
      publisher: 'Quay Press',
      ISBN: '978-0-306-40615-7',
      DOI: '10.5555/long-tide.2021',
    });
    const headings = a.body.blocks
      .filter((b) => b.type === 'heading')
      .map((b) => (b.type === 'heading' ? b.content[0]?.text : ''));
    expect(headings).toEqual(['The Crossing', 'Harbour Lights', 'Landfall']);
    const text = bodyToText(a.body);
    expect(text.indexOf('ferry left')).toBeLessThan(text.indexOf('harbour lights were out'));
    expect(text.indexOf('harbour lights were out')).toBeLessThan(text.indexOf('reached land'));
    expect(text).toContain('The ferry left at night[1] with forty passengers.');
    expect(text).toContain('It was a Tuesday.');
    expect(text).toContain('A ferry at night');
    expect(text).not.toMatch(/\b12\b/);
    expect(text).not.toContain('COVER PAGE');
  });

  it('reads EPUB 2 (NCX table of contents, opf:role) and a right-to-left Hebrew book', async () => {
    const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
      <navPoint id="p1" playOrder="1"><navLabel><text>פרק ראשון</text></navLabel><content src="ch1.xhtml"/></navPoint></navMap></ncx>`;
    const bytes = makeEpub({
      version: '2.0',
      metadata:
        '<dc:title>ספר הים</dc:title><dc:creator opf:role="aut">דנה לוי</dc:creator><dc:creator opf:role="trl">Tom Trans</dc:creator><dc:language>he</dc:language><dc:identifier opf:scheme="ISBN">0306406152</dc:identifier><dc:identifier opf:scheme="DOI">https://doi.org/10.5555/Sea.7</dc:identifier>',
      chapters: [
        { id: 'ch1', href: 'ch1.xhtml', xhtml: xhtml('<p>הספינה יצאה בלילה.</p>', ' dir="rtl"') },
      ],
      spineAttrs: ' page-progression-direction="rtl"',
      ncx,
    });
    const a = await parseEpub(bytes, 'sea.epub');
    expect(a.title).toBe('ספר הים');
    expect(a.byline).toBe('דנה לוי');
    expect(a.meta?.translator).toEqual([{ family: 'Trans', given: 'Tom' }]);
    expect(a.meta?.author).toHaveLength(1);
    expect(a.meta?.ISBN).toBe('0306406152');
    expect(a.meta?.DOI).toBe('10.5555/Sea.7');
    expect(a.lang).toBe('he');
    expect(a.body.blocks[0]).toEqual({
      type: 'heading',
      level: 2,
      content: [{ text: 'פרק ראשון' }],
    });
    expect(bodyToText(a.body)).toContain('הספינה יצאה בלילה.');
  });

  it('gives an RTL book without a language its script, so the reader can set the direction', async () => {
    const bytes = makeEpub({
      metadata: '<dc:title>بحر</dc:title>',
      chapters: [{ id: 'c', href: 'c.xhtml', xhtml: xhtml('<p>خرجت السفينة ليلا.</p>') }],
      spineAttrs: ' page-progression-direction="rtl"',
    });
    expect((await parseEpub(bytes, 'bahr.epub')).lang).toBe('und-Arab');
  });

  it('reads vertical Japanese as ordinary text, and sloppy XHTML through the HTML parser', async () => {
    const bytes = makeEpub({
      metadata: '<dc:title>縦書き</dc:title><dc:language>ja</dc:language>',
      chapters: [
        {
          id: 'a',
          href: 'a.xhtml',
          xhtml: xhtml('<p>吾輩は猫である。名前はまだ無い。</p>').replace(
            '<head>',
            '<head><style>body{writing-mode:vertical-rl}</style>',
          ),
        },
        {
          id: 'b',
          href: 'b.xhtml',
          xhtml: '<html><body><p>Not&nbsp;well formed<br></p><p>second</body></html>',
        },
      ],
    });
    const a = await parseEpub(bytes, 'neko.epub');
    const text = bodyToText(a.body);
    expect(text).toContain('吾輩は猫である。名前はまだ無い。');
    expect(text).toContain('Not\u00a0well formed');
    expect(text).toContain('second');
    expect(text).not.toContain('writing-mode');
  });

  it('says what is missing from a broken book', async () => {
    const noContainer = makeZip(
      { mimetype: 'application/epub+zip', 'OEBPS/x.xhtml': '<p/>' },
      'mimetype',
    );
    expect((await failure(() => parseEpub(noContainer, 'a.epub'))).message).toBe(
      'a.epub: is not an EPUB book (META-INF/container.xml is missing)',
    );
    const badOpf = makeEpub({ metadata: '<dc:title>Broken</dc:title>', chapters: [] });
    expect((await failure(() => parseEpub(badOpf, 'b.epub'))).message).toBe(
      "b.epub: the book's reading order lists no chapters",
    );
    const malformed = makeZip(
      {
        mimetype: 'application/epub+zip',
        'META-INF/container.xml':
          '<container><rootfiles><rootfile full-path="c.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
        'c.opf': '<package><metadata><unclosed></package>',
      },
      'mimetype',
    );
    expect((await failure(() => parseEpub(malformed, 'c.epub'))).message).toMatch(
      /^c\.epub: c\.opf is not well-formed XML/,
    );
    const wrongType = makeZip({ mimetype: 'application/vnd.oasis.opendocument.text' }, 'mimetype');
    expect((await failure(() => parseEpub(wrongType, 'd.epub'))).message).toMatch(
      /not an EPUB book/,
    );
  });

  it('refuses a ZIP bomb disguised as a chapter', async () => {
    const good = makeEpub({
      metadata: '<dc:title>Bomb</dc:title>',
      chapters: [{ id: 'c', href: 'c.xhtml', xhtml: xhtml('<p>x</p>') }],
    });
    expect((await parseEpub(good, 'ok.epub')).title).toBe('Bomb');
    const bomb = makeZipBomb({
      name: 'OEBPS/c.xhtml',
      mebibytes: 128,
      declaredSize: 500,
      before: {
        mimetype: 'application/epub+zip',
        'META-INF/container.xml':
          '<container><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
        'OEBPS/content.opf':
          '<package xmlns="http://www.idpf.org/2007/opf"><metadata/><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>',
      },
    });
    const error = await failure(() => parseEpub(bomb, 'novel.epub'));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(/^novel\.epub: refused as a possible ZIP bomb/);
  });
});

describe('parseEpub: hostile chapters', () => {
  it('flattens absurdly deep nesting instead of spending minutes in the XML parser', async () => {
    const deep = `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`;
    const bytes = makeEpub({
      metadata: '<dc:title>Deep</dc:title>',
      chapters: [{ id: 'c', href: 'c.xhtml', xhtml: xhtml(`<p>Before.</p>${deep}`) }],
    });
    const a = await parseEpub(bytes, 'deep.epub');
    expect(bodyToText(a.body)).toContain('Before.');
    expect(bodyToText(a.body)).toContain('deep text');
  });

  it('refuses a package document nested too deeply', async () => {
    const bytes = makeZip(
      {
        mimetype: 'application/epub+zip',
        'META-INF/container.xml': `<container>${'<x>'.repeat(5000)}${'</x>'.repeat(5000)}</container>`,
      },
      'mimetype',
    );
    expect((await failure(() => parseEpub(bytes, 'deep.epub'))).message).toBe(
      'deep.epub: META-INF/container.xml is nested too deeply to read',
    );
  });
});
