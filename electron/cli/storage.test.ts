/**
 * When the library file itself fails — a full disk, a read-only file or folder, a damaged page —
 * the CLI says so in one line naming the file (no stack trace), a bulk import stops once, and a
 * damaged library can be recovered into a new file.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  closeSync,
  writeSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { insertTestArticle } from '../core/export/testFixture';
import { writeTransaction } from '../core/db/transactions';
import { openLibrary } from '../core/library';
import { openTestLibrary } from '../test/library';
import { makeUnwritable, UNWRITABLE_SKIP } from '../test/readOnly';
import { SHARED_ARTICLE, useTempDir } from '../test/temp';
import { runImportJob } from './importJob';
import { runCli } from './program';

const tempDir = useTempDir();
const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    rendererDir: '/nonexistent',
  });
  return { code, out: out.join('\n'), errLines: err };
}

function writeNotes(dir: string, n: number, words = 1): string {
  const folder = join(dir, 'notes');
  mkdirSync(folder);
  for (let i = 0; i < n; i++)
    writeFileSync(
      join(folder, `note-${i}.md`),
      `# Note ${i}\n\n${`Words of note ${i}. `.repeat(words)}\n`,
    );
  return folder;
}

describe('a full disk', () => {
  it('passage add and an import fail in one sentence naming the library, change nothing, log no stack', async () => {
    const dir = tempDir();
    const t = openTestLibrary(dir);
    const [imported] = await t.invoke('articles.importPaths', { paths: [SHARED_ARTICLE] });
    if (!imported?.ok) throw new Error('import failed');
    const db = t.library.db;
    // The library may not grow by a page: what a full disk does to SQLite (SQLITE_FULL).
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const logged = vi.spyOn(console, 'error');
    try {
      const full = {
        code: 'storage',
        message: `${t.library.path}: the disk is full, so nothing was changed; free some space and try again`,
      };
      await expect(
        t.invoke('passages.createFromQuote', {
          articleId: imported.article.id,
          quote: QUOTE,
          comment: 'x'.repeat(99_000),
        }),
      ).rejects.toMatchObject(full);
      // The CLI's import of a few files stops at the first, saying it once.
      const report = await runImportJob(
        { invoke: t.invoke, onEvent: (listener) => t.library.onEvent(listener) },
        [
          join(writeNotes(dir, 5, 5000), 'note-0.md'),
          join(dir, 'notes', 'note-1.md'),
          join(dir, 'notes', 'note-2.md'),
        ],
        'offer',
      );
      expect(report).toMatchObject({
        state: 'failed',
        error: full.message,
        notReached: 3,
        results: [],
      });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    db.pragma('max_page_count = 1073741823');
    expect(await t.invoke('passages.list', {})).toEqual([]);
    expect(
      (await t.invoke('passages.createFromQuote', { articleId: imported.article.id, quote: QUOTE }))
        .quote,
    ).toBe(QUOTE);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    t.library.close();
  });
});

describe('a read-only library', () => {
  it('reads work; writes, imports and a bulk import fail once in one sentence', async (ctx) => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const first = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
    const id = (JSON.parse(first.out) as { id: string }[])[0]!.id;
    expect(existsSync(`${lib}-wal`)).toBe(false); // closed cleanly: everything is in the file
    const folder = writeNotes(dir, 25);
    const undo = makeUnwritable(lib);
    if (!undo) return ctx.skip(UNWRITABLE_SKIP);
    try {
      const readOnly = `commonplace: ${lib}: the library is read-only (the file can't be written), so nothing was changed`;
      expect((await cli(['--library', lib, 'list'])).code).toBe(0);
      const add = await cli(['--library', lib, 'passage', 'add', id, '--quote', QUOTE]);
      // The library can't be written: its own exit code (exitCodes.ts); an import says 1 with its report.
      expect(add).toMatchObject({ code: 4, errLines: [readOnly] });
      const reindex = await cli(['--library', lib, 'reindex']);
      expect(reindex).toMatchObject({
        code: 4,
        errLines: [expect.stringMatching(/^checking and rebuilding/), readOnly],
      });
      const few = await cli([
        '--library',
        lib,
        'import',
        join(folder, 'note-1.md'),
        join(folder, 'note-2.md'),
      ]);
      expect(few).toMatchObject({ code: 1, errLines: [readOnly] });
      // 25 files in a folder go to the bulk-import worker: it too stops at the first.
      const bulk = await cli(['--library', lib, 'import', folder]);
      expect(bulk).toMatchObject({ code: 1, errLines: [readOnly] });
      expect(bulk.out).toMatch(/0 imported, 0 already in library, 0 failed, 25 not reached/);
    } finally {
      undo();
    }
  });

  it('a library in a read-only folder is refused at open, naming the folder', async (ctx) => {
    const dir = tempDir();
    const folder = join(dir, 'locked');
    mkdirSync(folder);
    const lib = join(folder, 'lib.sqlite');
    expect((await cli(['--library', lib, 'import', SHARED_ARTICLE])).code).toBe(0);
    const undo = makeUnwritable(folder);
    if (!undo) return ctx.skip(UNWRITABLE_SKIP);
    try {
      const r = await cli(['--library', lib, 'list']);
      expect(r).toMatchObject({
        code: 4,
        errLines: [
          `commonplace: ${lib}: can't be opened: its folder ${folder} is read-only (the library keeps its journal files beside it)`,
        ],
      });
    } finally {
      undo();
    }
  });
});

describe('a damaged page in the middle of the library', () => {
  it('is one sentence pointing at repair; check finds it; repair recovers the readable rows into a new file', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const library = openLibrary(lib, { watchIntervalMs: 0 });
    const ARTICLES = 300;
    writeTransaction(library.db, () => {
      for (let i = 0; i < ARTICLES; i++)
        insertTestArticle(library.db, {
          title: `Article ${i}`,
          paragraphs: [
            `Paragraph one of article ${i}.`,
            `Paragraph two, with some more words, of article ${i}.`,
          ],
        });
    });
    library.close();
    // Garble one leaf page of the articles table, in the middle of the file.
    const raw = new BetterSqlite3(lib, { readonly: true });
    const pageSize = Number(raw.pragma('page_size', { simple: true }));
    const leaves = raw
      .prepare<[], { pageno: number }>(
        "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY pageno",
      )
      .all();
    raw.close();
    expect(leaves.length).toBeGreaterThan(4);
    const page = leaves[Math.floor(leaves.length / 2)]!.pageno;
    const fd = openSync(lib, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);
    const hash = () => createHash('sha256').update(readFileSync(lib)).digest('hex');
    const before = hash();

    const list = await cli(['--library', lib, 'list']);
    expect(list.code).toBe(4);
    expect(list.errLines).toHaveLength(1);
    expect(list.errLines[0]).toMatch(
      new RegExp(
        `^commonplace: ${lib}: the library file is damaged \\(.+\\); \`commonplace repair\` copies what is readable into a new file and leaves this one as it is$`,
      ),
    );

    const check = await cli(['--library', lib, 'check']);
    expect(check.code).toBe(1);
    expect(check.errLines.at(-1)).toBe(
      `${lib}: damaged; \`commonplace repair --out NEW.sqlite\` copies what is readable into a new file`,
    );

    const fixed = join(dir, 'fixed.sqlite');
    const repair = await cli(['--library', lib, 'repair', '--out', fixed]);
    expect(repair.code, repair.errLines.join('\n')).toBe(0);
    const m = /^ {2}articles: (\d+) recovered, (\d+) unreadable$/m.exec(repair.out);
    expect(m, repair.out).not.toBeNull();
    const [recovered, unreadable] = [Number(m![1]), Number(m![2])];
    expect(unreadable).toBeGreaterThan(0);
    expect(recovered).toBeGreaterThan(ARTICLES / 2);
    expect(recovered + unreadable).toBe(ARTICLES);
    expect(hash()).toBe(before); // the damaged file is untouched
    expect((await cli(['--library', fixed, 'check'])).out).toBe(`${fixed}: ok`);
    const items = JSON.parse((await cli(['--library', fixed, 'list', '--json'])).out) as unknown[];
    expect(items).toHaveLength(recovered);
    const search = await cli(['--library', fixed, 'search', 'paragraph', '--json']);
    expect(search.code).toBe(0);
    // Repair never replaces a file.
    expect((await cli(['--library', lib, 'repair', '--out', fixed])).errLines[0]).toMatch(
      /already exists; repair writes a new file/,
    );
  });
});
