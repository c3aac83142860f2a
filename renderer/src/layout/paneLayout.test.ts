import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PANE_LAYOUT,
  MAX_LIBRARY_WIDTH,
  MIN_LIBRARY_WIDTH,
  WIDTH_STEP,
  clampWidth,
  loadPaneLayout,
  paneLayoutForKey,
  parsePaneLayout,
  savePaneLayout,
} from './paneLayout';

describe('pane layout', () => {
  it('clamps the width and survives garbage in storage', () => {
    expect(clampWidth(10)).toBe(MIN_LIBRARY_WIDTH);
    expect(clampWidth(5000)).toBe(MAX_LIBRARY_WIDTH);
    expect(clampWidth(Number.NaN)).toBe(DEFAULT_PANE_LAYOUT.width);
    expect(parsePaneLayout(null)).toEqual(DEFAULT_PANE_LAYOUT);
    expect(parsePaneLayout('{not json')).toEqual(DEFAULT_PANE_LAYOUT);
    expect(parsePaneLayout('"wide"')).toEqual(DEFAULT_PANE_LAYOUT);
    expect(parsePaneLayout('{"width":"300px","collapsed":"yes"}')).toEqual(DEFAULT_PANE_LAYOUT);
    expect(parsePaneLayout('{"width":9999,"collapsed":true}')).toEqual({
      width: MAX_LIBRARY_WIDTH,
      collapsed: true,
    });
  });

  it('round-trips through storage, and a broken storage is not fatal', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    savePaneLayout({ width: 333.4, collapsed: true }, storage);
    expect(loadPaneLayout(storage)).toEqual({ width: 333, collapsed: true });
    const broken = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadPaneLayout(broken)).toEqual(DEFAULT_PANE_LAYOUT);
    expect(() => savePaneLayout(DEFAULT_PANE_LAYOUT, broken)).not.toThrow();
    expect(loadPaneLayout(null)).toEqual(DEFAULT_PANE_LAYOUT);
  });

  it('moves with the splitter keys: arrows, Home/End, Enter collapses and restores', () => {
    const shown = { width: 300, collapsed: false };
    expect(paneLayoutForKey('ArrowRight', shown)).toEqual({
      width: 300 + WIDTH_STEP,
      collapsed: false,
    });
    expect(paneLayoutForKey('ArrowLeft', shown)).toEqual({
      width: 300 - WIDTH_STEP,
      collapsed: false,
    });
    expect(paneLayoutForKey('Home', shown)).toEqual({ width: MIN_LIBRARY_WIDTH, collapsed: false });
    expect(paneLayoutForKey('End', shown)).toEqual({ width: MAX_LIBRARY_WIDTH, collapsed: false });
    expect(paneLayoutForKey('ArrowLeft', { width: MIN_LIBRARY_WIDTH, collapsed: false })).toEqual({
      width: MIN_LIBRARY_WIDTH,
      collapsed: false,
    });
    const hidden = paneLayoutForKey('Enter', shown)!;
    expect(hidden).toEqual({ width: 300, collapsed: true });
    // Restored at the width it had, not the default.
    expect(paneLayoutForKey('Enter', hidden)).toEqual(shown);
    expect(paneLayoutForKey('ArrowRight', hidden)).toEqual(shown);
    expect(paneLayoutForKey('ArrowLeft', hidden)).toBeNull();
    expect(paneLayoutForKey('a', shown)).toBeNull();
  });
});
