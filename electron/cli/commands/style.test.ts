import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { runCli } from '../program';

const tempDir = useTempDir();
const FIXTURES = join(__dirname, '..', '..', 'core', 'citations', 'fixtures');

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

describe('commonplace style add / list / rm', () => {
  it('adds a .csl file, lists it beside the bundled styles, exports with it, and removes it', async () => {
    const dir = tempDir();
    const lib = join(dir, 'library.sqlite');
    const added = await cli([
      '--library',
      lib,
      'style',
      'add',
      join(FIXTURES, 'harvard-swedish.csl'),
    ]);
    expect(added.err).toBe('');
    const id = /^added (user:[0-9a-f-]{36})\t/.exec(added.out)![1]!;
    expect(added.out).toBe(
      `added ${id}\tHarvard (Swedish test) (in-text, en-US; added from harvard-swedish.csl) — The style's locale sv-SE is not bundled; its citations use en-US.`,
    );
    const list = await cli(['--library', lib, 'style', 'list']);
    expect(list.out.split('\n').map((l) => l.split('\t')[0])).toEqual([
      'apa',
      'chicago',
      'chicago-note',
      'mla',
      id,
    ]);
    const again = await cli([
      '--library',
      lib,
      'style',
      'add',
      join(FIXTURES, 'harvard-swedish.csl'),
    ]);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain(
      'harvard-swedish.csl: “Harvard (Swedish test)” is already in the library',
    );

    // export --style takes the added style's id; a malformed one is refused before anything runs.
    const imported = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    const article = (JSON.parse(imported.out) as { id: string }[])[0]!.id;
    await cli(['--library', lib, 'passage', 'add', article, '--quote', 'Putin']);
    const out = join(dir, 'x.md');
    const exported = await cli([
      '--library',
      lib,
      'export',
      '--format',
      'md',
      '--style',
      id,
      '--out',
      out,
    ]);
    expect(exported.err).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/— \\\[.+ 2024\\\]/);
    const bad = await cli([
      '--library',
      lib,
      'export',
      '--format',
      'md',
      '--style',
      'harvard',
      '--out',
      out,
    ]);
    expect(bad.err).toContain('--style must be apa, chicago, chicago-note, mla or user:ID');

    const malformed = join(dir, 'bad.csl');
    writeFileSync(malformed, '<style xmlns="http://purl.org/net/xbiblio/csl"><info>');
    const refused = await cli(['--library', lib, 'style', 'add', malformed]);
    expect(refused.err).toMatch(/bad\.csl: the style is not well-formed XML/);

    expect((await cli(['--library', lib, 'style', 'rm', 'apa'])).err).toContain(
      'style rm apa: only added styles (user:…) can be removed',
    );
    const removed = await cli(['--library', lib, 'style', 'rm', id]);
    expect(removed.out).toBe(`removed ${id}\tHarvard (Swedish test)`);
    expect((await cli(['--library', lib, 'style', 'list'])).out).not.toContain(id);
  });
});
