import { describe, expect, it } from 'vitest';
import { CommonplaceError } from '../../errors';
import { putinArticle } from '../../../test/anchoring-corpus/texts';
import { CONTEXT_LENGTH, describeRange, findQuote } from './selectors';
import { isLowSurrogate } from './unicode';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CommonplaceError);
    return (e as CommonplaceError).code + ': ' + (e as CommonplaceError).message;
  }
  throw new Error('expected a CommonplaceError');
}

describe('describeRange', () => {
  const text = putinArticle();

  it('stores the quote with 32 units of context each side and the position', () => {
    const start = text.indexOf('signed a presidential decree');
    const sel = describeRange(text, start, start + 28);
    expect(sel.quote.exact).toBe('signed a presidential decree');
    expect(sel.quote.prefix).toBe(text.slice(start - CONTEXT_LENGTH, start));
    expect(sel.quote.suffix).toBe(text.slice(start + 28, start + 28 + CONTEXT_LENGTH));
    expect(sel.position).toEqual({ start, end: start + 28 });
  });

  it('has shorter context at the edges of the text', () => {
    expect(describeRange(text, 0, 7).quote.prefix).toBe('');
    expect(describeRange(text, 3, 7).quote.prefix).toBe(text.slice(0, 3));
    expect(describeRange(text, text.length - 5, text.length).quote.suffix).toBe('');
  });

  it.each([
    [5, 5, /empty/],
    [10, 4, /reversed/],
    [-1, 4, /outside/],
    [0, 10_000_000, /outside/],
    [1.5, 4, /whole numbers/],
    [Number.NaN, 4, /whole numbers/],
    [0, Number.POSITIVE_INFINITY, /whole numbers/],
  ])('refuses the range %s–%s', (start, end, message) => {
    const got = codeOf(() => describeRange(text, start, end));
    expect(got).toMatch(/^invalid_input: /);
    expect(got).toMatch(message);
  });

  it('refuses a range that cuts an emoji in half', () => {
    const t = 'ab😀cd';
    expect(codeOf(() => describeRange(t, 3, 5))).toMatch(/invalid_input: .*in half/);
    expect(codeOf(() => describeRange(t, 0, 3))).toMatch(/invalid_input: .*in half/);
    expect(describeRange(t, 2, 4).quote.exact).toBe('😀');
  });

  it('widens the context rather than split a surrogate pair', () => {
    // The 32-unit cut falls inside the emoji on both sides: context grows to keep it whole.
    const t = 'x😀' + 'p'.repeat(31) + 'QUOTE' + 's'.repeat(31) + '😀y';
    const start = t.indexOf('QUOTE');
    const sel = describeRange(t, start, start + 5);
    expect(sel.quote.prefix).toBe('😀' + 'p'.repeat(31));
    expect(sel.quote.suffix).toBe('s'.repeat(31) + '😀');
    expect(isLowSurrogate(sel.quote.prefix.charCodeAt(0))).toBe(false);
  });
});

describe('findQuote', () => {
  const text = putinArticle();

  it('finds the first and the Nth occurrence', () => {
    const first = findQuote(text, '(Pool Photo via AFP)');
    const second = findQuote(text, '(Pool Photo via AFP)', 2);
    expect(text.slice(first.start, first.end)).toBe('(Pool Photo via AFP)');
    expect(second.start).toBeGreaterThan(first.start);
    expect(text.slice(second.start, second.end)).toBe('(Pool Photo via AFP)');
  });

  it('says when the quote is absent or occurs fewer times than asked', () => {
    expect(codeOf(() => findQuote(text, 'Kim Il Sung Square'))).toBe(
      'not_found: the quote “Kim Il Sung Square” does not occur in the article',
    );
    expect(codeOf(() => findQuote(text, '(Pool Photo via AFP)', 3))).toMatch(
      /^not_found: .* occurs only 2 times in the article, not 3$/,
    );
  });

  it('keeps the message one short line for a long multi-line quote', () => {
    const got = codeOf(() => findQuote(text, 'nothing like this\n\n'.repeat(40)));
    expect(got).not.toContain('\n');
    expect(got.length).toBeLessThan(150);
  });

  it.each([
    ['', 1, /empty/],
    ['Putin', 0, /whole number from 1/],
    ['Putin', 1.5, /whole number from 1/],
    ['Putin', -2, /whole number from 1/],
  ])('refuses quote %j occurrence %s', (quote, occurrence, message) => {
    expect(codeOf(() => findQuote(text, quote, occurrence))).toMatch(message);
  });

  it('never reports half an emoji as an occurrence', () => {
    expect(codeOf(() => findQuote('a😀b', '\ude00'))).toMatch(/^not_found/);
    expect(findQuote('a😀b😀', '😀', 2)).toEqual({ start: 4, end: 6 });
  });
});
