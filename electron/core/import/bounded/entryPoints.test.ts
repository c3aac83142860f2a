/**
 * Every entry point parses through the bounded parser: a hostile file among good ones is refused
 * with one line naming it, the good ones land, the library stays intact. Budgets are lowered here
 * (overrideParseBudget) so the refusals come in seconds; the production ones are in budget.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/program';
import { openTestLibrary } from '../../../test/library';
import { useTempDir } from '../../../test/temp';
import { amplifiedDocx, hugeParagraphMarkdown } from './hostile';
import { overrideParseBudget } from '.';

const tempDir = useTempDir();
const MB = 1024 * 1024;
const base64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

afterEach(() => overrideParseBudget(null));

function intact(db: Database): void {
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

function titles(db: Database): string[] {
  return db
    .prepare<[], { title: string }>('SELECT title FROM articles ORDER BY title')
    .all()
    .map((r) => r.title);
}

function count(db: Database, table: 'articles' | 'originals'): number {
  return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
}

// Threads load the importers from TypeScript (jiti) here: seconds each, more on a loaded machine.
describe('hostile files at every entry point', { timeout: 240_000 }, () => {
  it('desktop and web imports (articles.importFiles): a DOCX that needs more than its memory is refused, named; the rest land', async () => {
    overrideParseBudget({ memoryMb: 64, timeMs: 120_000 });
    const { library, invoke } = openTestLibrary(tempDir());
    try {
      const results = await invoke('articles.importFiles', {
        files: [
          {
            name: 'before.md',
            dataBase64: base64(new TextEncoder().encode('# Before\n\nA good file.\n')),
          },
          { name: 'amplified.docx', dataBase64: base64(amplifiedDocx(1.9 * MB)) },
          {
            name: 'after.txt',
            dataBase64: base64(new TextEncoder().encode('After, another good file.\n')),
          },
        ],
      });
      expect(results.map((r) => (r.ok ? `ok ${r.file}` : r.error.message))).toEqual([
        'ok before.md',
        'amplified.docx: parsing needed more than 64 MB of memory — refused as too large or too complex for its size',
        'ok after.txt',
      ]);
      expect(titles(library.db)).toEqual(['After, another good file.', 'Before']);
      expect(count(library.db, 'originals')).toBe(2);
      intact(library.db);
    } finally {
      library.close();
    }
  });

  it('a folder import (bulk worker): the hostile file is named, the files after it still import', async () => {
    overrideParseBudget({ memoryMb: 64, timeMs: 120_000 });
    const dir = tempDir();
    const root = join(dir, 'folder');
    mkdirSync(root);
    writeFileSync(join(root, '1-first.md'), '# First\n\nGood.\n');
    writeFileSync(join(root, '2-amplified.docx'), amplifiedDocx(1.9 * MB));
    writeFileSync(join(root, '3-third.txt'), 'Third, good too.\n');
    writeFileSync(join(root, '4-fourth.md'), '# Fourth\n\nAlso good.\n');
    const { library, services, invoke } = openTestLibrary(dir);
    try {
      const { jobId } = await invoke('bulkImport.startPaths', { paths: [root] });
      const report = await services.bulkImports.finished(jobId);
      expect(report).toMatchObject({
        state: 'finished',
        error: null,
        notReached: 0,
        counts: { imported: 3, failed: 1 },
      });
      const failed = report.results.filter((r) => !r.ok);
      expect(failed.map((r) => [r.file, !r.ok && r.error.message])).toEqual([
        [
          join(root, '2-amplified.docx'),
          '2-amplified.docx: parsing needed more than 64 MB of memory — refused as too large or too complex for its size',
        ],
      ]);
      expect(titles(library.db)).toEqual(['First', 'Fourth', 'Third, good too.']);
      intact(library.db);
    } finally {
      library.close();
    }
  });

  it('a direct CLI import: exit 1, one line naming the file that ran out of time, the others imported', async () => {
    // A 6 MB Markdown paragraph takes ~6 s to parse even on an idle machine.
    overrideParseBudget({ timeMs: 1000 });
    const dir = tempDir();
    const lib = join(dir, 'library.sqlite');
    const files = ['good.md', 'huge.md', 'good.txt'].map((n) => join(dir, n));
    writeFileSync(files[0]!, '# Good\n\nFine.\n');
    writeFileSync(files[1]!, hugeParagraphMarkdown(6 * MB));
    writeFileSync(files[2]!, 'Also fine.\n');
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--library', lib, 'import', ...files], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: {},
      rendererDir: '/nonexistent',
    });
    expect(code).toBe(1);
    expect(err).toEqual([
      `${files[1]}: parsing took longer than 1 s — refused as too large or too complex for its size`,
    ]);
    expect(out.filter((l) => l.startsWith('imported: '))).toHaveLength(2);
    const { library } = openTestLibrary(dir);
    try {
      expect(titles(library.db)).toEqual(['Also fine.', 'Good']);
      intact(library.db);
    } finally {
      library.close();
    }
  });

  it('re-parse and update from source: over budget, refused with the file named, the article unchanged', async () => {
    const dir = tempDir();
    const path = join(dir, 'huge.md');
    writeFileSync(path, hugeParagraphMarkdown(6 * MB));
    const { library, invoke } = openTestLibrary(dir);
    try {
      const [imported] = await invoke('articles.importPaths', { paths: [path] });
      expect(imported?.ok).toBe(true);
      const id = imported!.ok ? imported!.article.id : '';
      const before = library.db.prepare('SELECT * FROM articles WHERE id = ?').get(id);
      overrideParseBudget({ timeMs: 1000 });
      await expect(invoke('articles.reparse', { id })).rejects.toThrow(
        /^huge\.md: parsing took longer than 1 s — /,
      );
      writeFileSync(path, hugeParagraphMarkdown(6 * MB + 100));
      await expect(invoke('articles.updateFromSource', { id })).rejects.toThrow(
        /^huge\.md: parsing took longer than 1 s — /,
      );
      expect(library.db.prepare('SELECT * FROM articles WHERE id = ?').get(id)).toEqual(before);
      intact(library.db);
    } finally {
      library.close();
    }
  });
});
