import { describe, expect, it } from 'vitest';
import { SNIPPET_HIT_CLOSE as C, SNIPPET_HIT_OPEN as O } from '../../../electron/model/search';
import { splitSnippet } from './snippet';

describe('splitSnippet', () => {
  it('splits text and hits in order', () => {
    expect(splitSnippet(`the ${O}Rodong${C} Sinmun ${O}daily${C}.`)).toEqual([
      { text: 'the ', hit: false },
      { text: 'Rodong', hit: true },
      { text: ' Sinmun ', hit: false },
      { text: 'daily', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('returns nothing for an empty snippet and plain text for one without hits', () => {
    expect(splitSnippet('')).toEqual([]);
    expect(splitSnippet('no hits here')).toEqual([{ text: 'no hits here', hit: false }]);
  });

  it('keeps hostile markup as literal text', () => {
    const hostile = `<img src=x onerror="alert(1)">${O}<script>x()</script>${C}&amp;`;
    const segments = splitSnippet(hostile);
    expect(segments).toEqual([
      { text: '<img src=x onerror="alert(1)">', hit: false },
      { text: '<script>x()</script>', hit: true },
      { text: '&amp;', hit: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(hostile.replaceAll(O, '').replaceAll(C, ''));
  });

  it('tolerates unbalanced and doubled delimiters without losing text', () => {
    expect(splitSnippet(`a${O}b`)).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: true },
    ]);
    expect(splitSnippet(`a${C}b${O}${O}c${C}${C}`)).toEqual([
      { text: 'ab', hit: false },
      { text: 'c', hit: true },
    ]);
  });

  it('keeps surrogate pairs whole', () => {
    expect(splitSnippet(`😀${O}🇯🇵${C}`)).toEqual([
      { text: '😀', hit: false },
      { text: '🇯🇵', hit: true },
    ]);
  });
});
