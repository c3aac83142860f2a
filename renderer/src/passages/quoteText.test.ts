import { describe, expect, it } from 'vitest';
import { shortQuote } from './quoteText';

describe('shortQuote', () => {
  it('folds whitespace and keeps short quotes whole', () => {
    expect(shortQuote('  one\n\ntwo  three ')).toBe('one two three');
  });

  it('cuts long quotes with an ellipsis, never inside an emoji', () => {
    const cut = shortQuote('a'.repeat(8) + '😀😀😀', 10);
    expect(cut).toBe('aaaaaaaa…');
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(shortQuote('ab😀cd', 4)).toBe('ab…');
  });
});
