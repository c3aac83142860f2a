import { describe, expect, it } from 'vitest';
import { trimRange } from './trimRange';

describe('trimRange', () => {
  it('trims spaces, line breaks and block separators at both ends', () => {
    const text = 'caption \n\n  Body text here.\n\n';
    const r = trimRange(text, 7, text.length);
    expect(r && text.slice(r.start, r.end)).toBe('Body text here.');
    expect(trimRange('  a  ', 0, 5)).toEqual({ start: 2, end: 3 });
  });

  it('keeps whitespace inside the range', () => {
    const text = 'one\n\ntwo';
    expect(trimRange(text, 0, text.length)).toEqual({ start: 0, end: 8 });
  });

  it('is null for an empty or all-whitespace range', () => {
    expect(trimRange('abc', 1, 1)).toBeNull();
    expect(trimRange('a \n\n b', 1, 5)).toBeNull();
    expect(trimRange('', 0, 0)).toBeNull();
  });

  it('orders reversed offsets and clamps to the text', () => {
    expect(trimRange('hello', 4, 1)).toEqual({ start: 1, end: 4 });
    expect(trimRange('hello', -5, 99)).toEqual({ start: 0, end: 5 });
  });

  it('widens a range that would cut an emoji in half', () => {
    const text = 'a😀b🇰🇵c';
    const r = trimRange(text, 2, 5); // starts inside 😀, ends inside the flag
    expect(r && text.slice(r.start, r.end)).toBe('😀b🇰');
    const flagStart = text.indexOf('🇰🇵');
    const whole = trimRange(text, flagStart + 1, flagStart + 3);
    expect(whole && text.slice(whole.start, whole.end)).toBe('🇰🇵');
  });
});
