import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test/temp';
import { filesFromArgv } from './launch-files';

const tempDir = useTempDir();

describe('filesFromArgv', () => {
  it('keeps existing files of the kinds we import, made absolute; skips switches, links, the app path and the rest', () => {
    const dir = tempDir();
    for (const f of ['a.pdf', 'b.EPUB', 'c.docx', 'd.md', 'e.exe'])
      writeFileSync(join(dir, f), 'x');
    mkdirSync(join(dir, 'folder.md'));
    const argv = [
      '/opt/Commonplace/commonplace',
      '.',
      '--no-sandbox',
      'a.pdf',
      join(dir, 'b.EPUB'),
      'commonplace://passage/x.md',
      'c.docx',
      'missing.txt',
      'e.exe',
      'folder.md',
      'a.pdf',
      'd.md',
    ];
    expect(filesFromArgv(argv, dir)).toEqual([
      join(dir, 'a.pdf'),
      join(dir, 'b.EPUB'),
      join(dir, 'c.docx'),
      join(dir, 'd.md'),
    ]);
  });

  it('never takes argv[0] (the executable) for a file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.txt'), 'x');
    expect(filesFromArgv([join(dir, 'app.txt')], dir)).toEqual([]);
  });
});
