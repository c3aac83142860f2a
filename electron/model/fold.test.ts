import { describe, expect, it } from 'vitest';
import { foldCase, sortKey } from './fold';

const sorted = (titles: string[]) =>
  [...titles].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

describe('sortKey', () => {
  it('files accented letters under their base letter, not after z', () => {
    expect(sorted(['Zebra', 'Émile', 'apple', 'Ökonomie', 'oak'])).toEqual([
      'apple',
      'Émile',
      'oak',
      'Ökonomie',
      'Zebra',
    ]);
  });

  it('ignores leading punctuation and breaks ties by the folded text', () => {
    expect(sorted(['“Quoted”', '(Aside)', 'plain', '¿Qué?'])).toEqual([
      '(Aside)',
      'plain',
      '¿Qué?',
      '“Quoted”',
    ]);
    // Same letters, accent only: the unaccented first, then case never separates them.
    expect(sorted(['émile', 'emile', 'Émile'])).toEqual(['emile', 'émile', 'Émile']);
    expect(sortKey('Émile')).not.toBe(sortKey('Emile'));
    expect(sortKey('Émile')).toBe(sortKey('émile'));
  });

  it('puts a shorter word before its extensions', () => {
    expect(sorted(['ea', 'é', 'e'])).toEqual(['e', 'é', 'ea']);
  });

  it('keeps other scripts in code point order after Latin, case folded', () => {
    expect(sorted(['Привет', 'Η ΟΔΟΣ', 'zeta', 'άλφα'])).toEqual([
      'zeta',
      'άλφα',
      'Η ΟΔΟΣ',
      'Привет',
    ]);
    expect(sortKey('ΟΔΟΣ').startsWith(foldCase('οδοσ'))).toBe(true);
  });

  it('handles text with no letters at all', () => {
    expect(sortKey('...')).toBe('\u0001...');
    expect(sortKey('')).toBe('\u0001');
  });
});
