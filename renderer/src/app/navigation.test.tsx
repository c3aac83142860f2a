// @vitest-environment jsdom
// The arrival as navigation state: set by going to a passage or back to a spot, replaced by a
// newer navigation, cleared once the reader reports it done. (No reader in this document, so
// leaving a place remembers no scroll offset.)
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useNavigation, type Navigation } from './navigation';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

function mount(): () => Navigation {
  let nav: Navigation | null = null;
  function Host() {
    nav = useNavigation();
    return null;
  }
  root = createRoot(document.createElement('div'));
  act(() => root!.render(<Host />));
  return () => nav!;
}

const PASSAGE = { kind: 'passage', id: 'p1', articleId: 'a1', start: 5, end: 9 } as const;

describe('navigation arrivals', () => {
  it('going to a passage asks the reader to flash it; a note beside doesn’t change that', () => {
    const nav = mount();
    expect(nav().arrival).toBeNull();
    act(() => nav().go(PASSAGE));
    const expected = { kind: 'range', articleId: 'a1', start: 5, end: 9, passageId: 'p1' };
    expect(nav().arrival).toEqual(expected);
    act(() => nav().go({ kind: 'note', id: 'n1' }));
    expect(nav().arrival).toEqual(expected);
  });

  it('is cleared by the reader reporting that arrival done, not an older one', () => {
    const nav = mount();
    act(() => nav().go(PASSAGE));
    const first = nav().arrival!;
    act(() => nav().go({ ...PASSAGE, id: 'p2', start: 20, end: 30 }));
    const second = nav().arrival!;
    act(() => nav().arrived(first));
    expect(nav().arrival).toBe(second);
    act(() => nav().arrived(second));
    expect(nav().arrival).toBeNull();
  });

  it('another article replaces a pending arrival; back to the passage’s place arrives at its spot', () => {
    const nav = mount();
    act(() => nav().go(PASSAGE));
    act(() => nav().go({ kind: 'article', id: 'a2' }));
    expect(nav().arrival).toBeNull();
    act(() => nav().back());
    expect(nav().place.articleId).toBe('a1');
    expect(nav().arrival).toEqual({ kind: 'range', articleId: 'a1', start: 5, end: 9 });
  });

  it('a search hit arrives in the article being opened', () => {
    const nav = mount();
    act(() => {
      nav().go({ kind: 'article', id: 'a3' });
      nav().arriveAt({ kind: 'range', articleId: 'a3', start: 1, end: 4 });
    });
    expect(nav().place.articleId).toBe('a3');
    expect(nav().arrival).toEqual({ kind: 'range', articleId: 'a3', start: 1, end: 4 });
  });
});
