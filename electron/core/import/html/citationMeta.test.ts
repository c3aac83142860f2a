import { describe, expect, it } from 'vitest';
import { parseHtml } from './parse';

const page = (head: string) =>
  new TextEncoder()
    .encode(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elevated ties</title>${head}</head>
<body><article><h1>Elevated ties</h1><p>Russian President Vladimir Putin will make a state visit to North Korea, the first in 24 years.</p>
<p>Experts say the visit is expected to elevate ties between the two countries to a new level.</p></article></body></html>`);

describe('citation metadata a page declares', () => {
  it('reads a JSON-LD NewsArticle: the item type and the publisher as the publication', () => {
    const parsed = parseHtml(
      page(`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
        {"@type":"NewsArticle","headline":"Elevated ties","datePublished":"2024-06-18T16:20:00+09:00",
         "publisher":{"@type":"Organization","name":"The Korea Herald"},"url":"https://www.koreaherald.com/view.php?ud=1"}]}</script>`),
      'herald.html',
    );
    expect(parsed.meta).toEqual({
      type: 'article-newspaper',
      'container-title': 'The Korea Herald',
      URL: 'https://www.koreaherald.com/view.php?ud=1',
    });
  });

  it('reads Highwire citation_* tags: every author, the journal, volume, pages, DOI', () => {
    const authors = Array.from(
      { length: 16 },
      (_, i) => `<meta name="citation_author" content="Author${i + 1}, Ann">`,
    );
    const parsed = parseHtml(
      page(`<meta name="citation_title" content="Elevated ties">${authors.join('')}
        <meta name="citation_journal_title" content="Journal of Korean Studies">
        <meta name="citation_publication_date" content="2019/03/07">
        <meta name="citation_volume" content="24"><meta name="citation_issue" content="1">
        <meta name="citation_firstpage" content="33"><meta name="citation_lastpage" content="61">
        <meta name="citation_doi" content="10.1215/21581665-123">
        <link rel="canonical" href="https://example.org/article/1">`),
      'paper.html',
    );
    expect(parsed.meta).toMatchObject({
      type: 'article-journal',
      'container-title': 'Journal of Korean Studies',
      issued: { 'date-parts': [[2019, 3, 7]] },
      volume: '24',
      issue: '1',
      page: '33-61',
      DOI: '10.1215/21581665-123',
      URL: 'https://example.org/article/1',
    });
    expect(parsed.meta?.author).toHaveLength(16);
    expect(parsed.meta?.author?.[15]).toEqual({ family: 'Author16', given: 'Ann' });
  });

  it('reads a revision date: article:modified_time, else JSON-LD dateModified', () => {
    const meta = (head: string) => parseHtml(page(head), 'page.html').meta;
    expect(
      meta('<meta property="article:modified_time" content="2017-04-17T09:30:00-07:00">'),
    ).toEqual({ modified: { 'date-parts': [[2017, 4, 17]] } });
    expect(
      meta(
        `<script type="application/ld+json">{"@type":"WebPage","name":"Privacy Policy","dateModified":"2017-04-17"}</script>`,
      ),
    ).toEqual({ type: 'webpage', modified: { 'date-parts': [[2017, 4, 17]] } });
    // A date that is no date is left out.
    expect(meta('<meta property="article:modified_time" content="yesterday">')).toEqual({});
  });

  it('declares nothing for a plain page, and ignores broken JSON-LD', () => {
    expect(
      parseHtml(page('<script type="application/ld+json">{oops</script>'), 'plain.html').meta,
    ).toEqual({});
  });
});
