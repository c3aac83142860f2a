import { describe, expect, it } from 'vitest';
import { loadHtml } from './dom';
import { readPageMetadata, type PageMetadata } from './metadata';

function metadata(head: string, body = '', htmlAttrs = ''): PageMetadata {
  const dom = loadHtml(
    `<!DOCTYPE html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`,
    'm.html',
  );
  try {
    return readPageMetadata(dom.window.document);
  } finally {
    dom.window.close();
  }
}

describe('readPageMetadata', () => {
  it('reads title, description, site name and author from the head', () => {
    expect(
      metadata(
        '<title>\n  A   title </title><meta name="Description" content="Desc."><meta property="og:site_name" content="Site"><meta name="author" content="  Jo\nBloggs ">',
      ),
    ).toEqual({
      title: 'A title',
      heading: null,
      lang: null,
      published: null,
      excerpt: 'Desc.',
      siteName: 'Site',
      byline: 'Jo Bloggs',
      authors: ['  Jo\nBloggs '],
    });
    expect(metadata('<meta property="og:title" content="OG title">').title).toBe('OG title');
  });

  it('reads the page’s heading when it has exactly one <h1>', () => {
    expect(metadata('', '<h1> Tidal  bores </h1><p>x</p>').heading).toBe('Tidal bores');
    expect(metadata('', '<h1>One</h1><h1>Two</h1>').heading).toBeNull();
  });

  it('finds the published date by priority: meta, then JSON-LD, then <time>', () => {
    const time = '<article><time datetime="2001-01-01">then</time></article>';
    const jsonLd =
      '<script type="application/ld+json">[{"@type":"Organization"},{"@graph":[{"@type":"BlogPosting","datePublished":"2002-02-02T02:02:02+02:00"}]}]</script>';
    expect(metadata(`<meta name="date" content="2003-03-03">${jsonLd}`, time).published).toBe(
      '2003-03-03',
    );
    expect(metadata(jsonLd, time).published).toBe('2002-02-02T02:02:02+02:00');
    expect(metadata('<script type="application/ld+json">{not json</script>', time).published).toBe(
      '2001-01-01',
    );
    expect(
      metadata(
        '',
        '<time datetime="garbage">x</time><p><time pubdate datetime="2004-04-04">y</time></p>',
      ).published,
    ).toBe('2004-04-04');
  });

  it('stays bounded on hostile JSON-LD', () => {
    const deep = `${'['.repeat(5000)}{"datePublished":"2005-05-05"}${']'.repeat(5000)}`;
    const wide = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => ({ i })));
    const started = Date.now();
    expect(
      metadata(
        `<script type="application/ld+json">${deep}</script><script type="application/ld+json">${wide}</script>`,
      ).published,
    ).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('takes lang from <html lang>, xml:lang, Content-Language, then og:locale', () => {
    expect(metadata('', '', 'lang="DE-at"').lang).toBe('de-AT');
    expect(metadata('', '', 'xml:lang="nl"').lang).toBe('nl');
    expect(metadata('<meta http-equiv="Content-Language" content="fr-CA, en">').lang).toBe('fr-CA');
    expect(metadata('<meta property="og:locale" content="es_MX">').lang).toBe('es-MX');
    expect(metadata('', '', 'lang="not a tag!"').lang).toBeNull();
  });

  it('reads publishdate / pdate meta keys and compact numeric dates', () => {
    expect(metadata('<meta name="publishdate" content="2019-08-06">').published).toBe('2019-08-06');
    expect(metadata('<meta name="pdate" content="20190806">').published).toBe('2019-08-06');
    expect(metadata('<meta name="citation_publication_date" content="2019/08/06">').published).toBe(
      '2019-08-06',
    );
    expect(metadata('<meta name="pdate" content="20191306">').published).toBeNull();
  });

  it('reads the creation stamp an office suite writes when it saves a document as HTML', () => {
    // StarOffice 5.2 to LibreOffice 4.x: YYYYMMDD;HHMMSScc, the hour's leading zero dropped.
    expect(metadata('<META NAME="CREATED" CONTENT="20010617;16122960">').published).toBe(
      '2001-06-17T16:12:29',
    );
    expect(metadata('<meta name="CREATED" content="20140426;3520000">').published).toBe(
      '2014-04-26T03:52:00',
    );
    // LibreOffice since 4.4: ISO 8601 with nanoseconds.
    expect(
      metadata('<meta name="created" content="2022-04-08T14:55:38.653619897">').published,
    ).toBe('2022-04-08T14:55:38');
    // Unset, an impossible day, an impossible time (the day stays).
    expect(metadata('<meta name="CREATED" content="0;0">').published).toBeNull();
    expect(metadata('<meta name="CREATED" content="20011317;16122960">').published).toBeNull();
    expect(metadata('<meta name="CREATED" content="20010617;99999999">').published).toBe(
      '2001-06-17',
    );
    // A page's own publication date comes first.
    expect(
      metadata(
        '<meta name="CREATED" content="20010617;16122960"><meta property="article:published_time" content="2003-02-01">',
      ).published,
    ).toBe('2003-02-01');
  });

  it('takes the author from JSON-LD, itemprop or meta, skipping junk and URLs', () => {
    const ld =
      '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Ruiz"},{"name":"Li Wei"}]}]}</script>';
    expect(metadata(ld).byline).toBe('Ana Ruiz, Li Wei');
    expect(
      metadata(
        '',
        '<span itemprop="author" itemscope><span itemprop="name">Kofi Mensah</span></span>',
      ).byline,
    ).toBe('Kofi Mensah');
    expect(
      metadata(
        '<meta property="article:author" content="https://example.org/staff/x"><meta name="author" content="Last Updated: 3 May 2021">',
      ).byline,
    ).toBeNull();
  });
});
