import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from './linkUrl';
import { mentionMatch } from './mentionMatch';
import { countWords, wordCountLabel } from './wordCount';

describe('countWords', () => {
  it('counts words, not punctuation or spaces', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  Hello, world — it’s 2024!  ')).toBe(4);
  });
  it('counts words in scripts without spaces', () => {
    expect(countWords('我们在北京')).toBeGreaterThan(1);
  });
  it('labels', () => {
    expect(wordCountLabel(1)).toBe('1 word');
    expect(wordCountLabel(12000)).toMatch(/^12.000 words$/);
  });
});

describe('mentionMatch', () => {
  it('finds [[ and the query typed after it', () => {
    expect(mentionMatch('see [[putin vis')).toEqual({
      leadOffset: 4,
      matchingString: 'putin vis',
      replaceableString: '[[putin vis',
    });
    expect(mentionMatch('[[')).toEqual({
      leadOffset: 0,
      matchingString: '',
      replaceableString: '[[',
    });
  });
  it('ignores a closed mention, a single bracket, three brackets and line breaks', () => {
    expect(mentionMatch('see [[done]] and')).toBeNull();
    expect(mentionMatch('see [x')).toBeNull();
    expect(mentionMatch('a [[[x')).toBeNull();
    expect(mentionMatch('[[a\nb')).toBeNull();
  });
  it('stops matching after 75 characters (a stray [[ in prose)', () => {
    expect(mentionMatch(`[[${'a'.repeat(75)}`)).not.toBeNull();
    expect(mentionMatch(`[[${'a'.repeat(76)}`)).toBeNull();
  });
});

describe('safeLinkUrl', () => {
  it('accepts web and mail links only', () => {
    expect(safeLinkUrl(' https://example.org/a b ')).toBe('https://example.org/a%20b');
    expect(safeLinkUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,<script>')).toBeNull();
    expect(safeLinkUrl('file:///etc/passwd')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
  });
});
