import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../../test/library';
import { useTempDir } from '../../../test/temp';
import { importPaths } from '../../articles/import';
import { search } from '../../search/search';

const tempDir = useTempDir('commonplace-batches-');

/** Text files in Latin and CJK scripts, one duplicate, one empty: a bulk import writes them in batches. */
function textFolder(root: string): void {
  mkdirSync(join(root, 'more'), { recursive: true });
  const latin = [
    'A carbon tax was proposed for the coming year by the finance committee.',
    'The committee rejected the tax on carbon; a levy on fuel came instead.',
    'Quillwort grows in shallow lakes; the survey counted it in nine of them.',
    'Café owners said the new opening hours suited their customers.',
  ];
  latin.forEach((text, i) =>
    writeFileSync(join(root, `latin-${i}.txt`), `Latin ${i}\n\n${text}\n\n${text}`),
  );
  writeFileSync(
    join(root, 'zh.txt'),
    '平壤新闻\n\n国事访问期间，双方在平壤举行会谈。北京市政府今天发布了新的计划。',
  );
  writeFileSync(
    join(root, 'ja.txt'),
    '東京の計画\n\n東京都は新しい計画を発表した。平壤の話ではない。',
  );
  writeFileSync(join(root, 'ko.txt'), '평양 소식\n\n정부가 올해 평양 방문 계획을 발표했다.');
  writeFileSync(join(root, 'more', 'copy.txt'), `Latin 0\n\n${latin[0]}\n\n${latin[0]}`);
  writeFileSync(join(root, 'more', 'empty.txt'), '');
}

const QUERIES = [
  'carbon',
  '"carbon tax"',
  'tax',
  'quillwort',
  'cafe',
  'econom*',
  '平壤',
  '国事访问',
  '京',
  '평양',
  'committee',
];

function answers(db: import('better-sqlite3').Database) {
  return QUERIES.map((q) => {
    const r = search(db, q, { limit: 50 });
    return { q, total: r.total, hits: r.hits.map((h) => [h.title, h.snippet]) };
  });
}

describe(
  'bulk import writes in batches (real worker thread, real library files)',
  { timeout: 120_000 },
  () => {
    it('answers searches (Latin, CJK, phrase) exactly as the same files imported one by one', async () => {
      const dir = tempDir();
      const root = join(dir, 'sources');
      textFolder(root);
      mkdirSync(join(dir, 'bulk'));
      mkdirSync(join(dir, 'single'));
      const bulk = openTestLibrary(join(dir, 'bulk'));
      const single = openTestLibrary(join(dir, 'single'));
      try {
        const report = await bulk.services.bulkImports.finished(
          (await bulk.invoke('bulkImport.startPaths', { paths: [root] })).jobId,
        );
        expect(report.counts).toEqual({ imported: 7, duplicate: 1, failed: 1, warned: 0 });
        // One by one, in the order the job took them: each file in its own transaction.
        const one = await importPaths(
          single.library.db,
          report.results.map((r) => r.file),
        );
        expect(one.map((r) => r.ok && r.duplicate)).toEqual(
          report.results.map((r) => r.ok && r.duplicate),
        );

        const got = answers(bulk.library.db);
        expect(got).toEqual(answers(single.library.db));
        // Not empty answers that agree: each query finds what the files hold.
        expect(Object.fromEntries(got.map((a) => [a.q, a.total]))).toEqual({
          carbon: 2,
          '"carbon tax"': 1,
          tax: 2,
          quillwort: 1,
          cafe: 1,
          'econom*': 0,
          committee: 2,
          平壤: 2,
          国事访问: 1,
          京: 2,
          평양: 1,
        });
      } finally {
        bulk.library.close();
        single.library.close();
      }
    });

    it('a file whose write fails in a batch rolls back only itself, named with the reason', async () => {
      const dir = tempDir();
      const root = join(dir, 'sources');
      mkdirSync(root);
      for (let i = 0; i < 6; i++)
        writeFileSync(
          join(root, `${i}.txt`),
          `${i === 3 ? 'Refused' : `Kept ${i}`}\n\nThe body of file ${i}.`,
        );
      const { library, services, invoke } = openTestLibrary(dir);
      try {
        // The library refuses one article at its insert, after its original was written in the
        // same savepoint: the worker's own connection sees it, as it would a real failing write.
        library.db
          .exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON articles WHEN new.title = 'Refused'
        BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
        const report = await services.bulkImports.finished(
          (await invoke('bulkImport.startPaths', { paths: [root] })).jobId,
        );
        expect(report.counts).toEqual({ imported: 5, duplicate: 0, failed: 1, warned: 0 });
        const failed = report.results.filter((r) => !r.ok);
        expect(failed.map((r) => r.file)).toEqual([join(root, '3.txt')]);
        expect(!failed[0]!.ok && failed[0]!.error.message).toMatch(/refused by the test/);
        const db = library.db;
        expect(db.prepare('SELECT title FROM articles ORDER BY title').pluck().all()).toEqual([
          'Kept 0',
          'Kept 1',
          'Kept 2',
          'Kept 4',
          'Kept 5',
        ]);
        // Its original went with it; the others' stayed, each with its article.
        expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(5);
        expect(
          db
            .prepare(
              'SELECT count(*) FROM originals o LEFT JOIN articles a ON a.hash = o.hash WHERE a.rid IS NULL',
            )
            .pluck()
            .get(),
        ).toBe(0);
        expect(search(db, 'body', { limit: 50 }).total).toBe(5);
      } finally {
        library.close();
      }
    });

    it('a file whose original fails in a batch fails alone; the other articles are inserted together', async () => {
      const dir = tempDir();
      const root = join(dir, 'sources');
      mkdirSync(root);
      for (let i = 0; i < 6; i++)
        writeFileSync(join(root, `${i}.txt`), `Kept ${i}\n\nThe body of file ${i}.`);
      const { library, services, invoke } = openTestLibrary(dir);
      try {
        const db = library.db;
        // Refused at its original, before its article: the batch goes on without it. Merging off
        // (this library only), so the word index shows the segments the import wrote.
        db.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON originals WHEN new.file_name = '3.txt'
          BEGIN SELECT RAISE(ABORT, 'original refused by the test'); END;
          INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0);
          INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 1000);`);
        const report = await services.bulkImports.finished(
          (await invoke('bulkImport.startPaths', { paths: [root] })).jobId,
        );
        expect(report.counts).toEqual({ imported: 5, duplicate: 0, failed: 1, warned: 0 });
        const failed = report.results.filter((r) => !r.ok);
        expect(failed.map((r) => r.file)).toEqual([join(root, '3.txt')]);
        expect(!failed[0]!.ok && failed[0]!.error.message).toMatch(/original refused by the test/);
        expect(db.prepare('SELECT title FROM articles ORDER BY title').pluck().all()).toEqual([
          'Kept 0',
          'Kept 1',
          'Kept 2',
          'Kept 4',
          'Kept 5',
        ]);
        expect(db.prepare('SELECT count(*) FROM originals').pluck().get()).toBe(5);
        expect(search(db, 'body', { limit: 50 }).total).toBe(5);
        db.exec("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)");
        // One batch of five: 4 + 1 articles per statement, two segments (one per file before).
        const structure = db
          .prepare('SELECT block FROM articles_fts_data WHERE id = 10')
          .pluck()
          .get() as Buffer;
        const at = structure.subarray(4, 8).equals(Buffer.from([0xff, 0, 0, 1])) ? 8 : 4;
        expect(structure[at + 1]).toBe(2);
      } finally {
        library.close();
      }
    });
  },
);
