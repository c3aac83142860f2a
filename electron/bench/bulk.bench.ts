/**
 * Library bulk actions (#20 pt 5): `npm run bench -- bulk` (BULK_BENCH_N articles, default 20,000
 * to stay short on a shared machine; 100000 for the library). Times, once each, what
 * Select all then an action costs in the core: trash by the list's query, its Undo (restore by
 * the trash's instant), mark read by query, and the ids of a 10,000-row Shift+click range.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { openDatabase } from '../core/db/open';
import { writeTransaction } from '../core/db/transactions';
import { bulkAction, type Selection } from '../core/articles/bulk';
import { listIds } from '../core/articles/listing';
import { insertTestArticle } from '../core/export/testFixture';

const N = Number(process.env.BULK_BENCH_N ?? 20_000);
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

describe(`bulk actions on ${N} articles`, () => {
  bench(
    'select all: trash, undo, mark read; a 10,000-row range',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'commonplace-bulk-bench-'));
      const db = openDatabase(join(dir, 'library.sqlite'));
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
        const time = <T>(label: string, work: () => T): T => {
          const start = performance.now();
          const out = work();
          console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
          return out;
        };
        const all: Selection = { kind: 'query', query: { sort: 'added' }, except: [] };
        const trashed = time('trash all (by query)', () => bulkAction(db, all, { kind: 'trash' }));
        time('undo (restore by the trash instant)', () =>
          bulkAction(db, { kind: 'trashed', trashedAt: trashed.at }, { kind: 'restore' }),
        );
        time('mark all read (by query)', () =>
          bulkAction(db, all, { kind: 'markRead', read: true }),
        );
        time('ids of a 10,000-row range (title order)', () =>
          listIds(db, { sort: 'title', offset: Math.floor(N / 2), limit: 10_000 }),
        );
        console.log(`${trashed.count} articles; load ${loadavg()[0]!.toFixed(1)}`);
      } finally {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    once,
  );
});
