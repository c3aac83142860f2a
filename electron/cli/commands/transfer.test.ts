import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { runCli } from '../program';

const tempDir = useTempDir();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    rendererDir: '/nonexistent',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('export --all, import-json and backup commands', () => {
  it('round-trips a library through the CLI and backs it up', async () => {
    const dir = tempDir();
    const lib = join(dir, 'a.sqlite');
    await cli(['--library', lib, 'import', SHARED_ARTICLE]);
    const file = join(dir, 'all.json');
    const exported = await cli([
      '--library',
      lib,
      'export',
      '--all',
      '--format',
      'json',
      '--out',
      file,
    ]);
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/exported the whole library \(1 articles/);

    const copy = join(dir, 'b.sqlite');
    const imported = await cli(['--library', copy, 'import-json', file]);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/imported 1 articles/);
    const again = await cli(['--library', copy, 'import-json', file]);
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/not empty/);

    const wrong = await cli([
      '--library',
      lib,
      'export',
      '--all',
      '--format',
      'csv',
      '--out',
      join(dir, 'x.csv'),
    ]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toMatch(/--format json/);

    const backup = join(dir, 'backup.sqlite');
    const b = await cli(['--library', copy, 'backup', '--out', backup]);
    expect(b.code).toBe(0);
    const db = new BetterSqlite3(backup, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 1 });
    db.close();
    const self = await cli(['--library', copy, 'backup', '--out', copy]);
    expect(self.code).not.toBe(0);
    expect(self.err).toMatch(/open library itself/);
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO at once instead of waiting for a writer (skipped on Windows: no mkfifo)',
    async () => {
      const dir = tempDir();
      const fifo = join(dir, 'library.json');
      execFileSync('mkfifo', [fifo]);
      // Before the fix the read blocks the whole process; this writer ends that wait (with an
      // empty document) so the test fails instead of hanging.
      const unblock = spawn('sh', ['-c', 'sleep 20; : > "$0"', fifo], { stdio: 'ignore' });
      try {
        const r = await cli(['--library', join(dir, 'lib.sqlite'), 'import-json', fifo]);
        expect(r).toMatchObject({
          code: 1,
          out: '',
          err: `commonplace: ${fifo}: is not a regular file (a pipe, device or socket can't be restored from)`,
        });
      } finally {
        unblock.kill();
      }
    },
  );
});
