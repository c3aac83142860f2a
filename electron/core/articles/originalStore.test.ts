import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { decodeOriginal, encodeOriginal } from './originalStore';

const db = openDatabase(':memory:');

describe('originals as stored', () => {
  it('compresses a text original only when its key is its sha256, and reads back its exact bytes', () => {
    const bytes = Buffer.from('The ferry timetable changed in spring. 평양 😀\n'.repeat(50));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const stored = encodeOriginal(bytes, hash, 'text/plain');
    expect(stored.encoding).toBe('zlib');
    expect(stored.data.length).toBeLessThan(bytes.length / 4);
    expect(
      decodeOriginal(db, { hash, bytes: stored.data, size: bytes.length, encoding: 'zlib' }),
    ).toEqual(bytes);
    expect(encodeOriginal(bytes, 'h1', 'text/plain')).toEqual({
      data: bytes,
      encoding: 'identity',
      delta: 0,
    });
    expect(encodeOriginal(bytes, hash, 'application/pdf').encoding).toBe('identity');
  });

  it('refuses to hand back a damaged compressed original', () => {
    const bytes = Buffer.from('The ferry timetable changed in spring. '.repeat(20));
    const hash = createHash('sha256').update(bytes).digest('hex');
    const packed = deflateSync(bytes);
    expect(
      decodeOriginal(db, { hash, bytes: packed, size: bytes.length, encoding: 'zlib' }),
    ).toEqual(bytes);
    const flipped = Buffer.from(packed);
    flipped[10] = flipped[10]! ^ 0xff;
    expect(() =>
      decodeOriginal(db, { hash, bytes: flipped, size: bytes.length, encoding: 'zlib' }),
    ).toThrow(/is damaged/);
    expect(() =>
      decodeOriginal(db, { hash, bytes: packed, size: bytes.length - 1, encoding: 'zlib' }),
    ).toThrow(/is damaged/);
    expect(() =>
      decodeOriginal(db, {
        hash: `${hash[0] === '0' ? '1' : '0'}${hash.slice(1)}`,
        bytes: packed,
        size: bytes.length,
        encoding: 'zlib',
      }),
    ).toThrow(/sha256/);
  });
});
