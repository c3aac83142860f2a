import { describe, expect, it } from 'vitest';
import { findMatches, foldText } from './findMatcher';

const found = (text: string, query: string) =>
  findMatches(text, query).map((m) => text.slice(m.start, m.end));

describe('findMatches', () => {
  it('ignores case', () => {
    const text = 'Putin met Kim. PUTIN left. putin?';
    expect(findMatches(text, 'putin')).toEqual([
      { start: 0, end: 5 },
      { start: 15, end: 20 },
      { start: 27, end: 32 },
    ]);
  });

  it('ignores diacritics both ways and maps back to the original characters', () => {
    const text = 'Café au lait, cafe noir, CAFÉ';
    expect(found(text, 'cafe')).toEqual(['Café', 'cafe', 'CAFÉ']);
    expect(found(text, 'café')).toEqual(['Café', 'cafe', 'CAFÉ']);
    expect(found('Dvořák and Dvorak', 'dvorak')).toEqual(['Dvořák', 'Dvorak']);
  });

  it('covers decomposed marks in the original text', () => {
    const text = 'Cafe\u0301 ok';
    expect(findMatches(text, 'cafe')).toEqual([{ start: 0, end: 5 }]);
  });

  it('matches CJK as plain substrings', () => {
    const text = '朝鮮労働党の機関紙、労働新聞。한국어 문장';
    expect(findMatches(text, '労働')).toEqual([
      { start: 2, end: 4 },
      { start: 10, end: 12 },
    ]);
    expect(found(text, '한국')).toEqual(['한국']);
    // A jamo prefix of a syllable is not a match for the syllable.
    expect(findMatches('한', '하')).toEqual([]);
    // Voicing marks are letters, not accents.
    expect(findMatches('が', 'か')).toEqual([]);
  });

  it('gives UTF-16 offsets past emoji', () => {
    const text = '😀 Putin 👨‍👩‍👧 putin';
    const matches = findMatches(text, 'PUTIN');
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['Putin', 'putin']);
    expect(matches[0]!.start).toBe(3);
    expect(found(text, '👨‍👩‍👧')).toEqual(['👨‍👩‍👧']);
  });

  it('finds non-overlapping matches and nothing for empty or blank queries', () => {
    expect(findMatches('aaaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findMatches('abc', '')).toEqual([]);
    expect(findMatches('a b', '  ')).toEqual([]);
    expect(findMatches('abc', 'abcd')).toEqual([]);
  });

  it('treats regex and markup characters literally', () => {
    expect(found('a.*b (c) <img onerror=x>', '.*')).toEqual(['.*']);
    expect(found('a.*b (c) <img onerror=x>', '<IMG')).toEqual(['<img']);
  });

  it('respects the limit', () => {
    expect(findMatches('x'.repeat(100), 'x', 7)).toHaveLength(7);
  });

  it('keeps folded offsets aligned with the original', () => {
    const folded = foldText('Éa😀');
    expect(folded.folded).toBe('ea😀');
    expect(folded.starts).toEqual([0, 1, 2, 2]);
    expect(folded.ends).toEqual([1, 2, 4, 4]);
  });
});
