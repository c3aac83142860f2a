import { describe, expect, it } from 'vitest';
import {
  clampRatio,
  DEFAULT_LAYOUT,
  loadLayout,
  MAX_RATIO,
  MIN_RATIO,
  parseLayout,
  ratioForKey,
  saveLayout,
} from './splitLayout';

describe('split layout', () => {
  it('clamps the ratio and survives garbage in storage', () => {
    expect(clampRatio(0)).toBe(MIN_RATIO);
    expect(clampRatio(5)).toBe(MAX_RATIO);
    expect(clampRatio(Number.NaN)).toBe(DEFAULT_LAYOUT.ratio);
    expect(parseLayout(null)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{not json')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('[1,2]')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"ratio":"wide","noteId":"<img onerror=x>"}')).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{"ratio":0.05,"noteId":"0190a8e2-1111-7222-8333-444455556666"}')).toEqual({
      ratio: MIN_RATIO,
      noteId: '0190a8e2-1111-7222-8333-444455556666',
    });
  });
  it('round-trips through storage, and a broken storage is not fatal', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveLayout({ ratio: 0.3, noteId: '0190a8e2-1111-7222-8333-444455556666' }, storage);
    expect(loadLayout(storage)).toEqual({
      ratio: 0.3,
      noteId: '0190a8e2-1111-7222-8333-444455556666',
    });
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadLayout(broken)).toEqual(DEFAULT_LAYOUT);
    expect(() => saveLayout(DEFAULT_LAYOUT, broken)).not.toThrow();
  });
  it('moves the divider with the keyboard', () => {
    expect(ratioForKey('ArrowLeft', 0.5)).toBeCloseTo(0.48);
    expect(ratioForKey('ArrowRight', 0.5)).toBeCloseTo(0.52);
    expect(ratioForKey('PageDown', 0.5)).toBeCloseTo(0.7);
    expect(ratioForKey('ArrowRight', MAX_RATIO)).toBe(MAX_RATIO);
    expect(ratioForKey('Home', 0.5)).toBe(MIN_RATIO);
    expect(ratioForKey('End', 0.5)).toBe(MAX_RATIO);
    expect(ratioForKey('a', 0.5)).toBeNull();
  });
});
