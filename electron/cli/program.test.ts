import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_ARTICLE, useTempDir } from '../test/temp';
import { migrations } from '../core/db/migrations';
import { openDatabase } from '../core/db/open';
import { runCli } from './program';

const tempDir = useTempDir();

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env,
    rendererDir: '/nonexistent',
  });
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err };
}

describe('commonplace CLI', () => {
  it('says on stderr when it upgrades an older library, and where the copy of it is kept', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const latest = migrations.at(-1)!.version;
    openDatabase(lib, { targetVersion: latest - 1 }).close();
    const first = await cli(['--library', lib, 'list']);
    expect(first.code).toBe(0);
    expect(first.errLines).toEqual([
      `upgrading the library from schema ${latest - 1} to ${latest}; a copy of it as it was is kept at ${lib}.v${latest - 1}.bak…`,
    ]);
    expect(existsSync(`${lib}.v${latest - 1}.bak`)).toBe(true);
    const again = await cli(['--library', lib, 'list']);
    expect(again.errLines).toEqual([]);
  });

  it('imports the shared article and prints the fields as JSON; a second import is a duplicate', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const first = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    expect(first.code).toBe(0);
    const [a] = JSON.parse(first.out) as Record<string, unknown>[];
    expect(a).toMatchObject({
      title: "Putin's state visit to North Korea sets stage for elevated ties",
      subtitle:
        "Putin says his trip aims to broaden partnership, fortify unity against 'rules-based order'",
      byline: 'Ji Da-gyum',
      published: '2024-06-18T16:20:00',
      duplicate: false,
    });
    for (const key of [
      'id',
      'title',
      'subtitle',
      'byline',
      'published',
      'siteName',
      'lang',
      'duplicate',
    ])
      expect(a).toHaveProperty(key);
    const again = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    expect(JSON.parse(again.out)[0]).toMatchObject({ id: a!.id, duplicate: true });
  });

  it('imports a file with broken front matter, warning on stderr and in --json, exit 0', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const file = join(dir, 'broken.md');
    writeFileSync(file, '---\ntitle: [unclosed\n---\n# Heading kept\n\nBody.\n');
    const r = await cli(['--library', lib, 'import', file]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^imported: .*broken\.md → .* "Heading kept"$/);
    expect(r.errLines).toEqual([
      expect.stringMatching(/^warning: broken\.md: front matter is not valid YAML/),
    ]);
    const other = join(dir, 'other.md');
    writeFileSync(other, '---\ntitle: [unclosed\n---\n# Another\n\nBody.\n');
    const json = await cli(['--library', lib, 'import', other, '--json']);
    expect(JSON.parse(json.out)[0]).toMatchObject({
      title: 'Another',
      warnings: [expect.stringMatching(/^other\.md: front matter/)],
    });
  });

  it('lists and shows articles; show --json includes the text', async () => {
    const lib = join(tempDir(), 'lib.sqlite');
    await cli(['--library', lib, 'import', SHARED_ARTICLE]);
    const list = await cli(['--library', lib, 'list', '--json']);
    const items = JSON.parse(list.out) as { id: string; title: string }[];
    expect(items).toHaveLength(1);
    const show = await cli(['--library', lib, 'show', items[0]!.id, '--json']);
    const article = JSON.parse(show.out) as { text: string; body: unknown };
    expect(article.text).toContain(
      'alternative trade and mutual settlements mechanisms not controlled by the West',
    );
    const human = await cli(['--library', lib, 'show', items[0]!.id]);
    expect(human.out).toContain('Ji Da-gyum');
    const plainList = await cli(['--library', lib, 'list']);
    expect(plainList.out).toContain(items[0]!.id);
  });

  it('takes the library from COMMONPLACE_LIBRARY', async () => {
    const lib = join(tempDir(), 'env.sqlite');
    await cli(['import', SHARED_ARTICLE], { COMMONPLACE_LIBRARY: lib });
    const list = await cli(['--library', lib, 'list', '--json']);
    expect(JSON.parse(list.out)).toHaveLength(1);
  });

  it('reports each bad file on one line naming it, exits non-zero, and still imports the good ones', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const files = {
      binary: join(dir, 'photo.txt'),
      empty: join(dir, 'empty.txt'),
      missing: join(dir, 'missing.txt'),
      folder: join(dir, 'a-folder'),
      good: join(dir, 'good.txt'),
      huge: join(dir, 'huge.txt'),
    };
    writeFileSync(
      files.binary,
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0,
        1, 0,
      ]),
    );
    writeFileSync(files.empty, '');
    mkdirSync(files.folder);
    copyFileSync(SHARED_ARTICLE, files.good);
    writeFileSync(files.huge, Buffer.alloc(50 * 1024 * 1024, 'lorem ipsum dolor sit amet\n'));
    const r = await cli([
      '--library',
      lib,
      'import',
      files.binary,
      files.empty,
      files.missing,
      files.folder,
      files.good,
      files.huge,
    ]);
    expect(r.code).toBe(1);
    expect(r.errLines).toHaveLength(5);
    for (const line of r.errLines) expect(line).not.toContain('\n');
    expect(r.errLines[0]).toMatch(new RegExp(`^${files.binary}: .*PNG`));
    expect(r.errLines[1]).toBe(`${files.empty}: the file is empty`);
    expect(r.errLines[2]).toBe(`${files.missing}: no such file or folder`);
    expect(r.errLines[3]).toBe(
      `${files.folder}: the folder holds no files to import (hidden and system files are skipped)`,
    );
    expect(r.errLines[4]).toMatch(
      new RegExp(`^${files.huge}: 50\\.0 MB is over the 20\\.0 MB limit`),
    );
    expect(r.out).toContain('imported');
    const list = await cli(['--library', lib, 'list', '--json']);
    expect(JSON.parse(list.out)).toHaveLength(1);
  });

  it.skipIf(process.getuid?.() === 0)(
    'reports an unreadable file clearly (skipped as root: root reads files whatever their mode)',
    async () => {
      const dir = tempDir();
      const f = join(dir, 'locked.txt');
      writeFileSync(f, 'secret words');
      chmodSync(f, 0);
      const r = await cli(['--library', join(dir, 'l.sqlite'), 'import', f]);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`${f}: cannot be read (permission denied)`);
    },
  );

  it('explains usage errors and bad ids', async () => {
    const lib = join(tempDir(), 'lib.sqlite');
    const noArgs = await cli(['--library', lib, 'import']);
    expect(noArgs.code).toBe(2);
    expect(noArgs.err).toMatch(/missing required argument/);
    const badId = await cli(['--library', lib, 'show', 'nope']);
    expect(badId.code).toBe(1);
    expect(badId.err).toBe('commonplace: articles.get: id: must be a UUIDv7');
    const badLimit = await cli(['--library', lib, 'list', '--limit', 'ten']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.err).toMatch(/--limit/);
  });

  it('refuses a --library in a missing folder, or an empty --library, instead of making or using another library', async () => {
    const dir = tempDir();
    const missing = join(dir, 'no-such-folder', 'lib.sqlite');
    const r = await cli(['--library', missing, 'list']);
    expect(r).toMatchObject({ code: 3, out: '' });
    expect(r.errLines).toEqual([
      `commonplace: ${join(dir, 'no-such-folder')}: the folder does not exist (--library ${missing}); create it first or give another path`,
    ]);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    const fromEnv = await cli(['list'], { COMMONPLACE_LIBRARY: missing });
    expect(fromEnv.err).toMatch(/the folder does not exist \(COMMONPLACE_LIBRARY /);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    // An empty --library must not fall back to the desktop app's library (HOME points here to catch it).
    const home = join(dir, 'home');
    mkdirSync(home);
    const empty = await cli(['--library', '', 'list'], {
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
    });
    expect(empty).toMatchObject({
      code: 1,
      out: '',
      err: 'commonplace: --library is empty: give the library file to use',
    });
    expect(readdirSync(home)).toEqual([]);
    // A library in an existing folder is still created on first use.
    expect((await cli(['--library', join(dir, 'new.sqlite'), 'list'])).code).toBe(0);
  });

  it('refuses a library written by a newer version with a one-line message', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const raw = new BetterSqlite3(lib);
    raw.pragma('user_version = 42');
    raw.close();
    const r = await cli(['--library', lib, 'list']);
    expect(r.code).toBe(4);
    expect(r.err).toMatch(
      new RegExp(`^commonplace: ${lib}: this library was written by a newer version`),
    );
  });
});

describe('commonplace passage and tag commands', () => {
  async function libraryWithArticle() {
    const lib = join(tempDir(), 'lib.sqlite');
    const imported = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    const id = (JSON.parse(imported.out) as { id: string }[])[0]!.id;
    return { lib, id };
  }
  const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

  it('adds, lists and removes passages; JSON carries every anchor field', async () => {
    const { lib, id } = await libraryWithArticle();
    const add = await cli([
      '--library',
      lib,
      'passage',
      'add',
      id,
      '--quote',
      QUOTE,
      '--tag',
      'sanctions',
      '--tag',
      'trade',
      '--comment',
      'key claim',
      '--color',
      'blue',
      '--json',
    ]);
    expect(add.code, add.err).toBe(0);
    const p = JSON.parse(add.out) as Record<string, unknown>;
    for (const key of [
      'id',
      'articleId',
      'quote',
      'prefix',
      'suffix',
      'start',
      'end',
      'tags',
      'comment',
      'color',
      'orphaned',
    ])
      expect(p).toHaveProperty(key);
    expect(p).toMatchObject({
      articleId: id,
      quote: QUOTE,
      tags: ['sanctions', 'trade'],
      comment: 'key claim',
      color: 'blue',
      orphaned: false,
    });
    const second = await cli([
      '--library',
      lib,
      'passage',
      'add',
      id,
      '--quote',
      'Unification Ministry',
      '--occurrence',
      '2',
    ]);
    expect(second.code, second.err).toBe(0);
    const list = JSON.parse(
      (await cli(['--library', lib, 'passage', 'list', '--article', id, '--json'])).out,
    ) as { id: string; start: number }[];
    expect(list).toHaveLength(2);
    expect(list[0]!.start).toBeLessThan(list[1]!.start);
    const byTag = JSON.parse(
      (await cli(['--library', lib, 'passage', 'list', '--tag', 'Sanctions', '--json'])).out,
    ) as unknown[];
    expect(byTag).toHaveLength(1);
    const rm = await cli(['--library', lib, 'passage', 'rm', p.id as string]);
    expect(rm.code).toBe(0);
    expect(
      JSON.parse((await cli(['--library', lib, 'passage', 'list', '--json'])).out),
    ).toHaveLength(1);
  });

  it('refuses a quote that is not in the article, and a bad colour', async () => {
    const { lib, id } = await libraryWithArticle();
    const missing = await cli([
      '--library',
      lib,
      'passage',
      'add',
      id,
      '--quote',
      'words that are nowhere',
    ]);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/does not occur/);
    const colour = await cli([
      '--library',
      lib,
      'passage',
      'add',
      id,
      '--quote',
      QUOTE,
      '--color',
      'plaid',
    ]);
    expect(colour.code).toBe(2);
    expect(colour.err).toMatch(/plaid/);
  });

  it('lists, renames and merges tags with counts', async () => {
    const { lib, id } = await libraryWithArticle();
    await cli(['--library', lib, 'passage', 'add', id, '--quote', QUOTE, '--tag', 'sanctions']);
    await cli([
      '--library',
      lib,
      'passage',
      'add',
      id,
      '--quote',
      'Putin',
      '--tag',
      'russia',
      '--tag',
      'sanctions',
    ]);
    const tags = JSON.parse((await cli(['--library', lib, 'tag', 'list', '--json'])).out) as {
      name: string;
      color: string | null;
      count: number;
    }[];
    expect(tags.map((t) => [t.name, t.count])).toEqual([
      ['russia', 1],
      ['sanctions', 2],
    ]);
    expect(tags[0]).toHaveProperty('color');
    expect((await cli(['--library', lib, 'tag', 'rename', 'sanctions', 'Sanctions'])).code).toBe(0);
    expect((await cli(['--library', lib, 'tag', 'merge', 'russia', 'sanctions'])).code).toBe(0);
    const after = JSON.parse((await cli(['--library', lib, 'tag', 'list', '--json'])).out) as {
      name: string;
      count: number;
    }[];
    expect(after.map((t) => [t.name, t.count])).toEqual([['Sanctions', 2]]);
    const missing = await cli(['--library', lib, 'tag', 'rename', 'nope', 'x']);
    expect(missing.code).toBe(3);
    expect(missing.err).toBe('commonplace: tag "nope": no such tag');
  });
});

describe('commonplace search and reindex', () => {
  it('finds articles and passages with snippets as JSON, survives hostile queries, and reindexes', async () => {
    const lib = join(tempDir(), 'lib.sqlite');
    const imported = JSON.parse(
      (await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json'])).out,
    ) as { id: string }[];
    await cli([
      '--library',
      lib,
      'passage',
      'add',
      imported[0]!.id,
      '--quote',
      'Vostochny Cosmodrome',
      '--tag',
      'space',
    ]);
    const r = await cli(['--library', lib, 'search', 'cosmodrome', '--json']);
    expect(r.code, r.err).toBe(0);
    const hits = JSON.parse(r.out) as {
      kind: string;
      id: string;
      title: string;
      snippet: string;
      score: number;
    }[];
    expect(hits.map((h) => h.kind).sort()).toEqual(['article', 'passage']);
    for (const h of hits) {
      expect(h.title).toBe("Putin's state visit to North Korea sets stage for elevated ties");
      expect(h.snippet.toLowerCase()).toContain('cosmodrome');
      expect(typeof h.score).toBe('number');
    }
    const passagesOnly = JSON.parse(
      (await cli(['--library', lib, 'search', 'tag:space', '--kind', 'passage', '--json'])).out,
    ) as unknown[];
    expect(passagesOnly).toHaveLength(1);
    for (const q of ['"', '(', 'NEAR(', '*', 'AND OR NOT', '😀']) {
      const hostile = await cli(['--library', lib, 'search', q, '--json']);
      expect(hostile.code, `${q}: ${hostile.err}`).toBe(0);
    }
    const re = await cli(['--library', lib, 'reindex']);
    expect(re.code).toBe(0);
    expect(re.out).toMatch(/consistent/);
    expect(re.err).toMatch(/^checking and rebuilding the search indexes/); // said before the long wait
  });
});
