import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/temp';
import { isJunkName, walkImportPaths } from './walk';

const tempDir = useTempDir('commonplace-walk-');

function tree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

describe('walkImportPaths', () => {
  it('walks nested folders in name order and skips hidden and system clutter', () => {
    const root = tempDir();
    tree(root, {
      'b/deep/er/c.md': '# c',
      'a.txt': 'a',
      'b/b.html': '<p>b</p>',
      '.hidden.txt': 'no',
      '.git/config': 'no',
      'Thumbs.db': 'no',
      '__MACOSX/x.txt': 'no',
      '~$draft.docx': 'no',
    });
    const r = walkImportPaths([root]);
    expect(r.files.map((f) => f.display)).toEqual([
      join(root, 'a.txt'),
      join(root, 'b', 'b.html'),
      join(root, 'b', 'deep', 'er', 'c.md'),
    ]);
    expect(r.failures).toEqual([]);
    expect(r.ignored).toBe(5);
  });

  it('imports a hidden file the user named explicitly', () => {
    const root = tempDir();
    tree(root, { '.notes.txt': 'x' });
    expect(walkImportPaths([join(root, '.notes.txt')]).files).toHaveLength(1);
  });

  it('reports a symlink loop once and walks everything else', () => {
    const root = tempDir();
    tree(root, { 'a/one.txt': '1', 'a/b/two.txt': '2' });
    symlinkSync(join(root, 'a'), join(root, 'a', 'b', 'back-to-a'));
    symlinkSync('self', join(root, 'a', 'self')); // a link to itself: ELOOP
    const r = walkImportPaths([root]);
    expect(r.files.map((f) => f.display.slice(root.length))).toEqual([
      '/a/b/two.txt',
      '/a/one.txt',
    ]);
    expect(
      r.failures.map((f) => [f.file.slice(root.length), f.error.message.slice(root.length)]),
    ).toEqual([
      ['/a/b/back-to-a', `/a/b/back-to-a: symbolic link loop (leads back to ${root}/a), skipped`],
      ['/a/self', '/a/self: symbolic link loop (the link leads back to itself), skipped'],
    ]);
  });

  it('follows links to files and folders outside, importing a file reached twice once', () => {
    const root = tempDir();
    const outside = tempDir();
    tree(outside, { 'ext/x.txt': 'x' });
    tree(root, { 'in.txt': 'in' });
    symlinkSync(join(outside, 'ext'), join(root, 'linked'));
    symlinkSync(join(root, 'in.txt'), join(root, 'same.txt'));
    symlinkSync(join(root, 'missing.txt'), join(root, 'dangling.txt'));
    const r = walkImportPaths([root]);
    expect(r.files.map((f) => f.display.slice(root.length))).toEqual(['/in.txt', '/linked/x.txt']);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]!.error.message).toBe(
      `${join(root, 'dangling.txt')}: broken symbolic link (its target does not exist)`,
    );
  });

  it('opens files whose names are not UTF-8 by their bytes, and reports odd names legibly', () => {
    const root = tempDir();
    const raw = Buffer.concat([
      Buffer.from(`${root}/bad-`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('.txt'),
    ]);
    writeFileSync(raw, 'bytes');
    writeFileSync(join(root, 'new\nline.txt'), 'n');
    writeFileSync(join(root, 'emoji 🎉.md'), '# e');
    const r = walkImportPaths([root]);
    const displays = r.files.map((f) => f.display.slice(root.length + 1));
    expect(displays.sort()).toEqual(['bad-\\xff\\xfe.txt', 'emoji 🎉.md', 'new\\nline.txt']);
    const bad = r.files.find((f) => f.display.includes('bad-'))!;
    expect(Buffer.isBuffer(bad.path)).toBe(true);
    expect((bad.path as Buffer).equals(raw)).toBe(true);
  });

  it('names missing paths, pipes and unreadable folders and goes on', () => {
    const root = tempDir();
    tree(root, { 'ok.txt': 'ok' });
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const r = walkImportPaths([join(root, 'nope'), root]);
    expect(r.files).toHaveLength(1);
    expect(r.failures.map((f) => f.error.code)).toEqual(['not_found', 'not_a_file']);
    expect(r.failures[1]!.error.message).toBe(
      `${join(root, 'pipe')}: is not a regular file (a pipe, socket or device), skipped`,
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports a folder it may not read (skipped as root: root reads any folder)',
    () => {
      const root = tempDir();
      tree(root, { 'locked/x.txt': 'x', 'ok.txt': 'ok' });
      chmodSync(join(root, 'locked'), 0o000);
      try {
        const r = walkImportPaths([root]);
        expect(r.files).toHaveLength(1);
        expect(r.failures[0]!.error.message).toBe(
          `${join(root, 'locked')}: folder cannot be read (permission denied)`,
        );
      } finally {
        chmodSync(join(root, 'locked'), 0o755);
      }
    },
  );

  it('says so when a folder given holds nothing to import', () => {
    const root = tempDir();
    tree(root, { '.only-hidden.txt': 'x' });
    const r = walkImportPaths([root]);
    expect(r.files).toEqual([]);
    expect(r.failures.map((f) => f.error.message)).toEqual([
      `${root}: the folder holds no files to import (hidden and system files are skipped)`,
    ]);
  });

  it('keeps the order of the paths given, failures in place', () => {
    const root = tempDir();
    tree(root, { 'b.txt': 'b', 'a.txt': 'a' });
    const r = walkImportPaths([
      join(root, 'b.txt'),
      join(root, 'missing.txt'),
      join(root, 'a.txt'),
    ]);
    expect(r.items.map((i) => (i.kind === 'file' ? i.file.display : i.failure.error.code))).toEqual(
      [join(root, 'b.txt'), 'not_found', join(root, 'a.txt')],
    );
  });

  it('knows clutter from content', () => {
    expect(
      ['.DS_Store', 'desktop.ini', 'THUMBS.DB', '~$x.docx', 'node_modules'].every(isJunkName),
    ).toBe(true);
    expect(['notes.txt', 'Desktop', '~notes.txt'].some(isJunkName)).toBe(false);
  });
});
