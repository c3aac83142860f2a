import { describe, expect, it } from 'vitest';
import { textDirection } from './direction';

describe('textDirection', () => {
  it.each([
    ['he', 'rtl'],
    ['ar-EG', 'rtl'],
    ['fa', 'rtl'],
    ['und-Arab', 'rtl'],
    ['und-Hebr', 'rtl'],
    ['az-Arab', 'rtl'],
    ['ur-Latn', undefined],
    ['en-GB', undefined],
    ['ja', undefined],
    [null, undefined],
  ])('%s → %s', (lang, dir) => {
    expect(textDirection(lang)).toBe(dir);
  });
});
