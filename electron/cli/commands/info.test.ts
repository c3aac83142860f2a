import { join } from 'node:path';
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

describe('commonplace info', () => {
  it('prints the library file, its article count and schema version; --json the API shape', async () => {
    const lib = join(tempDir(), 'library.sqlite');
    const empty = await cli(['--library', lib, 'info', '--json']);
    expect(empty).toMatchObject({ code: 0, err: '' });
    const before = JSON.parse(empty.out) as {
      path: string;
      articleCount: number;
      schemaVersion: number;
    };
    expect(before).toMatchObject({ path: lib, articleCount: 0 });
    expect(before.schemaVersion).toBeGreaterThan(0);

    expect((await cli(['--library', lib, 'import', SHARED_ARTICLE])).code).toBe(0);
    const after = await cli(['--library', lib, 'info']);
    expect(after).toMatchObject({ code: 0, err: '' });
    expect(after.out.split('\n')).toEqual([
      `library: ${lib}`,
      'articles: 1',
      `schema version: ${before.schemaVersion}`,
    ]);
  });
});
