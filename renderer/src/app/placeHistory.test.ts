import { describe, expect, it } from 'vitest';
import { nextPlace, NOWHERE, PlaceHistory } from './placeHistory';

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

describe('PlaceHistory spots and scroll', () => {
  const spot1 = { articleId: 'a', noteId: null, spot: { start: 10, end: 20 } };
  const spot2 = { articleId: 'a', noteId: null, spot: { start: 40, end: 50 } };

  it('makes a step for another passage of the same article, none for the same passage', () => {
    const h = new PlaceHistory();
    h.push(a);
    h.push(spot1);
    h.push({ ...spot1, spot: { start: 10, end: 20 } });
    h.push(spot2);
    expect(h.back()).toEqual(spot1);
    expect(h.back()).toEqual(a);
    expect(h.forward()).toEqual(spot1);
  });

  it('treats a missing spot and a null spot as the same place', () => {
    const h = new PlaceHistory();
    h.push(a);
    h.push({ ...a, spot: null });
    expect(h.canGoBack).toBe(true);
    expect(h.back()).toEqual(NOWHERE);
  });

  it('remembers the scroll offset of the place left, per step', () => {
    const h = new PlaceHistory();
    h.push(a);
    expect(h.scroll).toBeNull();
    h.rememberScroll(1200);
    h.push(spot1);
    h.rememberScroll(300);
    h.push(b);
    expect(h.scroll).toBeNull();
    h.back();
    expect(h.scroll).toBe(300);
    h.back();
    expect(h.scroll).toBe(1200);
    // A new step from here drops the forward entries with their offsets.
    h.push(spot2);
    expect(h.scroll).toBeNull();
    expect(h.canGoForward).toBe(false);
  });

  it('a cycle A → B → A is just three steps', () => {
    const h = new PlaceHistory();
    h.push(a);
    h.push(b);
    h.push(a);
    expect(h.back()).toEqual(b);
    expect(h.back()).toEqual(a);
    expect(h.back()).toEqual(NOWHERE);
  });
});

describe('nextPlace', () => {
  const at = { articleId: 'a', noteId: 'n', spot: { start: 1, end: 5 } };
  it('goes to a passage as its article plus a spot, keeping the note beside', () => {
    expect(
      nextPlace(NOWHERE, { kind: 'passage', id: 'p', articleId: 'b', start: 3, end: 9 }),
    ).toEqual({ articleId: 'b', noteId: null, spot: { start: 3, end: 9 } });
    expect(nextPlace(at, { kind: 'passage', id: 'p', articleId: 'a', start: 7, end: 8 })).toEqual({
      articleId: 'a',
      noteId: 'n',
      spot: { start: 7, end: 8 },
    });
  });
  it('opening another article drops the spot; the open one again changes nothing', () => {
    expect(nextPlace(at, { kind: 'article', id: 'b' })).toEqual({
      articleId: 'b',
      noteId: 'n',
      spot: null,
    });
    expect(nextPlace(at, { kind: 'article', id: 'a' })).toBe(at);
  });
  it('opens and closes the note beside without moving the reader', () => {
    expect(nextPlace(at, { kind: 'note', id: 'm' })).toEqual({ ...at, noteId: 'm' });
    expect(nextPlace(at, { kind: 'close-note' })).toEqual({ ...at, noteId: null });
  });
});
