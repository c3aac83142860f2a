import { describe, expect, it } from 'vitest';
import { lastOpenArticle, rememberOpenArticle } from './lastOpen';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('the article open when the window was left', () => {
  it('is remembered, forgotten when none is open, and only ever an id', () => {
    const storage = memoryStorage();
    expect(lastOpenArticle(storage)).toBeNull();
    rememberOpenArticle('0190a8e2-1111-7222-8333-444455556666', storage);
    expect(lastOpenArticle(storage)).toBe('0190a8e2-1111-7222-8333-444455556666');
    rememberOpenArticle(null, storage);
    expect(lastOpenArticle(storage)).toBeNull();
    storage.setItem('commonplace.openArticle', '<img onerror=x>');
    expect(lastOpenArticle(storage)).toBeNull();
  });

  it('a storage that throws remembers nothing and breaks nothing', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(lastOpenArticle(broken)).toBeNull();
    expect(() => rememberOpenArticle('0190a8e2-1111-7222-8333-444455556666', broken)).not.toThrow();
  });
});
