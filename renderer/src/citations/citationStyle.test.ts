import { describe, expect, it } from 'vitest';
import { readCitationStyle, saveCitationStyle } from './citationStyle';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    m,
  };
}

describe('citation style setting', () => {
  it('remembers the chosen style and forgets it for the short citation', () => {
    const s = memoryStorage();
    expect(readCitationStyle(s)).toBeNull();
    saveCitationStyle('chicago', s);
    expect(readCitationStyle(s)).toBe('chicago');
    // An added style's id is remembered too.
    saveCitationStyle('user:01900000-0000-7000-8000-000000000001', s);
    expect(readCitationStyle(s)).toBe('user:01900000-0000-7000-8000-000000000001');
    saveCitationStyle(null, s);
    expect(readCitationStyle(s)).toBeNull();
    expect(s.m.size).toBe(0);
  });
  it('ignores a stored value that is not a style', () => {
    const s = memoryStorage();
    s.setItem('commonplace.citationStyle', 'harvard<script>');
    expect(readCitationStyle(s)).toBeNull();
    s.setItem('commonplace.citationStyle', 'user:../../etc');
    expect(readCitationStyle(s)).toBeNull();
    expect(readCitationStyle(null)).toBeNull();
  });
});
