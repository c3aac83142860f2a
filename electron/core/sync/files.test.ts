import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../model/sync';
import { useTempDir } from '../../test/temp';
import { encodeSegment, readBlob, readSegment, sha256Hex, writeOnce } from './files';
import { checkFolder, LIBRARY_FILE, writeJsonOnce } from './folder';

const tempDir = useTempDir('commonplace-sync-files-');
const LIB = '01900000-0000-7000-8000-000000000001';
const DEV = '01900000-0000-7000-8000-000000000002';
const segment: Segment = {
  format: 1,
  libraryId: LIB,
  deviceId: DEV,
  seq: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  ops: [
    {
      e: 'tag',
      id: '01900000-0000-7000-8000-000000000003',
      h: `1700000000000-000000-${DEV}`,
      set: { color: { color: 'red' } },
    },
  ],
};

describe('segments', () => {
  it('round-trip through a file written whole, compressed, with its checksum', () => {
    const file = join(tempDir(), 'segments', '00000001.seg');
    expect(writeOnce(file, encodeSegment(segment))).toBe(true);
    expect(readSegment(file)).toEqual(segment);
    expect(readFileSync(file).subarray(0, 6).toString()).toBe('CPSEG1');
    // No temp file left beside it.
    expect(readdirSync(join(file, '..'))).toEqual(['00000001.seg']);
  });

  it('are never overwritten: the same bytes again are a no-op, other bytes an error', () => {
    const file = join(tempDir(), '00000001.seg');
    const bytes = encodeSegment(segment);
    writeOnce(file, bytes);
    expect(writeOnce(file, bytes)).toBe(false);
    expect(() => writeOnce(file, encodeSegment({ ...segment, seq: 2 }))).toThrow(
      /a different file is already there/,
    );
  });

  it('a half-delivered segment is named as incomplete, a corrupt one as corrupt', () => {
    const dir = tempDir();
    const bytes = encodeSegment(segment);
    const half = join(dir, 'half.seg');
    writeFileSync(half, bytes.subarray(0, bytes.length - 10));
    expect(() => readSegment(half)).toThrow(/half\.seg: is incomplete/);
    const corrupt = join(dir, 'corrupt.seg');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 5] = flipped[flipped.length - 5]! ^ 0xff;
    writeFileSync(corrupt, flipped);
    expect(() => readSegment(corrupt)).toThrow(/corrupt\.seg: is corrupt/);
    const junk = join(dir, 'junk.seg');
    writeFileSync(junk, 'hello');
    expect(() => readSegment(junk)).toThrow(/junk\.seg: is not a Commonplace segment/);
  });

  it('a segment that checks out but holds invalid ops is refused by its schema, naming the field', () => {
    const file = join(tempDir(), 'bad.seg');
    const bad = { ...segment, ops: [{ ...segment.ops[0], h: 'tomorrow' }] } as unknown as Segment;
    writeFileSync(file, encodeSegment(bad));
    expect(() => readSegment(file)).toThrow(
      /bad\.seg: ops\.0\.h: is not a hybrid logical clock reading/,
    );
  });

  it('blobs are verified against their name', () => {
    const dir = tempDir();
    const bytes = Buffer.from('an original file');
    const hash = sha256Hex(bytes);
    writeOnce(join(dir, hash), bytes);
    expect(readBlob(join(dir, hash), hash, 1000)).toEqual(bytes);
    writeFileSync(join(dir, 'x'), bytes.subarray(0, 5));
    expect(() => readBlob(join(dir, 'x'), hash, 1000)).toThrow(/incomplete or corrupt/);
    expect(() => readBlob(join(dir, 'missing'), hash, 1000)).toThrow(/has not arrived yet/);
  });
});

describe('folder identity', () => {
  it("refuses another library's folder, a missing folder, and device folders without a library file", () => {
    const folder = tempDir();
    writeJsonOnce(join(folder, LIBRARY_FILE), { format: 1, libraryId: LIB, createdAt: 'now' });
    expect(checkFolder(folder, LIB)?.libraryId).toBe(LIB);
    expect(checkFolder(folder, null)?.libraryId).toBe(LIB); // joining
    expect(() => checkFolder(folder, '01900000-0000-7000-8000-0000000000ff')).toThrow(
      /belongs to another library \(01900000-0000-7000-8000-000000000001\)/,
    );
    expect(() => checkFolder(join(folder, 'nope'), LIB)).toThrow(/does not exist/);
    const stray = tempDir();
    mkdirSync(join(stray, 'devices', DEV), { recursive: true });
    expect(() => checkFolder(stray, null)).toThrow(/no commonplace-library\.json/);
    const broken = tempDir();
    writeFileSync(join(broken, LIBRARY_FILE), '{"format": 1, "libr');
    expect(() => checkFolder(broken, null)).toThrow(/commonplace-library\.json: is not valid JSON/);
  });
});
