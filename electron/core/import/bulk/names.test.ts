import { describe, expect, it } from 'vitest';
import { isTextName, legibleName } from './names';

describe('legibleName', () => {
  it('keeps emoji and other scripts, escapes control characters so a name stays on one line', () => {
    expect(legibleName('notes 📚 日本語.txt')).toBe('notes 📚 日本語.txt');
    expect(legibleName('two\nlines\t.txt')).toBe('two\\nlines\\t.txt');
    expect(legibleName('bell\u0007\u001b[31m.txt')).toBe('bell\\x07\\x1b[31m.txt');
    expect(legibleName('sep\u2028.txt')).toBe('sep\\u2028.txt');
  });

  it('escapes each byte that is not valid UTF-8 and keeps the valid text around it', () => {
    const bytes = Buffer.concat([
      Buffer.from('caf'),
      Buffer.from([0xe9]),
      Buffer.from(' é 🎉'),
      Buffer.from([0xff, 0xc3]),
    ]);
    expect(legibleName(bytes)).toBe('caf\\xe9 é 🎉\\xff\\xc3');
    expect(isTextName(bytes)).toBe(false);
    expect(isTextName(Buffer.from('plain é.txt'))).toBe(true);
  });

  it('replaces lone surrogates in text names', () => {
    expect(legibleName('a\ud800b')).toBe('a\ufffdb');
    expect(legibleName('ok \ud83d\ude00')).toBe('ok 😀');
  });
});
