// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLASH_CLASS } from '../passages/passageColors';
import { flash, FLASH_MS } from './flash';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function marks(n: number): HTMLElement[] {
  return Array.from({ length: n }, () => document.body.appendChild(document.createElement('mark')));
}
const flashing = (elements: HTMLElement[]) =>
  elements.map((element) => element.classList.contains(FLASH_CLASS));

describe('flash', () => {
  it('marks a passage’s marks for FLASH_MS; a newer flash ends the one before at once', () => {
    const first = marks(2);
    const second = marks(1);
    flash({ marks: first });
    expect(flashing(first)).toEqual([true, true]);
    vi.advanceTimersByTime(FLASH_MS / 2);
    flash({ marks: second });
    expect(flashing(first)).toEqual([false, false]);
    expect(flashing(second)).toEqual([true]);
    vi.advanceTimersByTime(FLASH_MS - 1);
    expect(flashing(second)).toEqual([true]);
    vi.advanceTimersByTime(1);
    expect(flashing(second)).toEqual([false]);
  });

  it('lasts as long as the marks’ flash animation in the theme', () => {
    const css = readFileSync(join(__dirname, '../theme/passages.css'), 'utf8');
    const seconds = /\.rd-mark-flash\s*\{\s*animation:\s*mark-flash\s+([\d.]+)s/.exec(css)?.[1];
    expect(Number(seconds) * 1000).toBe(FLASH_MS);
  });
});
