import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { fieldJson, hashJson, sameValue } from './rows';
import { decodeVersions, encodeVersions, type Versions } from './versions';

describe('field versions encoding', () => {
  it('round-trips, naming each distinct reading once', () => {
    const a = '0001733500000000-000000-019aa0a4-1d2b-7c3e-8f00-00000000000a';
    const b = '0001733500000001-000002-019aa0a4-1d2b-7c3e-8f00-00000000000b';
    const versions: Versions = new Map([
      ['anchor', { hlc: a, hash: '0123456789abcdef' }],
      ['color', { hlc: b, hash: 'fedcba9876543210' }],
      ['comment', { hlc: a, hash: '00000000ffffffff' }],
      ['_del', { hlc: b, hash: 'deleted' }],
    ]);
    const text = encodeVersions(versions);
    expect(JSON.parse(text)).toEqual({
      h: [a, b],
      f: {
        anchor: [0, '0123456789abcdef'],
        color: [1, 'fedcba9876543210'],
        comment: [0, '00000000ffffffff'],
        _del: [1, 'deleted'],
      },
    });
    expect(decodeVersions(text)).toEqual(versions);
    expect(decodeVersions(encodeVersions(new Map()))).toEqual(new Map());
  });
});

describe('field hashes', () => {
  it('a hash stored before hashJson (a sha256 prefix) still matches its value, and only its value', () => {
    const json = fieldJson({ color: 'yellow' });
    const legacy = createHash('sha256').update(json).digest('hex').slice(0, 16);
    expect(hashJson(json)).toMatch(/^[0-9a-f]{15}$/);
    expect(sameValue(legacy, json, hashJson(json))).toBe(true);
    expect(sameValue(hashJson(json), json, hashJson(json))).toBe(true);
    const other = fieldJson({ color: 'blue' });
    expect(sameValue(legacy, other, hashJson(other))).toBe(false);
    expect(sameValue(hashJson(json), other, hashJson(other))).toBe(false);
  });
});
