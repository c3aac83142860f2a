// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE } from '../../../electron/model/appearance';
import {
  APPEARANCE_KEY,
  applyAppearance,
  loadAppearance,
  parseAppearance,
  saveAppearance,
} from './appearance';

describe('appearance', () => {
  it('falls back field by field from whatever is stored', () => {
    expect(parseAppearance(null)).toEqual(DEFAULT_APPEARANCE);
    expect(parseAppearance('{oops')).toEqual(DEFAULT_APPEARANCE);
    expect(parseAppearance('[]')).toEqual(DEFAULT_APPEARANCE);
    // A good theme and size survive a bad font, a size out of range and a missing leading.
    expect(
      parseAppearance(
        JSON.stringify({
          theme: 'dark',
          typography: { font: 'comic', size: 99, measure: 50 },
        }),
      ),
    ).toEqual({
      theme: 'dark',
      typography: { ...DEFAULT_APPEARANCE.typography, measure: 50 },
    });
    expect(parseAppearance(JSON.stringify({ theme: 'purple' }))).toEqual(DEFAULT_APPEARANCE);
  });

  it('round-trips through storage; a broken storage is not fatal', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    const chosen = {
      theme: 'light' as const,
      typography: { font: 'mono' as const, size: 22, measure: 60, leading: 1.8 },
    };
    saveAppearance(chosen, storage);
    expect(store.has(APPEARANCE_KEY)).toBe(true);
    expect(loadAppearance(storage)).toEqual(chosen);
    const broken = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(loadAppearance(broken)).toEqual(DEFAULT_APPEARANCE);
    expect(() => saveAppearance(chosen, broken)).not.toThrow();
  });

  it('puts the theme and the typography on the root element; "system" leaves the theme to the OS', () => {
    const root = document.createElement('html');
    applyAppearance(
      { theme: 'dark', typography: { font: 'mono', size: 24, measure: 50, leading: 1.5 } },
      root,
    );
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.getPropertyValue('--reader-font')).toBe('var(--font-mono)');
    expect(root.style.getPropertyValue('--reader-size')).toBe('1.5rem');
    expect(root.style.getPropertyValue('--reader-measure')).toBe('50ch');
    expect(root.style.getPropertyValue('--reader-leading')).toBe('1.5');
    applyAppearance(DEFAULT_APPEARANCE, root);
    expect(root.dataset.theme).toBeUndefined();
    expect(root.style.getPropertyValue('--reader-measure')).toBe('66ch');
  });
});
