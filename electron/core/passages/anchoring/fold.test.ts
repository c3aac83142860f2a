import { describe, expect, it } from 'vitest';
import { fold, foldString, toRawRange } from './fold';
import { prng } from '../../../test/anchoring-corpus/synthetic';

describe('fold', () => {
  it('collapses whitespace runs, newlines included, to one space', () => {
    const f = fold('a \n\t\u00a0 b\n\nc');
    expect(f.text).toBe('a b c');
    expect(toRawRange(f, 1, 2)).toEqual({ start: 1, end: 6 });
    expect(toRawRange(f, 0, 5)).toEqual({ start: 0, end: 10 });
  });

  it('makes curly and straight quotes, dashes and full-width forms equal', () => {
    expect(foldString('‘it’s’ “x” „y‟ «z»')).toBe(foldString('\'it\'s\' "x" "y" "z"'));
    expect(foldString('a–b—c‒d−e')).toBe('a-b-c-d-e');
    expect(foldString('ＡＢＣ，１２３！')).toBe('ABC,123!');
  });

  it('drops invisible characters and expands the ellipsis, mapping back to the raw text', () => {
    const f = fold('so\u00adft\u200b wait…now');
    expect(f.text).toBe('soft wait...now');
    const dots = f.text.indexOf('...');
    expect(toRawRange(f, dots, dots + 3)).toEqual({ start: 11, end: 12 });
    expect(toRawRange(f, 0, 4)).toEqual({ start: 0, end: 5 });
  });

  it('returns plain text as the same string', () => {
    const plain = 'Nothing to fold here.';
    expect(fold(plain).text).toBe(plain);
  });

  it('keeps its offset maps consistent on random text', () => {
    const rand = prng(7);
    const alphabet = [
      'a',
      'b',
      ' ',
      '\n',
      '\t',
      '’',
      '“',
      '—',
      '…',
      '\u00ad',
      '😀',
      '中',
      'Ｘ',
      '\u00a0',
    ];
    for (let round = 0; round < 200; round++) {
      let raw = '';
      const len = Math.floor(rand() * 40);
      for (let i = 0; i < len; i++) raw += alphabet[Math.floor(rand() * alphabet.length)];
      const f = fold(raw);
      expect(f.rawStart.length).toBe(f.text.length);
      for (let i = 0; i < f.text.length; i++) {
        expect(f.rawStart[i]!).toBeLessThan(f.rawEnd[i]!);
        if (i > 0) expect(f.rawStart[i]!).toBeGreaterThanOrEqual(f.rawStart[i - 1]!);
        expect(f.fromRaw[f.rawStart[i]!]!).toBeLessThanOrEqual(i);
      }
      for (let r = 1; r <= raw.length; r++)
        expect(f.fromRaw[r]!).toBeGreaterThanOrEqual(f.fromRaw[r - 1]!);
      expect(f.fromRaw[raw.length]).toBe(f.text.length);
      // Folding is idempotent: folded text folds to itself.
      expect(foldString(f.text)).toBe(f.text);
    }
  });
});
