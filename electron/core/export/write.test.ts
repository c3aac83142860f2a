import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { exportToPath } from './index';
import { exportFixture, options } from './testFixture';
import { writeExportFolder } from './folder';
import { writeAtomically } from './write';

const tempDir = useTempDir();
const bytes = (s: string) => new TextEncoder().encode(s);

/** A folder this process cannot write to: chmod is no obstacle to root, /sys is. */
function readOnlyFolder(): string {
  if (process.getuid?.() === 0) return '/sys';
  const d = tempDir();
  chmodSync(d, 0o555);
  return d;
}

describe('writeAtomically', () => {
  it('replaces a file whole and leaves no temp file behind', () => {
    const dir = tempDir();
    const target = join(dir, 'out.md');
    writeFileSync(target, 'old');
    writeAtomically(target, bytes('new content'));
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('a missing folder is named in a clear message', async () => {
    const missing = join(tempDir(), 'no', 'such');
    expect(() => writeAtomically(join(missing, 'out.md'), bytes('x'))).toThrow(`${missing}: the folder does not exist`);
    expect(() => writeExportFolder(join(missing, 'vault'), [{ path: 'a.md', bytes: bytes('x') }])).toThrow(`${missing}: the folder does not exist`);
    const f = await exportFixture(tempDir());
    await expect(exportToPath(f.library.db, options('csv'), join(missing, 'out.csv'))).rejects.toMatchObject({ code: 'io_error' });
    f.library.close();
  });

  it('a read-only folder is named, and nothing is left in it', () => {
    const ro = readOnlyFolder();
    const before = readdirSync(ro);
    expect(() => writeAtomically(join(ro, 'out.md'), bytes('x'))).toThrow(`${ro}: permission denied (the folder is read-only)`);
    expect(() => writeExportFolder(join(ro, 'vault'), [{ path: 'a.md', bytes: bytes('x') }])).toThrow(`${ro}: permission denied (the folder is read-only)`);
    expect(readdirSync(ro)).toEqual(before);
  });

  it('a failure midway through a folder leaves neither the folder nor its temp copy', () => {
    const dir = tempDir();
    const files = [{ path: 'a.md', bytes: bytes('a') }, { path: '../escape.md', bytes: bytes('b') }];
    expect(() => writeExportFolder(join(dir, 'vault'), files)).toThrow(/leaves its folder/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder where a file is expected (and the reverse) is refused', () => {
    const dir = tempDir();
    expect(() => writeAtomically(dir, bytes('x'))).toThrow(/is a folder; give a file name/);
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => writeExportFolder(join(dir, 'file'), [])).toThrow(/a file is in the way/);
  });
});
