import { chmodSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { exportToPath } from './index';
import { exportFixture, options } from './testFixture';
import { STALE_TEMP_MS } from '../tempFiles';
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
    expect(() => writeAtomically(join(missing, 'out.md'), bytes('x'))).toThrow(
      `${missing}: the folder does not exist`,
    );
    expect(() =>
      writeExportFolder(join(missing, 'vault'), [{ path: 'a.md', bytes: bytes('x') }]),
    ).toThrow(`${missing}: the folder does not exist`);
    const f = await exportFixture(tempDir());
    await expect(
      exportToPath(f.library.db, options('csv'), join(missing, 'out.csv')),
    ).rejects.toMatchObject({ code: 'io_error' });
    f.library.close();
  });

  it('a read-only folder is named, and nothing is left in it', () => {
    const ro = readOnlyFolder();
    const before = readdirSync(ro);
    expect(() => writeAtomically(join(ro, 'out.md'), bytes('x'))).toThrow(
      `${ro}: permission denied (the folder is read-only)`,
    );
    expect(() =>
      writeExportFolder(join(ro, 'vault'), [{ path: 'a.md', bytes: bytes('x') }]),
    ).toThrow(`${ro}: permission denied (the folder is read-only)`);
    expect(readdirSync(ro)).toEqual(before);
  });

  it('a failure midway through a folder leaves neither the folder nor its temp copy', () => {
    const dir = tempDir();
    const files = [
      { path: 'a.md', bytes: bytes('a') },
      { path: '../escape.md', bytes: bytes('b') },
    ];
    expect(() => writeExportFolder(join(dir, 'vault'), files)).toThrow(/leaves its folder/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder where a file is expected (and the reverse) is refused', () => {
    const dir = tempDir();
    expect(() => writeAtomically(dir, bytes('x'))).toThrow(/is a folder; give a file name/);
    writeFileSync(join(dir, 'file'), 'x');
    expect(() => writeExportFolder(join(dir, 'file'), [])).toThrow(/a file is in the way/);
  });

  it('removes the stale temp files an interrupted earlier run left for the same file, and only those', () => {
    const dir = tempDir();
    const target = join(dir, 'out.md');
    const old = (Date.now() - STALE_TEMP_MS - 60_000) / 1000;
    const make = (name: string, stale: boolean) => {
      writeFileSync(join(dir, name), 'x'.repeat(1000));
      if (stale) utimesSync(join(dir, name), old, old);
    };
    make('.out.md.0123456789ab.tmp', true); // ours, interrupted: removed
    make('.out.md.0123456789ab.tmp-wal', true); // its SQLite journal: removed
    make('.out.md.fedcba987654.tmp', false); // ours but recent (another run writing now): kept
    make('.out.md.notours.tmp', true); // not our pattern: kept
    make('.other.md.0123456789ab.tmp', true); // another file's: kept
    make('notes.md', true); // the user's: kept
    writeAtomically(target, bytes('new'));
    expect(readdirSync(dir).sort()).toEqual(
      [
        '.other.md.0123456789ab.tmp',
        '.out.md.fedcba987654.tmp',
        '.out.md.notours.tmp',
        'notes.md',
        'out.md',
      ].sort(),
    );
  });
});
