import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToText, type Block, type Inline } from '../../../model/body';
import { CommonplaceError } from '../../errors';
import { parseMarkdown, readMarkdown } from './parse';

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '..', 'fixtures', 'markdown', name), 'utf8');

function spans(blocks: readonly Block[]): Inline[] {
  return blocks.flatMap((b) =>
    b.type === 'list' ? b.items.flat() : b.type === 'code' ? [{ text: b.text }] : b.content,
  );
}

describe('parseMarkdown: a note with front matter', () => {
  const { article, warnings } = readMarkdown(fixture('field-notes.md'), 'field-notes.md');
  const blocks = article.body.blocks;

  it('maps the front matter fields', () => {
    expect(warnings).toEqual([]);
    expect(article).toMatchObject({
      format: 'markdown',
      title: 'Field Notes: Tidal Pools',
      subtitle: 'A week on the Lleyn peninsula',
      byline: 'Ana Ruiz, Tom Price',
      published: '2022-08-14T18:30:00',
      siteName: 'example.org',
      lang: 'en-GB',
      excerpt: 'Anemones, blennies and a very patient crab.',
      tags: ['ecology', 'rock pools'],
    });
  });

  it('does not repeat the title heading in the body', () => {
    expect(blocks[0]?.type).toBe('paragraph');
    expect(bodyToText(article.body)).not.toContain('Field Notes: Tidal Pools');
  });

  it('converts paragraphs (soft breaks are spaces), inline marks and character references', () => {
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { text: 'Low tide came at ' },
        { text: '06:40', marks: ['bold'] },
        { text: ', and by seven the pools on the ' },
        { text: 'north', marks: ['italic'] },
        { text: ' side were exposed. We counted ' },
        { text: '23', marks: ['code'] },
        { text: ' beadlet anemones in the first pool alone — more than in any survey since 2015.' },
      ],
    });
  });

  it('converts headings, lists (nested and task items flattened), quotes, code and tables', () => {
    expect(blocks).toContainEqual({
      type: 'heading',
      level: 2,
      content: [{ text: 'What we found' }],
    });
    const lists = blocks.filter((b) => b.type === 'list');
    expect(
      lists.map(
        (l) => l.type === 'list' && [l.ordered, l.items.map((i) => i.map((s) => s.text).join(''))],
      ),
    ).toEqual([
      [
        false,
        [
          'Beadlet anemones (Actinia equina)',
          'Shore crabs',
          'one with a missing claw',
          'two moulting',
          '[x] photographed the blenny',
          '[ ] found a starfish',
        ],
      ],
      [true, ['Measure the pool.', 'Count the species.']],
    ]);
    expect(blocks).toContainEqual({
      type: 'quote',
      content: [{ text: 'The sea is a patient teacher. It repeats itself twice a day.' }],
    });
    expect(blocks).toContainEqual({
      type: 'code',
      text: 'def tide(hours):\n    return hours % 12.42',
    });
    expect(bodyToText(article.body)).toContain(
      'Pool | Anemones | Crabs\n\nA | 23 | 4\n\nB | 11 | none',
    );
  });

  it('turns a lone image into a caption and keeps only absolute http(s)/mailto links', () => {
    expect(blocks).toContainEqual({
      type: 'caption',
      content: [{ text: 'A blenny hiding under a ledge' }],
    });
    const all = spans(blocks);
    expect(all).toContainEqual({
      text: 'survey protocol',
      href: 'https://www.example.org/protocol',
    });
    expect(all).toContainEqual({ text: 'mailto:ana@example.org', href: 'mailto:ana@example.org' });
    expect(all.filter((s) => s.href).map((s) => s.href)).toEqual([
      'https://www.example.org/protocol',
      'mailto:ana@example.org',
    ]);
    const text = bodyToText(article.body);
    expect(text).toContain('the local copy, or write to');
    expect(text).toContain("Don't click this.");
    expect(text).toContain('Line one\nline two');
  });
});

describe('parseMarkdown: front matter edge cases', () => {
  it('imports the body anyway when the YAML is malformed, salvaging simple fields and saying why', () => {
    const { article, warnings } = readMarkdown(fixture('broken-front-matter.md'), 'broken.md');
    expect(warnings).toEqual([
      'broken.md: front matter is not valid YAML (line 2): Nested mappings are not allowed in compact mappings',
    ]);
    expect(article).toMatchObject({
      title: 'Part 2: The Return',
      published: '2021-03-04',
      byline: "Sam O'Neill",
      tags: ['travel', 'notes'],
    });
    expect(bodyToText(article.body)).toBe('The body is still here.');
  });

  it('reads tags from a comma-separated string or #hashtags, dropping duplicates', () => {
    expect(parseMarkdown('---\ntags: alpha, Beta , alpha\n---\nx', 'a.md').tags).toEqual([
      'alpha',
      'Beta',
    ]);
    expect(parseMarkdown('---\ntags: "#one #two"\n---\nx', 'a.md').tags).toEqual(['one', 'two']);
    expect(parseMarkdown('---\ntags: single tag\n---\nx', 'a.md').tags).toEqual(['single tag']);
    expect(parseMarkdown('---\ntags: {a: 1}\n---\nx', 'a.md').tags).toEqual([]);
  });

  it('normalises dates and ignores ones it cannot read', () => {
    expect(parseMarkdown('---\ndate: 2020-02-29T10:00:00+01:00\n---\nx', 'a.md').published).toBe(
      '2020-02-29T10:00:00+01:00',
    );
    expect(parseMarkdown('---\npublished: "March 3, 2019"\n---\nx', 'a.md').published).toBe(
      '2019-03-03',
    );
    expect(parseMarkdown('---\ndate: someday\n---\nx', 'a.md').published).toBeNull();
  });

  it('treats a --- block that is not a YAML mapping as Markdown (thematic break + setext heading)', () => {
    const a = parseMarkdown('---\nJust a heading\n---\n\nText.', 'a.md');
    // A `---` underline makes a level-2 heading: a section, not the document's title.
    expect(a.title).toBe('a');
    expect(bodyToText(a.body)).toBe('Just a heading\n\nText.');
  });

  it('withstands alias bombs in front matter', () => {
    const bomb = [
      '---',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'title: Bomb',
      '---',
      'Body.',
    ].join('\n');
    const { article, warnings } = readMarkdown(bomb, 'bomb.md');
    expect(bodyToText(article.body)).toBe('Body.');
    expect(article.title).toBe('Bomb');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^bomb\.md: front matter is not valid YAML: .*(alias|resource exhaustion)/i,
    );
  });

  it('ignores front matter values of the wrong shape', () => {
    const a = parseMarkdown(
      '---\ntitle: [1, 2]\nauthor: {name: Kim}\nlang: "<script>"\n---\n# Real title\n\nText.',
      'a.md',
    );
    expect(a.title).toBe('Real title');
    expect(a.byline).toBe('Kim');
    expect(a.lang).toBeNull();
  });
});

describe('parseMarkdown: titles', () => {
  it('takes an opening heading as the title and leaves it out of the body', () => {
    const a = parseMarkdown('# My *notes*\n\nSome text.', 'n.md');
    expect(a.title).toBe('My notes');
    expect(a.body.blocks).toEqual([{ type: 'paragraph', content: [{ text: 'Some text.' }] }]);
  });

  it('uses the first top-level heading anywhere (kept in place) when the document does not open with one', () => {
    const a = parseMarkdown('Intro.\n\n## Section\n\nMore.\n\n# Later title\n\nEnd.', 'n.md');
    expect(a.title).toBe('Later title');
    expect(a.body.blocks).toHaveLength(5);
  });

  it('leaves badge images out of a heading (real README, fixtures/real), but not an image-only heading', () => {
    const file = join(__dirname, '..', 'fixtures', 'real', 'dotenv-README-es.md');
    expect(parseMarkdown(readFileSync(file, 'utf8'), 'README-es.md').title).toBe('dotenv');
    const badge = parseMarkdown(
      '# tool [![npm](https://x.test/b.svg)](https://x.test)\n\nText.',
      'r.md',
    );
    expect(badge.title).toBe('tool');
    expect(parseMarkdown('# ![Logo of the tool](logo.png)\n\nText.', 'r.md').title).toBe(
      'Logo of the tool',
    );
  });

  it('never takes a lower-level heading as the title: the file name instead', () => {
    const a = parseMarkdown('### Installation\n\nRun it.\n\n## Usage\n\nUse it.', 'tool-notes.md');
    expect(a.title).toBe('tool-notes');
    expect(a.body.blocks[0]).toEqual({
      type: 'heading',
      level: 3,
      content: [{ text: 'Installation' }],
    });
  });

  it('takes the date of a file named by the date alone (real meeting minutes, fixtures/real)', () => {
    const file = join(__dirname, '..', 'fixtures', 'real', '2015-01-30.md');
    const a = parseMarkdown(readFileSync(file, 'utf8'), '2015-01-30.md');
    expect(a.published).toBe('2015-01-30');
    expect(a.title).toBe('streams WG Meeting 2015-01-30');
  });

  it('reads a Start Date: line, and takes no lower-level heading for the title (a Rust RFC, fixtures/real)', () => {
    const file = join(__dirname, '..', 'fixtures', 'real', '0490-dst-syntax.md');
    const a = parseMarkdown(readFileSync(file, 'utf8'), '0490-dst-syntax.md');
    expect(a.published).toBe('2014-11-29');
    // No top-level heading: the file name, not the first "## Summary".
    expect(a.title).toBe('0490-dst-syntax');
  });

  it('takes the date of a dated file name and leaves it out of the title', () => {
    const a = parseMarkdown('Some text.', 'posts/2015-04-10-tide-tables.md');
    expect(a.published).toBe('2015-04-10');
    expect(a.title).toBe('tide-tables');
  });

  it('reads a Date: or Start Date: line near the top', () => {
    const rfc = parseMarkdown(
      '- Feature Name: tide_tables\n- Start Date: 2014-03-20\n- RFC PR: 12\n\n# Summary\n\nText.',
      'rfc.md',
    );
    expect(rfc.published).toBe('2014-03-20');
    const memo = parseMarkdown('# Memo\n\nDate: 18 June 2024\n\nText.', 'memo.md');
    expect(memo.published).toBe('2024-06-18');
    // Front matter wins over both.
    expect(
      parseMarkdown('---\ndate: 2020-01-02\n---\nDate: 2019-01-01\n\nx', '2018-01-01-a.md')
        .published,
    ).toBe('2020-01-02');
  });

  it('falls back to the file name, and keeps a lone heading as the body', () => {
    expect(parseMarkdown('Only text.', 'dir/2024-05 trip.md').title).toBe('2024-05 trip');
    const lone = parseMarkdown('# Just this', 'n.md');
    expect(lone.title).toBe('Just this');
    expect(bodyToText(lone.body)).toBe('Just this');
  });

  it('refuses a file with front matter and nothing else', () => {
    expect(() => parseMarkdown('---\ntitle: Empty\n---\n\n', 'e.md')).toThrowError(
      expect.objectContaining({
        code: 'empty_file',
        message: 'e.md: the file has no text besides its front matter',
      }),
    );
  });
});

describe('parseMarkdown: raw HTML and hostile input', () => {
  const MARKERS = ['alert', 'onerror', 'javascript', '<', '>', 'evil', 'pwned'];

  function expectInert(blocks: readonly Block[]): void {
    for (const span of spans(blocks)) {
      for (const marker of MARKERS) expect(span.text.toLowerCase()).not.toContain(marker);
      if (span.href !== undefined) expect(span.href).toMatch(/^(https?:\/\/|mailto:)/);
    }
  }

  it.each([
    ['inline script', 'Before <script>alert("pwned")</script> after.'],
    ['block script', 'Before.\n\n<script>\nalert("pwned")\n</script>\n\nAfter.'],
    ['inline img onerror', 'Before <img src=x onerror="alert(1)"> after.'],
    [
      'html block with handlers',
      'Before.\n\n<div onclick="alert(1)" style="background:url(https://evil.example/)">Inside <b>div</b></div>\n\nAfter.',
    ],
    ['iframe block', 'Before.\n\n<iframe src="https://evil.example/"></iframe>\n\nAfter.'],
    [
      'javascript: links',
      'Before [x](javascript:alert(1)) <a href="javascript:alert(2)">y</a> [z](<javascript:alert(3)>) after.',
    ],
    ['data: and vbscript: links', 'Before [x](data:text/html,evil) [y](vbscript:evil) after.'],
    ['remote image', 'Before ![](https://evil.example/track.gif) after.'],
    [
      'style and svg',
      'Before <style>p{background:url(https://evil.example)}</style> <svg onload=alert(1)><text>evil</text></svg> after.',
    ],
    ['comment', 'Before <!-- <script>alert(1)</script> --> after.'],
  ])('%s: nothing dangerous survives, the visible text does', (_name, source) => {
    const a = parseMarkdown(source, 'h.md');
    expectInert(a.body.blocks);
    const text = bodyToText(a.body);
    expect(text).toMatch(/Before/);
    expect(text).toMatch(/after/i);
  });

  it('interprets harmless inline tags instead of showing them', () => {
    const a = parseMarkdown(
      'Press <kbd>Ctrl</kbd> and <b>hold</b>,<br>then <a href="https://example.com/x">go</a>.',
      'k.md',
    );
    expect(a.body.blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { text: 'Press ' },
        { text: 'Ctrl', marks: ['code'] },
        { text: ' and ' },
        { text: 'hold', marks: ['bold'] },
        { text: ',\nthen ' },
        { text: 'go', href: 'https://example.com/x' },
        { text: '.' },
      ],
    });
  });

  it('converts HTML blocks with the HTML importer rules', () => {
    const a = parseMarkdown(
      'Intro.\n\n<blockquote><p>Quoted <em>text</em>.</p></blockquote>\n\n<ul><li>one</li><li>two</li></ul>\n',
      'b.md',
    );
    expect(a.body.blocks.slice(1)).toEqual([
      {
        type: 'quote',
        content: [{ text: 'Quoted ' }, { text: 'text', marks: ['italic'] }, { text: '.' }],
      },
      { type: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two' }]] },
    ]);
  });

  it('keeps character references literal in code and decodes them elsewhere', () => {
    const a = parseMarkdown('AT&amp;T &copy; &notanentity; `a &amp; b`', 'e.md');
    expect(a.body.blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ text: 'AT&T © &notanentity; ' }, { text: 'a &amp; b', marks: ['code'] }],
    });
  });

  it('survives absurd nesting: a clear error or a degraded import, never a crash', () => {
    for (const source of [
      '>'.repeat(50_000) + ' deep',
      `${'- '.repeat(5_000)}deep`,
      `${'*'.repeat(20_000)}deep${'*'.repeat(20_000)}`,
    ]) {
      let text: string | undefined;
      try {
        text = bodyToText(parseMarkdown(source, 'deep.md').body);
      } catch (e) {
        expect(e).toBeInstanceOf(CommonplaceError);
        expect((e as CommonplaceError).message).toBe(
          'deep.md: the Markdown is nested too deeply to import',
        );
      }
      if (text !== undefined) expect(text).toContain('deep');
    }
  }, 60_000);
});
