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
      lang: null,
      published: null,
      excerpt: 'Desc.',
      siteName: 'Site',
      byline: 'Jo Bloggs',
    });
    expect(metadata('<meta property="og:title" content="OG title">').title).toBe('OG title');
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
});
