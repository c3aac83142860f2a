import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToText, type Block, type Inline } from '../../../model/body';
import { CommonplaceError } from '../../errors';
import type { ParsedArticle } from '../types';
import { parseHtml } from './parse';

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixture = (name: string): Uint8Array => readFileSync(join(FIXTURES, 'html', name));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const html = (s: string, fileName = 'page.html', url?: string): ParsedArticle =>
  parseHtml(utf8(s), fileName, url);

/** Long enough for Readability to treat it as an article. */
const FILLER =
  'The harbour was quiet that morning, and the boats lay still against the wall while the gulls argued over the nets. ' +
  'Nobody in the village could remember a calmer day, and the old men on the bench by the chandlery said so to anyone who would listen.';
const page = (body: string, head = ''): string =>
  `<!DOCTYPE html><html><head><title>Test page</title>${head}</head><body><article><h1>Test page</h1><p>${FILLER}</p>${body}<p>${FILLER}</p></article></body></html>`;

function spans(blocks: readonly Block[]): Inline[] {
  return blocks.flatMap((b) =>
    b.type === 'list' ? b.items.flat() : b.type === 'code' ? [{ text: b.text }] : b.content,
  );
}

describe('parseHtml: a real-looking article (UTF-8, no charset declared)', () => {
  const article = parseHtml(
    fixture('article.html'),
    'keepers.html',
    'https://coastal.example.com/2021/keepers',
  );
  const text = bodyToText(article.body);

  it('extracts the metadata', () => {
    expect(article).toMatchObject({
      format: 'html',
      title: 'The Quiet Life of Lighthouse Keepers',
      byline: 'Morag Duncan',
      published: '2021-03-14T08:15:00Z',
      siteName: 'Coastal Review',
      lang: 'en-GB',
      excerpt: 'What the last keepers remember about the long nights.',
      tags: [],
    });
  });

  it('keeps the article and drops the site chrome and the repeated title', () => {
    expect(text).toContain(
      'the lighthouse at Ardnamurchan was kept by families who lived at the very edge of the land.',
    );
    expect(text).not.toContain('About us');
    expect(text).not.toContain('All rights reserved');
    expect(article.body.blocks.some((b) => b.type === 'heading' && b.level === 1)).toBe(false);
  });

  it('converts structure: headings, lists (nested items flattened), quotes, captions, code', () => {
    const blocks = article.body.blocks;
    expect(blocks).toContainEqual({
      type: 'heading',
      level: 2,
      content: [{ text: 'The routine' }],
    });
    expect(blocks).toContainEqual({
      type: 'list',
      ordered: true,
      items: [
        [{ text: 'Light the lamp at sunset.' }],
        [
          { text: 'Wind the clockwork ' },
          { text: 'every two hours', marks: ['bold'] },
          { text: ':' },
        ],
        [{ text: 'check the weights' }],
        [{ text: 'oil the gears' }],
        [{ text: 'Record the weather at midnight.' }],
      ],
    });
    expect(blocks).toContainEqual({
      type: 'quote',
      content: [{ text: '“You never really sleep. You listen to the light.”' }],
    });
    expect(blocks).toContainEqual({
      type: 'caption',
      content: [{ text: 'The tower at dusk, photographed in 1978.' }],
    });
    expect(blocks).toContainEqual({
      type: 'caption',
      content: [{ text: 'A page from the 1962 logbook.' }],
    });
    expect(blocks).toContainEqual({
      type: 'code',
      text: '1962-01-04  NW gale   lamp lit 16:02\n1962-01-05  calm      lamp lit 16:04',
    });
  });

  it('keeps inline marks and resolves relative links against the source URL', () => {
    const all = spans(article.body.blocks);
    expect(all).toContainEqual({ text: 'Every night', marks: ['bold'] });
    expect(all).toContainEqual({ text: 'hundred and forty', marks: ['italic'] });
    expect(all).toContainEqual({ text: 'logbooks', marks: ['code'] });
    expect(all).toContainEqual({
      text: 'his letters',
      href: 'https://coastal.example.com/archive/letters.pdf',
    });
    expect(all).toContainEqual({ text: 'board@example.org', href: 'mailto:board@example.org' });
    expect(text).toContain('Click here for nothing at all.');
    expect(all.every((s) => !s.href || /^(https?:\/\/|mailto:)/.test(s.href))).toBe(true);
  });

  it('drops relative hrefs (keeping the text) when there is no source URL', () => {
    const local = parseHtml(fixture('article.html'), 'keepers.html');
    const all = spans(local.body.blocks);
    expect(all).toContainEqual({
      text: 'John MacLeod',
      href: 'https://example.org/keepers/john-macleod',
    });
    expect(all.find((s) => s.text.includes('his letters'))?.href).toBeUndefined();
    expect(bodyToText(local.body)).toContain('kept a copy of his letters in a tin box.');
  });
});

describe('parseHtml: encodings', () => {
  it('decodes a windows-1252 page declared with http-equiv', () => {
    const a = parseHtml(fixture('windows-1252.html'), 'cafe.html');
    expect(a.title).toBe('Café crème – l’histoire');
    expect(a.byline).toBe('Hélène Dupré');
    expect(a.lang).toBe('fr');
    expect(a.published).toBe('2023-11-05T09:30:00+01:00');
    expect(bodyToText(a.body)).toContain(
      'Un café coûtait alors 0,10\u00a0€ en équivalent actuel — une somme modeste',
    );
  });

  it('decodes a Shift_JIS page declared with <meta charset>', () => {
    const a = parseHtml(fixture('shift_jis.html'), 'tokyo.html');
    expect(a.title).toBe('東京の朝ごはん');
    expect(a.lang).toBe('ja');
    expect(bodyToText(a.body)).toContain('店主は「いらっしゃい」と声をかけ、お茶を注ぐ。');
  });

  it('decodes an EUC-KR page declared in a single-quoted http-equiv content', () => {
    const a = parseHtml(fixture('euc-kr.html'), 'seoul.html');
    expect(a.title).toBe('서울의 가을');
    expect(bodyToText(a.body)).toContain('남산의 단풍이 붉게 물들면');
  });
});

describe('parseHtml: metadata fallbacks', () => {
  it('reads published dates from meta, JSON-LD and <time>, normalised to ISO 8601', () => {
    const fromMeta = html(
      page('', '<meta property="article:published_time" content="2020-05-06T07:08:09+0100">'),
    );
    expect(fromMeta.published).toBe('2020-05-06T07:08:09+01:00');
    const fromJsonLd = html(
      page(
        '',
        '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2019-01-02"}]}</script>',
      ),
    );
    expect(fromJsonLd.published).toBe('2019-01-02');
    const fromTime = html(page('<p>Posted <time datetime="2018-07-08T10:11">July 8</time></p>'));
    expect(fromTime.published).toBe('2018-07-08T10:11:00');
    expect(html(page('<p><time datetime="not a date">soon</time></p>')).published).toBeNull();
  });

  it('takes lang from <html lang> (canonicalised), and ignores junk', () => {
    expect(html(`<html lang="pt_br"><title>t</title><p>${FILLER}</p>`).lang).toBe('pt-BR');
    expect(html(`<html lang="&quot;&gt;&lt;x"><title>t</title><p>${FILLER}</p>`).lang).toBeNull();
  });

  it('falls back for the title: <title>, then the first heading, then the file name', () => {
    expect(html('<title> Only  a title </title><p>Short.</p>').title).toBe('Only a title');
    expect(html('<h2>A heading</h2><p>Short text.</p>', 'x.html').title).toBe('A heading');
    expect(html('<p>Just text.</p>', 'notes/2024 trip.html').title).toBe('2024 trip');
  });

  it('imports a very short page from its body when Readability finds no article', () => {
    const a = html('<p>Hi.</p>', 'hi.html');
    expect(bodyToText(a.body)).toBe('Hi.');
  });

  it('refuses a page without readable text', () => {
    expect(() =>
      html(
        '<html><head><title>Empty</title></head><body><script>x()</script> </body></html>',
        'empty.html',
      ),
    ).toThrowError(
      expect.objectContaining({
        code: 'empty_file',
        message: 'empty.html: the page has no readable text',
      }),
    );
  });
});

describe('parseHtml: layout details', () => {
  it('keeps <br> as a line break, collapses source whitespace, keeps pre verbatim', () => {
    const a = html(page('<p>Line one<br>   line   two</p><pre>  indented\n\tcode  </pre>'));
    expect(a.body.blocks).toContainEqual({
      type: 'paragraph',
      content: [{ text: 'Line one\nline two' }],
    });
    expect(a.body.blocks).toContainEqual({ type: 'code', text: '  indented\n\tcode  ' });
  });

  it('turns table rows into paragraphs and images into their alt text', () => {
    const a = html(
      page(
        '<table><tr><th>Year</th><th>Keeper</th></tr><tr><td>1962</td><td>J. MacLeod</td></tr></table><p>Signal <img src="flag.png" alt="🚩"> raised.</p><p><img src="map.png" alt="Map of the coast"></p>',
      ),
    );
    const text = bodyToText(a.body);
    expect(text).toContain('Year | Keeper\n\n1962 | J. MacLeod');
    expect(text).toContain('Signal 🚩 raised.');
    expect(a.body.blocks).toContainEqual({
      type: 'caption',
      content: [{ text: 'Map of the coast' }],
    });
  });

  it('puts blockquote paragraphs in quote blocks and keeps lists inside them as lists', () => {
    const a = html(
      page('<blockquote><p>First.</p><ul><li>item</li></ul><p>Second.</p></blockquote>'),
    );
    const i = a.body.blocks.findIndex((b) => b.type === 'quote');
    expect(a.body.blocks.slice(i, i + 3)).toEqual([
      { type: 'quote', content: [{ text: 'First.' }] },
      { type: 'list', ordered: false, items: [[{ text: 'item' }]] },
      { type: 'quote', content: [{ text: 'Second.' }] },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Hostile content. Each case asserts both that nothing dangerous survives anywhere in the body
// (every inline text and href is walked) and that the visible text around it is kept.
// ---------------------------------------------------------------------------------------------

/** Strings that only ever occur in the hostile markup, never in its visible text. */
const HOSTILE_MARKERS = [
  'alert',
  'onerror',
  'onload',
  'javascript',
  'vbscript',
  'data:',
  'url(',
  'evil',
  '<',
  '>',
  'pwned',
  'expression(',
];

function expectInert(article: ParsedArticle): void {
  for (const block of article.body.blocks) {
    const texts =
      block.type === 'code'
        ? [block.text]
        : block.type === 'list'
          ? block.items.flat().map((s) => s.text)
          : block.content.map((s) => s.text);
    for (const t of texts)
      for (const marker of HOSTILE_MARKERS) expect(t.toLowerCase()).not.toContain(marker);
    const links =
      block.type === 'code' ? [] : block.type === 'list' ? block.items.flat() : block.content;
    for (const span of links) {
      if (span.href !== undefined) {
        expect(span.href).toMatch(/^(https?:\/\/|mailto:)/);
        expect(span.href).not.toContain('evil');
      }
    }
  }
  for (const field of [article.title, article.byline, article.excerpt, article.siteName]) {
    if (field)
      for (const marker of ['<', 'alert', 'pwned'])
        expect(field.toLowerCase()).not.toContain(marker);
  }
}

const HOSTILE_CASES: Array<[string, string]> = [
  ['script', '<script>document.body.innerHTML = "pwned"; alert(1)</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['javascript: link', '<a href="javascript:alert(1)">a link</a>'],
  [
    'obfuscated javascript: link',
    '<a href="  j&#x61;vascript&colon;alert(1)">a link</a><a href="java\tscript:alert(1)">b link</a>',
  ],
  [
    'data: and vbscript: links',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">c link</a><a href="vbscript:msgbox">d link</a>',
  ],
  [
    'iframe',
    '<iframe src="https://evil.example/frame" srcdoc="<script>alert(1)</script>">fallback evil</iframe>',
  ],
  [
    'remote img',
    '<img src="https://evil.example/track.gif" srcset="https://evil.example/2x.gif 2x">',
  ],
  [
    'svg onload',
    '<svg onload="alert(1)"><script>alert(2)</script><text>evil svg text</text></svg>',
  ],
  [
    'style element',
    '<style>body { background: url(https://evil.example/bg.png) } p { color: expression(alert(1)) }</style>',
  ],
  ['meta refresh', '<meta http-equiv="refresh" content="0; url=https://evil.example/">'],
  ['base href', '<base href="https://evil.example/"><a href="/relative">relative link</a>'],
  [
    'CSS url() in a style attribute',
    '<p style="background:url(https://evil.example/x.png)">Styled paragraph.</p>',
  ],
  [
    'forms and plugins',
    '<form action="https://evil.example/"><input name=q value="evil value"><button onclick="alert(1)">evil button</button></form><object data="https://evil.example/x.swf">evil object</object><embed src="https://evil.example/y">',
  ],
  [
    'math and templates',
    '<math><mtext><img src=x onerror=alert(1)></mtext></math><template><script>alert(1)</script></template>',
  ],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
  [
    'event handlers on allowed tags',
    '<p onclick="alert(1)" onmouseover="alert(2)"><b onfocus="alert(3)">Bold handler text.</b></p>',
  ],
  [
    'media',
    '<video src="https://evil.example/v.mp4" poster="https://evil.example/p.jpg">evil fallback</video><audio src="https://evil.example/a.mp3"></audio><picture><source srcset="https://evil.example/s.webp"><img src="https://evil.example/i.jpg"></picture>',
  ],
  [
    'link elements',
    '<link rel="stylesheet" href="https://evil.example/s.css"><link rel="prefetch" href="https://evil.example/p">',
  ],
];

describe('parseHtml: hostile content', () => {
  it.each(HOSTILE_CASES)(
    '%s: nothing dangerous survives, the visible text does',
    (_name, payload) => {
      const a = html(page(`<p>Before the payload.</p>${payload}<p>After the payload.</p>`));
      expectInert(a);
      const text = bodyToText(a.body);
      expect(text).toContain('Before the payload.');
      expect(text).toContain('After the payload.');
      expect(text).toContain(FILLER);
    },
  );

  it('keeps the visible text of neutralised elements', () => {
    const a = html(
      page(
        '<a href="javascript:alert(1)">a link</a> <p onclick="alert(1)">Clickable text.</p><p style="color:red">Styled paragraph.</p>',
      ),
    );
    const text = bodyToText(a.body);
    expect(text).toContain('a link');
    expect(text).toContain('Clickable text.');
    expect(text).toContain('Styled paragraph.');
  });

  it('ignores <base href> when resolving links: only the source URL counts', () => {
    const a = html(
      page('<base href="https://evil.example/dir/"><p><a href="relative">relative link</a></p>'),
      'p.html',
      'https://good.example/a/b',
    );
    expect(spans(a.body.blocks)).toContainEqual({
      text: 'relative link',
      href: 'https://good.example/a/relative',
    });
  });

  it('runs no script and fetches nothing (a local server sees no request)', async () => {
    const { createServer } = await import('node:http');
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('body { }');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const payload = [
        `<link rel="stylesheet" href="${origin}/style.css">`,
        `<style>@import url("${origin}/import.css"); body { background: url(${origin}/bg.png) }</style>`,
        `<script src="${origin}/script.js"></script>`,
        `<script>fetch("${origin}/fetch"); document.title = "pwned"</script>`,
        `<img src="${origin}/img.png" onerror="fetch('${origin}/onerror')">`,
        `<iframe src="${origin}/frame.html"></iframe>`,
        `<meta http-equiv="refresh" content="0; url=${origin}/refresh">`,
        `<object data="${origin}/object"></object><embed src="${origin}/embed"><video poster="${origin}/poster.jpg"></video>`,
        `<p style="background:url(${origin}/inline.png)">Styled paragraph.</p>`,
      ].join('');
      const a = html(
        page(`<p>Before the payload.</p>${payload}<p>After the payload.</p>`),
        'p.html',
        `${origin}/article`,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests).toBe(0);
      expect(a.title).toBe('Test page');
      expectInert(a);
      expect(bodyToText(a.body)).toContain('After the payload.');
    } finally {
      server.close();
    }
  });

  it('survives malformed HTML and keeps its text', () => {
    const a = html(
      `<html><title>Broken</title><body><div><p>One <b>bold <i>both</b> italic?</i><p>Two <span>unclosed` +
        `<div></p></div></div></div><table><td>cell<tr>row</table><ul><li>a<li>b</ul><p attr="x" attr="y" ="z">Three` +
        `<!-- unclosed comment <p>hidden`,
    );
    const text = bodyToText(a.body);
    expect(text).toContain('One bold both italic?');
    expect(text).toContain('Two unclosed');
    expect(text).toContain('Three');
    expect(text).not.toContain('hidden');
  });

  it('imports a 5 MB page in reasonable time without losing its end', () => {
    const paragraph = `<p>${'Lorem ipsum dolor sit amet, <a href="/x">consectetur</a> adipiscing elit. '.repeat(20)}</p>\n`;
    let source = '<!DOCTYPE html><html><head><title>Big</title></head><body><article><h1>Big</h1>';
    while (source.length < 5 * 1024 * 1024)
      source += `<div class="section">${paragraph.repeat(5)}</div>`;
    source += '<p>The very last sentence.</p></article></body></html>';
    const started = Date.now();
    const a = html(source, 'big.html');
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(90);
    const text = bodyToText(a.body);
    expect(text.endsWith('The very last sentence.')).toBe(true);
    expect(text.length).toBeGreaterThan(3_000_000);
  }, 180_000);

  it('degrades gracefully on 10,000 nested divs: no crash, text kept', () => {
    const depth = 10_000;
    const a = html(
      `<title>Deep</title>${'<div>'.repeat(depth)}<p>deep text at the bottom</p>${'</div>'.repeat(depth)}<p>after</p>`,
      'deep.html',
    );
    const text = bodyToText(a.body);
    expect(text).toContain('deep text at the bottom');
    expect(text).toContain('after');
  }, 60_000);

  it('200,000 nested divs: a degraded import or a clear error, never a crash', () => {
    const depth = 200_000;
    const source = `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
    let article: ParsedArticle | undefined;
    let error: unknown;
    try {
      article = html(source, 'abyss.html');
    } catch (e) {
      error = e;
    }
    // Either a clear refusal or a degraded import; never an unexplained crash.
    if (article) expect(bodyToText(article.body)).toContain('x');
    else {
      expect(error).toBeInstanceOf(CommonplaceError);
      expect((error as CommonplaceError).message).toBe(
        'abyss.html: the HTML is nested too deeply to import',
      );
    }
  }, 120_000);
});

describe('parseHtml: text that annotates text is not run into it', () => {
  it('drops ruby readings (furigana), keeping the base text', () => {
    const a = html(
      page(
        '<p><ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>を<ruby>読<rt>よ</rt></ruby>む練習。</p>',
      ),
    );
    expect(bodyToText(a.body)).toContain('漢字を読む練習。');
    expect(bodyToText(a.body)).not.toContain('かんじ');
  });

  it("drops MathML's TeX annotation and the formula's fallback image (Wikipedia's markup)", () => {
    const formula =
      '<span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y"><math xmlns="http://www.w3.org/1998/Math/MathML" alttext="{\\displaystyle E=mc^{2}}"><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow><annotation encoding="application/x-tex">{\\displaystyle E=mc^{2}}</annotation></semantics></math></span><img src="https://wikimedia.org/api/rest_v1/media/math/render/svg/x" class="mwe-math-fallback-image-inline" aria-hidden="true" alt="{\\displaystyle E=mc^{2}}"></span>';
    const text = bodyToText(html(page(`<p>Energy is ${formula} in this frame.</p>`)).body);
    expect(text).not.toContain('displaystyle');
    expect(text).toContain('Energy is');
    expect(text).toContain('in this frame.');
  });

  it('drops alt texts that are only file names', () => {
    const text = bodyToText(
      html(
        page(
          '<p><img src="a.jpg" alt="IMG_2034.JPG"></p><p>Between the pictures.</p><figure><img src="b.png" alt="hero-photo.webp"></figure><p><img src="c.png" alt="A gull on the harbour wall"></p>',
        ),
      ).body,
    );
    expect(text).not.toMatch(/IMG_2034|hero-photo/);
    expect(text).toContain('A gull on the harbour wall');
  });
});

describe('parseHtml: real pages (fixtures/real)', () => {
  const real = (name: string): Uint8Array => readFileSync(join(FIXTURES, 'real', name));

  it('reads an Aozora Bunko work in Shift_JIS: furigana left out of the text, author from Dublin Core (Rashōmon)', () => {
    const a = parseHtml(real('127_15260-rashomon.html'), '127_15260-rashomon.html');
    expect(a.title).toBe('羅生門');
    expect(a.byline).toBe('芥川龍之介');
    expect(a.lang).toBe('ja');
    const text = bodyToText(a.body);
    expect(text).toContain('一人の下人が、羅生門の下で雨やみを待っていた。');
    // Readings and their fallback brackets are not text: no "下人（げにん）".
    expect(text).not.toMatch(/げにん|らしょうもん|下人（/);
  });

  it('drops the site’s name the <title> adds to the page’s own heading, and keeps TeX, not MathML markup names (Wikipedia)', () => {
    const a = parseHtml(
      real('haversine-formula.wikipedia.html'),
      'haversine-formula.wikipedia.html',
    );
    expect(a.title).toBe('Haversine formula');
    const text = bodyToText(a.body);
    expect(text).toContain('\\Theta ={\\frac {d}{r}}');
    expect(text).not.toMatch(/displaystyle|MJX-TeXAtom/);
  });

  it('leaves out an image whose alt text is only its path (Sphinx writes the URI there: Python’s docs)', () => {
    const a = parseHtml(
      real('python-3.11-tkinter.messagebox.html'),
      'python-3.11-tkinter.messagebox.html',
    );
    // The site's name goes from the <title>: the heading matches it once its "¶" permalink is left out.
    expect(a.title).toBe('tkinter.messagebox — Tkinter message prompts');
    const text = bodyToText(a.body);
    expect(text).not.toMatch(/_images|tk_msg\.png/);
    // The text around the picture stays.
    expect(text).toContain('Common message box styles and layouts include but are not limited to:');
    expect(text).toContain('tkinter.messagebox.showinfo(');
  });

  it('takes the name and the date out of a byline run into its widgets (opensource.com)', () => {
    // Its byline element reads "25 Jan 2018 Kedar Vijay Kulkarni (Red Hat) Feed 219up 10 comments";
    // the page's head has no author and no date.
    const file = 'opensource.com-step-step-guide-git.html';
    const a = parseHtml(real(file), file);
    expect(a.title).toBe('A step-by-step guide to Git');
    expect(a.byline).toBe('Kedar Vijay Kulkarni');
    expect(a.published).toBe('2018-01-25');
    expect(bodyToText(a.body)).toContain("Git isn't the same thing as GitHub.");
  });

  it('dates a page saved as HTML by StarOffice from its CREATED stamp (OpenOffice.org’s Basque Math FAQ)', () => {
    // The document sits whole inside the site's template, its own <HEAD> with it: CREATED is
    // "20010617;16122960", the page has no other date.
    const file = 'openoffice.org-eu-math-faq-002.html';
    const a = parseHtml(real(file), file);
    expect(a.published).toBe('2001-06-17T16:12:29');
    expect(a.byline).toBe('Henrik Just');
    expect(bodyToText(a.body)).toContain('eragile bitarra dela da');
  });

  it('keeps a <title> whose tail is not a site name', () => {
    const a = html(
      `<!DOCTYPE html><html><head><title>War and Peace - A Study</title></head><body><article><h1>Tolstoy</h1><p>${FILLER}</p><p>${FILLER}</p></article></body></html>`,
    );
    expect(a.title).toBe('War and Peace - A Study');
  });
});
