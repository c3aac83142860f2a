import { describe, expect, it } from 'vitest';
import { bodyToText, makeBody } from '../../model/body';
import { ODD_BODY } from '../../test/oddBody';
import { isCommonplaceError } from '../errors';
import { packBody, unpackBody } from './bodyStore';

describe('article bodies stored without their text', () => {
  it('gives back the same body, span for span, from the structure and the text', () => {
    const text = bodyToText(ODD_BODY);
    const stored = packBody(ODD_BODY, text);
    expect(unpackBody(stored, text, 'article x')).toEqual(ODD_BODY);
    // The text isn't in the stored form: not a word of it.
    for (const word of ['Surrogates', 'combining', '北京', 'three', 'blank', 'zero-width'])
      expect(stored).not.toContain(word);
  });

  it("stores a figure's text as its own kind and reads it back as figure text", () => {
    const body = makeBody([
      { type: 'paragraph', content: [{ text: 'The chart:' }] },
      { type: 'figure', content: [{ text: '2025 2026 0 50 Oats Rye' }] },
      { type: 'caption', content: [{ text: 'Figure 2: Harvest.' }] },
    ]);
    const text = bodyToText(body);
    const stored = packBody(body, text);
    expect(JSON.parse(stored)).toEqual({
      v: 2,
      b: [
        ['p', 10],
        ['f', 23],
        ['c', 18],
      ],
    });
    expect(unpackBody(stored, text, 'article x')).toEqual(body);
  });

  it('keeps a body whole when its text is not the article text, and reads it back as it was', () => {
    const body = makeBody([{ type: 'paragraph', content: [{ text: 'not the text' }] }]);
    const stored = packBody(body, 'something else');
    expect(JSON.parse(stored)).toEqual(body);
    expect(unpackBody(stored, 'something else', 'article x')).toEqual(body);
  });

  it('names the article when a stored body no longer fits its text', () => {
    const text = bodyToText(ODD_BODY);
    const stored = packBody(ODD_BODY, text);
    for (const wrong of [text.slice(1), `${text}!`, text.replace('\n\n', '\n.')]) {
      let error: unknown;
      try {
        unpackBody(stored, wrong, 'article 0190-x');
      } catch (e) {
        error = e;
      }
      expect(isCommonplaceError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^article 0190-x: the stored body doesn't fit/);
    }
  });
});
