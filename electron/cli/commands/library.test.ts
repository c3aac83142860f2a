import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
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

async function library() {
  const dir = tempDir();
  const lib = join(dir, 'library.sqlite');
  const ids: string[] = [];
  for (const [name, text] of [
    ['b.md', '---\ntitle: Beta paper\n---\n\nAbout beta.'],
    ['a.md', '---\ntitle: Alpha notes\n---\n\nAbout alpha.'],
    ['c.md', '---\ntitle: Gamma report\n---\n\nAbout gamma.'],
  ] as const) {
    const file = join(dir, name);
    writeFileSync(file, text);
    const r = await cli(['--library', lib, 'import', file, '--json']);
    ids.push((JSON.parse(r.out) as { id: string }[])[0]!.id);
  }
  const run = (...args: string[]) => cli(['--library', lib, ...args]);
  const titles = async (...args: string[]) =>
    (JSON.parse((await run('list', '--json', ...args)).out) as { title: string }[]).map(
      (a) => a.title,
    );
  return { ids, run, titles };
}

describe('library management commands', () => {
  it('article rm / restore, trash list, trash empty --yes', async () => {
    const { ids, run, titles } = await library();
    const [beta, alpha] = ids as [string, string, string];
    const rm = await run('article', 'rm', beta, alpha);
    expect(rm).toMatchObject({ code: 0 });
    expect(rm.out).toMatch(/^moved 2 articles to the trash:/);
    expect(await titles()).toEqual(['Gamma report']);
    const trash = await run('trash', 'list');
    expect(trash.out).toContain('Beta paper');
    expect(trash.out).toContain('Alpha notes');
    expect((await run('article', 'restore', beta)).out).toMatch(/^restored 1 article:/);
    expect(await titles()).toEqual(['Gamma report', 'Beta paper']);

    const refused = await run('trash', 'empty');
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/add --yes to confirm/);
    expect((await run('trash', 'list')).out).toContain('Alpha notes');
    expect((await run('trash', 'empty', '--yes')).out).toBe('deleted 1 article for good');
    expect((await run('trash', 'list')).out).toBe('The trash is empty.');
    const gone = await run('article', 'restore', alpha);
    expect(gone.code).not.toBe(0);
    expect(gone.err).toContain(`article ${alpha}: not in this library`);
  });

  it('collection add / rm / list, and list --collection NAME --sort', async () => {
    const { ids, run, titles } = await library();
    const [beta, alpha, gamma] = ids as [string, string, string];
    expect((await run('collection', 'add', 'Thesis', beta, alpha)).out).toBe('Thesis: 2 articles');
    expect((await run('collection', 'add', 'Reading', alpha)).out).toBe('Reading: 1 article');
    expect((await run('collection', 'list')).out).toBe(
      'Reading  (1 article)\nThesis  (2 articles)',
    );
    expect(await titles('--collection', 'Thesis', '--sort', 'added')).toEqual([
      'Alpha notes',
      'Beta paper',
    ]);
    expect(await titles('--collection', 'thesis', '--sort', 'title')).toEqual([
      'Alpha notes',
      'Beta paper',
    ]);
    expect(await titles('--sort', 'title', '--desc')).toEqual([
      'Gamma report',
      'Beta paper',
      'Alpha notes',
    ]);
    expect((await run('collection', 'rm', 'Thesis', alpha)).out).toBe('Thesis: 1 article');
    expect(await titles('--collection', 'Thesis')).toEqual(['Beta paper']);
    expect(await titles('--filter', 'GAMMA')).toEqual(['Gamma report']);

    await run('article', 'read', gamma);
    expect(await titles('--read')).toEqual(['Gamma report']);
    expect(await titles('--unread', '--sort', 'title')).toEqual(['Alpha notes', 'Beta paper']);
    expect(await titles('--sort', 'last-read')).toEqual([
      'Gamma report',
      'Alpha notes',
      'Beta paper',
    ]);

    const badSort = await run('list', '--sort', 'colour');
    expect(badSort.code).not.toBe(0);
    expect(badSort.err).toMatch(/--sort must be one of added, published, title, author, last-read/);
    const missing = await run('collection', 'rm', 'Nope', alpha);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/collection "Nope": no such collection/);
    expect((await run('list', '--collection', 'Nope')).out).toBe('No articles match.');

    expect((await run('collection', 'new', 'Later')).out).toBe('created collection Later');
    expect((await run('collection', 'list')).out).toContain('Later  (0 articles)');
    const again = await run('collection', 'new', 'later');
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/collection "later" already exists/);
  });
  it('list --filter and --sort title fold case beyond ASCII', async () => {
    const dir = tempDir();
    const lib = join(dir, 'library.sqlite');
    for (const [name, title] of [
      ['1.md', 'émile et la mer'],
      ['2.md', 'Zebra crossings'],
      ['3.md', 'Émile Zola'],
      ['4.md', 'İSTANBUL notes'],
      ['5.md', 'Привет мир'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, `---\ntitle: ${title}\n---\n\nAbout ${name}.`);
      expect((await cli(['--library', lib, 'import', file])).code).toBe(0);
    }
    const titles = async (...args: string[]) =>
      (
        JSON.parse((await cli(['--library', lib, 'list', '--json', ...args])).out) as {
          title: string;
        }[]
      ).map((a) => a.title);
    expect(await titles('--filter', 'ÉMILE', '--sort', 'title')).toEqual([
      'émile et la mer',
      'Émile Zola',
    ]);
    expect(await titles('--filter', 'istanbul')).toEqual(['İSTANBUL notes']);
    expect(await titles('--filter', 'привет')).toEqual(['Привет мир']);
    // Accented titles file under their base letter, not after "Zebra".
    expect(await titles('--sort', 'title')).toEqual([
      'émile et la mer',
      'Émile Zola',
      'İSTANBUL notes',
      'Zebra crossings',
      'Привет мир',
    ]);
  });
});
