import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

/** Deterministic pseudo-random bytes (a linear congruential generator): every byte value shows up. */
function noise(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** An independent decoder (not atob, which is slow on tens of megabytes in Node). */
function decode(base64: string): Uint8Array {
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) value[ALPHABET.charCodeAt(i)] = i;
  value['='.charCodeAt(0)] = 0;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((base64.length / 4) * 3 - padding);
  let o = 0;
  let bits = 0;
  for (let i = 0; i < base64.length; i++) {
    const v = value[base64.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`not base64 at ${i}`);
    bits = (bits << 6) | v;
    if (i % 4 === 3) {
      if (o < out.length) out[o++] = bits >>> 16;
      if (o < out.length) out[o++] = (bits >>> 8) & 0xff;
      if (o < out.length) out[o++] = bits & 0xff;
      bits = 0;
    }
  }
  return out;
}

/** Index of the first differing byte, or -1 (faster than a deep equality on large arrays). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('bytesToBase64', () => {
  it('produces the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors)
      expect(bytesToBase64(new TextEncoder().encode(plain))).toBe(encoded);
  });

  it('round-trips around every padding case and chunk boundary', () => {
    const chunk = 3 * 16 * 1024;
    for (const size of [1, 2, 3, 4, 5, chunk - 1, chunk, chunk + 1, chunk + 2, 2 * chunk + 1]) {
      const bytes = noise(size, size);
      const encoded = bytesToBase64(bytes);
      expect(encoded, `size ${size}`).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      expect(encoded.length).toBe(Math.ceil(size / 3) * 4);
      expect(firstDifference(decode(encoded), bytes)).toBe(-1);
    }
  });

  it('encodes every byte value, including ones that are not valid UTF-8', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 }, (_, i) => i % 256);
    expect(firstDifference(decode(bytesToBase64(bytes)), bytes)).toBe(-1);
  });

  it('encodes a 50 MB file without overflowing the stack', () => {
    const bytes = noise(50 * 1024 * 1024);
    const encoded = bytesToBase64(bytes);
    expect(encoded.length).toBe(Math.ceil(bytes.length / 3) * 4);
    expect(firstDifference(decode(encoded), bytes)).toBe(-1);
  }, 60_000);
});
