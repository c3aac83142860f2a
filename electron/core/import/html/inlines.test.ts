import { describe, expect, it } from 'vitest';
import { InlineRun, PLAIN, withHref, withMark } from './inlines';
import { normalizeDate } from './dates';
import { normalizeLang } from './lang';
import { safeHref } from './links';

describe('InlineRun', () => {
  it('collapses whitespace across pieces like a browser and trims the block', () => {
    const run = new InlineRun();
    run.text('  \n Hello \t  ');
    run.text('  big ', withMark(PLAIN, 'bold'));
    run.text('\n world  ');
    expect(run.take()).toEqual([
      { text: 'Hello ' },
      { text: 'big', marks: ['bold'] },
      { text: ' world' },
    ]);
  });

  it('keeps NBSP (content, not layout) and turns breaks into single newlines', () => {
    const run = new InlineRun();
    run.text('a\u00a0\u00a0b ');
    run.lineBreak();
    run.lineBreak();
    run.text('  c');
    run.lineBreak();
    expect(run.take()).toEqual([{ text: 'a\u00a0\u00a0b\nc' }]);
  });

  it('keeps separating spaces out of links and code spans', () => {
    const run = new InlineRun();
    run.text('see ', PLAIN);
    run.text(' the docs ', withHref(PLAIN, 'https://example.com/'));
    run.text(' or ', PLAIN);
    run.text('npm test', withMark(PLAIN, 'code'));
    expect(run.take()).toEqual([
      { text: 'see ' },
      { text: 'the docs', href: 'https://example.com/' },
      { text: ' or ' },
      { text: 'npm test', marks: ['code'] },
    ]);
  });

  it('merges neighbours with the same style and orders marks canonically', () => {
    const run = new InlineRun();
    const style = withMark(withMark(PLAIN, 'italic'), 'bold');
    run.text('a', style);
    run.text('b', withMark(withMark(PLAIN, 'bold'), 'italic'));
    expect(run.take()).toEqual([{ text: 'ab', marks: ['bold', 'italic'] }]);
    expect(run.isBlank()).toBe(true);
  });
});

describe('safeHref', () => {
  it('keeps absolute http(s) and mailto, resolving relative references against a base', () => {
    expect(safeHref('https://example.com/a?b=1#c')).toBe('https://example.com/a?b=1#c');
    expect(safeHref('  MAILTO:someone@example.com ')).toBe('mailto:someone@example.com');
    expect(safeHref('../x', 'https://example.com/a/b/c')).toBe('https://example.com/a/x');
    expect(safeHref('//cdn.example.com/x', 'https://example.com/')).toBe(
      'https://cdn.example.com/x',
    );
    expect(safeHref('/x')).toBeUndefined();
  });

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'blob:https://example.com/uuid',
    'http://',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('drops %j', (href) => {
    expect(safeHref(href, 'https://example.com/')).toBeUndefined();
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2024-06-18', '2024-06-18'],
    ['2024-06', '2024-06'],
    ['2024-06-18T16:20', '2024-06-18T16:20:00'],
    ['2024-06-18 16:20:05.123', '2024-06-18T16:20:05'],
    ['2024-06-18T16:20:00+0200', '2024-06-18T16:20:00+02:00'],
    ['2024-06-18T16:20:00z', '2024-06-18T16:20:00Z'],
    ['Tue, 18 Jun 2024 16:20:00 GMT', '2024-06-18T16:20:00Z'],
    ['June 18, 2024', '2024-06-18'],
    ['18 June 2024 09:05', '2024-06-18T09:05:00'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it.each([
    '2024-02-30',
    '2024-13-01',
    '2024-06-18T25:00',
    'yesterday',
    '',
    'x'.repeat(200),
    '0999-01-01',
  ])('rejects %j', (input) => {
    expect(normalizeDate(input)).toBeNull();
  });

  it('accepts Date objects and year numbers', () => {
    expect(normalizeDate(new Date(Date.UTC(2020, 0, 2, 3, 4, 5)))).toBe('2020-01-02T03:04:05Z');
    expect(normalizeDate(1999)).toBe('1999');
    expect(normalizeDate(12)).toBeNull();
  });
});

describe('normalizeLang', () => {
  it('canonicalises BCP 47 tags and drops junk', () => {
    expect(normalizeLang('en_us')).toBe('en-US');
    expect(normalizeLang(' zh-hant-tw ')).toBe('zh-Hant-TW');
    expect(normalizeLang('"><script>')).toBeNull();
    expect(normalizeLang('')).toBeNull();
    expect(normalizeLang(42)).toBeNull();
  });
});
