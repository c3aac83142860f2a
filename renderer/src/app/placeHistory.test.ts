import { describe, expect, it } from 'vitest';
import { NOWHERE, PlaceHistory } from './placeHistory';

const a = { articleId: 'a', noteId: null };
const b = { articleId: 'b', noteId: null };
const bn = { articleId: 'b', noteId: 'n' };

describe('PlaceHistory', () => {
  it('goes back and forward through places', () => {
    const h = new PlaceHistory();
    h.push(a);
    h.push(b);
    h.push(bn);
    expect(h.back()).toEqual(b);
    expect(h.back()).toEqual(a);
    expect(h.back()).toEqual(NOWHERE);
    expect(h.canGoBack).toBe(false);
    expect(h.back()).toEqual(NOWHERE);
    expect(h.forward()).toEqual(a);
    expect(h.canGoForward).toBe(true);
  });

  it('drops forward history when going somewhere new', () => {
    const h = new PlaceHistory();
    h.push(a);
    h.push(b);
    h.back();
    h.push(bn);
    expect(h.canGoForward).toBe(false);
    expect(h.back()).toEqual(a);
  });

  it('does not add a step for the place it is already at', () => {
    const h = new PlaceHistory();
    h.push(a);
    h.push({ ...a });
    expect(h.back()).toEqual(NOWHERE);
  });

  it('keeps a bounded number of steps', () => {
    const h = new PlaceHistory();
    for (let i = 0; i < 500; i++) h.push({ articleId: String(i), noteId: null });
    let steps = 0;
    while (h.canGoBack) {
      h.back();
      steps++;
    }
    expect(steps).toBe(199);
    expect(h.current.articleId).toBe('300');
  });
});
