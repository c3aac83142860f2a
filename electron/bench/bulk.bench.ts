/**
 * Library bulk actions (#20 pt 5): `npm run bench -- bulk` (BULK_BENCH_N articles, default 20,000
 * to stay short on a shared machine; 100000 for the library). Times, once each, what
 * Select all then an action costs as the API runs it (a job in batches, bulkJobs.ts): trash by the
 * list's query, its Undo (restore by the trash's action), mark read by query — each with the
 * longest single transaction (how long the API waits at most meanwhile) and how long resolving
 * the selection takes before the call answers — and the ids of a 10,000-row Shift+click range.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { writeTransaction } from '../core/db/transactions';
import { BulkJobs } from '../core/articles/bulkJobs';
import type { Selection } from '../core/articles/bulk';
import { listIds } from '../core/articles/listing';
import { openLibrary } from '../core/library';
import type { BulkAction } from '../model/library';
import { insertTestArticle } from '../core/export/testFixture';

const N = Number(process.env.BULK_BENCH_N ?? 20_000);
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

describe(`bulk actions on ${N} articles`, () => {
  bench(
    'select all: trash, undo, mark read (as jobs); a 10,000-row range',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'commonplace-bulk-bench-'));
      const library = openLibrary(join(dir, 'library.sqlite'), { watchIntervalMs: 0 });
      const { db } = library;
      try {
        writeTransaction(db, () => {
          for (let i = 0; i < N; i++)
            insertTestArticle(db, {
              title: `Article ${i}`,
              published: null,
              byline: null,
              siteName: null,
              paragraphs: [`Body ${i}.`],
            });
        });
        let longest = 0;
        const jobs = new BulkJobs(library, {
          onBatch: (_n, ms) => (longest = Math.max(longest, ms)),
        });
        const run = async (label: string, selection: Selection, action: BulkAction) => {
          longest = 0;
          const start = performance.now();
          const answer = jobs.start(selection, action);
          const answered = performance.now() - start;
          const end = answer.jobId ? await jobs.finished(answer.jobId) : null;
          if (end && end.state !== 'finished') throw new Error(`${label}: ${end.error}`);
          console.log(
            `${label}: ${(performance.now() - start).toFixed(0)} ms in all; ` +
              `call answered in ${answered.toFixed(0)} ms; longest batch transaction ${longest.toFixed(0)} ms`,
          );
          return answer;
        };
        const all: Selection = { kind: 'query', query: { sort: 'added' }, except: [] };
        const trashed = await run('trash all (by query)', all, { kind: 'trash' });
        await run(
          'undo (restore by the trash action)',
          { kind: 'trashAction', action: trashed.action },
          { kind: 'restore' },
        );
        await run('mark all read (by query)', all, { kind: 'markRead', read: true });
        const start = performance.now();
        listIds(db, { sort: 'title', offset: Math.floor(N / 2), limit: 10_000 });
        console.log(
          `ids of a 10,000-row range (title order): ${(performance.now() - start).toFixed(0)} ms`,
        );
        console.log(`${trashed.count} articles; load ${loadavg()[0]!.toFixed(1)}`);
      } finally {
        library.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    once,
  );
});
