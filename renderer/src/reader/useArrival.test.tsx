// @vitest-environment jsdom
// An arrival carried out in a real reader editor (jsdom) with the real marks. Frames, timers and
// the clock are vitest's fake ones, so "six seconds later" needs no waiting. jsdom lacks
// scrollIntoView, matchMedia and CSS.escape: they are stood in for (browser APIs, not our code).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyToText } from '../../../electron/model/body';
import { cleanUpReaderEditors, createReaderEditor } from '../../test/readerEditor';
import { mixedBody } from '../../test/bodies';
import { FLASH_CLASS } from '../passages/passageColors';
import type { Arrival } from './arrival';
import { $setBody } from './bodyToLexical';
import { FLASH_MS } from './flash';
import { useArrival } from './useArrival';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const text = bodyToText(mixedBody);
const QUOTE = 'mutual settlements';
const at = (quote: string) => ({
  start: text.indexOf(quote),
  end: text.indexOf(quote) + quote.length,
});

const roots: Root[] = [];
beforeEach(() => {
  vi.useFakeTimers({
    toFake: [
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'performance',
      'setTimeout',
      'clearTimeout',
    ],
  });
  Element.prototype.scrollIntoView = function () {};
  // Only `escape`: no `highlights`, so this is a browser without the highlight API.
  (globalThis as { CSS?: unknown }).CSS = {
    escape: (value: string) => value.replace(/["\\]/g, '\\$&'),
  };
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
  })) as typeof window.matchMedia;
});
afterEach(() => {
  for (const root of roots.splice(0)) act(() => root.unmount());
  cleanUpReaderEditors();
  vi.useRealTimers();
});

/** A reader showing mixedBody with passage `p` marked; `show` renders the hook with an arrival. */
function reader() {
  const { editor, element } = createReaderEditor();
  editor.update(() => $setBody(mixedBody, [{ id: 'p', ...at(QUOTE) }]), { discrete: true });
  const article = document.createElement('article');
  article.tabIndex = 0;
  article.append(element!);
  document.body.append(article);
  const editorRef = { current: editor };
  const readerRef = { current: article };
  const done: Arrival[] = [];
  const onArrived = (arrival: Arrival) => done.push(arrival);
  function Host({ arrival }: { arrival: Arrival | null }) {
    useArrival(arrival, onArrived, editorRef, readerRef);
    return null;
  }
  const root = createRoot(document.createElement('div'));
  roots.push(root);
  const show = (arrival: Arrival | null) => act(() => root.render(<Host arrival={arrival} />));
  const marks = () => [...element!.querySelectorAll<HTMLElement>('mark')];
  return { show, done, article, marks };
}

const frames = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('useArrival', () => {
  it('focuses the reader and flashes a followed passage’s marks, for the flash’s time', () => {
    const r = reader();
    const arrival: Arrival = { kind: 'range', articleId: 'a', ...at(QUOTE), passageId: 'p' };
    r.show(arrival);
    frames(20);
    expect(r.done).toEqual([arrival]);
    expect(document.activeElement).toBe(r.article);
    expect(r.marks().map((m) => m.textContent)).toEqual([QUOTE]);
    expect(r.marks()[0]!.classList.contains(FLASH_CLASS)).toBe(true);
    frames(FLASH_MS);
    expect(r.marks()[0]!.classList.contains(FLASH_CLASS)).toBe(false);
  });

  it('a newer arrival cancels the one still waiting: only the newer is carried out', () => {
    const r = reader();
    // Far below anything jsdom lays out: this one waits for the article to grow, up to 6 s.
    const scroll: Arrival = { kind: 'scroll', articleId: 'a', offset: 10_000 };
    r.show(scroll);
    frames(100);
    expect(r.done).toEqual([]);
    const passage: Arrival = { kind: 'range', articleId: 'a', ...at(QUOTE), passageId: 'p' };
    r.show(passage);
    frames(10_000);
    expect(r.done).toEqual([passage]);
  });

  it('a passage whose marks never come gets its range flashed on the last try', () => {
    const r = reader();
    const arrival: Arrival = {
      kind: 'range',
      articleId: 'a',
      ...at('Pyongyang'),
      passageId: 'gone',
    };
    r.show(arrival);
    frames(1000);
    expect(r.done).toEqual([]);
    frames(6000);
    expect(r.done).toEqual([arrival]);
    // jsdom has no highlight API: the flash falls back to selecting the range.
    expect(document.getSelection()?.toString()).toBe('Pyongyang');
  });
});
