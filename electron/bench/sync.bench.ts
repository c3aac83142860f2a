/**
 * Sync cost (issue #16). `npm run bench -- sync` (SYNC_BENCH_N=100000 for the figure;
 * default 20,000 to stay short on a shared machine). Prints, for N passages made on device A:
 * the local write time of those changes, the time to capture them and write them as segments
 * (what sync adds to the library's writes), the time device B takes to apply them (target: no
 * slower than making them locally), and bytes in the folder per passage change. Then a library
 * of SYNC_BENCH_ARTICLES articles with originals (10000 for the figure) reaching a new
 * device: time to send and to receive, and the process's peak RSS (memory bounded: segments of at
 * most 5,000 changes, applied one at a time).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { openDatabase } from '../core/db/open';
import { writeTransaction } from '../core/db/transactions';
import { newId, nowIso } from '../core/ids';
import { addArticle } from '../core/search/test-library';
import { initSync, syncNow } from '../core/sync/engine';

const N = Number(process.env.SYNC_BENCH_N ?? 20_000);
/** Articles (each with its original) in the library a new device receives. */
const ARTICLES = Number(process.env.SYNC_BENCH_ARTICLES ?? 1_000);

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? folderBytes(p) : st.size;
  }
  return total;
}

describe(`sync: ${N.toLocaleString('en-US')} passage changes`, () => {
  bench(
    'make locally, send, apply remotely',
    () => {
      const root = mkdtempSync(join(tmpdir(), 'commonplace-sync-bench-'));
      try {
        const folder = join(root, 'folder');
        const a = openDatabase(join(root, 'a.sqlite'));
        const b = openDatabase(join(root, 'b.sqlite'));
        mkdirSync(folder);
        initSync(a, { folder, name: 'A' });
        initSync(b, { folder, name: 'B' });
        const article = addArticle(a, {
          title: 'Bench',
          body: 'The ferry timetable changed in spring. '.repeat(50),
        });
        syncNow(a);
        syncNow(b);
        // Local: N passages written as the app writes them (one insert each, triggers and indexes).
        const insert = a.prepare(
          `INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", orphaned, color, comment, created_at, updated_at)
           VALUES (?, ?, 'ferry timetable', 'The ', ' changed', 4, 19, 0, 'yellow', ?, ?, ?)`,
        );
        let t = performance.now();
        writeTransaction(a, () => {
          for (let i = 0; i < N; i++)
            insert.run(newId(), article, `comment ${i}`, nowIso(), nowIso());
        });
        const local = performance.now() - t;
        t = performance.now();
        const sent = syncNow(a);
        const send = performance.now() - t;
        const bytes = folderBytes(folder);
        t = performance.now();
        const got = syncNow(b);
        const apply = performance.now() - t;
        const count = b.prepare('SELECT count(*) FROM passages').pluck().get();
        console.log(
          [
            `sync bench, ${N} passages: made locally ${local.toFixed(0)} ms`,
            `captured + written as ${sent.written} segments ${send.toFixed(0)} ms (+${((send / local) * 100).toFixed(0)}% of the local write)`,
            `applied on B ${apply.toFixed(0)} ms (${(apply / local).toFixed(2)}× the local write; ${got.received} changes, ${String(count)} passages)`,
            `folder ${bytes} bytes, ${(bytes / N).toFixed(0)} bytes per passage change`,
            `peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`,
          ].join('\n'),
        );
        a.close();
        b.close();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );

  bench(
    `a library of ${ARTICLES.toLocaleString('en-US')} articles with originals reaches a new device`,
    () => {
      const root = mkdtempSync(join(tmpdir(), 'commonplace-sync-bench-'));
      try {
        const folder = join(root, 'folder');
        mkdirSync(folder);
        const a = openDatabase(join(root, 'a.sqlite'));
        const words = 'harbour ferry monsoon kerala timetable tides spring river '.repeat(40);
        let t = performance.now();
        for (let i = 0; i < ARTICLES; i++)
          addArticle(a, { title: `Report ${i}`, body: `${words} number ${i}.` });
        const made = performance.now() - t;
        const rssBefore = process.memoryUsage().rss;
        t = performance.now();
        initSync(a, { folder, name: 'A' });
        const sent = syncNow(a);
        const send = performance.now() - t;
        const b = openDatabase(join(root, 'b.sqlite'));
        t = performance.now();
        initSync(b, { folder, name: 'B' });
        const got = syncNow(b);
        const receive = performance.now() - t;
        const count = b.prepare('SELECT count(*) FROM articles').pluck().get();
        console.log(
          [
            `sync bench, new device: ${ARTICLES} articles imported on A in ${made.toFixed(0)} ms`,
            `A sends them (first capture + ${sent.written} segments + originals) in ${send.toFixed(0)} ms`,
            `B receives them (${got.applied} segments, ${String(count)} articles) in ${receive.toFixed(0)} ms (${(receive / made).toFixed(2)}× the import)`,
            `folder ${folderBytes(folder)} bytes; RSS before sync ${(rssBefore / 1024 / 1024).toFixed(0)} MB, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
          ].join('\n'),
        );
        a.close();
        b.close();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
