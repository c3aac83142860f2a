import { describe, expect, it } from 'vitest';
import { prng } from '../../../test/anchoring-corpus/synthetic';
import {
  CHANCE_SIMILARITY,
  contextAgreement,
  editDistance,
  similarity,
  UNKNOWN_CONTEXT,
} from './similarity';

/** Textbook full-matrix Levenshtein, as the reference for the optimised one. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('gives the textbook values', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('matches the full dynamic programme on random strings, with and without a bound', () => {
    const rand = prng(11);
    const word = (): string =>
      Array.from({ length: Math.floor(rand() * 25) }, () => 'abcde'[Math.floor(rand() * 5)]).join(
        '',
      );
    for (let i = 0; i < 400; i++) {
      const a = word();
      const b =
        rand() < 0.5
          ? word()
          : a.slice(0, Math.floor(rand() * a.length)) +
            'x' +
            a.slice(Math.floor(rand() * a.length));
      const want = reference(a, b);
      expect(editDistance(a, b)).toBe(want);
      expect(editDistance(b, a)).toBe(want);
      const bound = Math.floor(rand() * 8);
      expect(editDistance(a, b, bound)).toBe(want <= bound ? want : bound + 1);
    }
  });
});

describe('similarity and context agreement', () => {
  it('is 1 for equal strings and lower the more they differ', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('', '')).toBe(1);
    expect(similarity('abcd', 'abcx')).toBe(0.75);
    expect(similarity('abcd', 'wxyz')).toBe(0);
  });

  it('rescales context agreement so unrelated prose scores 0', () => {
    expect(contextAgreement('the treaty was signed in ', 'the treaty was signed in ')).toBe(1);
    expect(contextAgreement('', 'anything')).toBe(UNKNOWN_CONTEXT);
    expect(
      contextAgreement('the treaty was signed in Moscow', 'rain all day, so we spent it in'),
    ).toBe(0);
    const oneTypo = contextAgreement(
      'the treaty was signed in Moscow',
      'the treaty was sigend in Moscow',
    );
    expect(oneTypo).toBeGreaterThan(0.8);
    expect(oneTypo).toBeLessThan(1);
    expect(CHANCE_SIMILARITY).toBeGreaterThan(0);
  });
});
