import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from './linkUrl';
import { mentionMatch } from './mentionMatch';
import {
  clampRatio,
  DEFAULT_LAYOUT,
  loadLayout,
  MAX_RATIO,
  MIN_RATIO,
  parseLayout,
  ratioForKey,
  saveLayout,
} from './splitLayout';
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

describe('split layout', () => {
  it('clamps the ratio and survives garbage in storage', () => {
    expect(clampRatio(0)).toBe(MIN_RATIO);
    expect(clampRatio(5)).toBe(MAX_RATIO);
    expect(clampRatio(Number.NaN)).toBe(DEFAULT_LAYOUT.ratio);
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('[1,2]')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"ratio":"wide","noteId":"<img onerror=x>"}')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"ratio":0.05,"noteId":"0190a8e2-1111-7222-8333-444455556666"}')).toEqual({
      ratio: MIN_RATIO,
      noteId: '0190a8e2-1111-7222-8333-444455556666',
    });
  });
  it('round-trips through storage, and a broken storage is not fatal', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveLayout({ ratio: 0.3, noteId: '0190a8e2-1111-7222-8333-444455556666' }, storage);
    expect(loadLayout(storage)).toEqual({
      ratio: 0.3,
      noteId: '0190a8e2-1111-7222-8333-444455556666',
    });
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadLayout(broken)).toEqual(DEFAULT_LAYOUT);
    expect(() => saveLayout(DEFAULT_LAYOUT, broken)).not.toThrow();
  });
  it('moves the divider with the keyboard', () => {
    expect(ratioForKey('ArrowLeft', 0.5)).toBeCloseTo(0.48);
    expect(ratioForKey('ArrowRight', 0.5)).toBeCloseTo(0.52);
    expect(ratioForKey('PageDown', 0.5)).toBeCloseTo(0.7);
    expect(ratioForKey('ArrowRight', MAX_RATIO)).toBe(MAX_RATIO);
    expect(ratioForKey('Home', 0.5)).toBe(MIN_RATIO);
    expect(ratioForKey('End', 0.5)).toBe(MAX_RATIO);
    expect(ratioForKey('a', 0.5)).toBeNull();
  });
});
