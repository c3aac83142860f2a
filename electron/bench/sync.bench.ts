/**
 * Sync cost (issue #16). `npm run bench -- sync` (SYNC_BENCH_N=100000 for the figure;
 * default 20,000 to stay short on a shared machine; SYNC_BENCH_ROUNDS rounds, default 3).
 *
 * Every figure is a ratio taken within one round against a floor measured in that same round, so a
 * loaded machine slows both sides alike; the medians over the rounds are printed with the load.
 *
 * 1. N passages made on device A. Floors: the raw SQL insert (one statement per passage, triggers
 *    and indexes, one transaction) and the app's own path (`createPassage`, on a library that
 *    doesn't sync). Ours: capturing them and writing segments (what sync adds to the writes:
 *    target < 20%), device B applying them (target: no slower than making them locally: the fair
 *    floor is createPassage, the app's own path to the same rows; the raw insert is the lower bound),
 *    bytes in the folder per passage change, and bytes the field versions take in each library.
 * 2. A library of SYNC_BENCH_ARTICLES articles with originals (10000 for the figure)
 *    reaching a new device: time to send and to receive against the time the import took, the
 *    progress events, and the process's peak RSS (bounded: segments of at most 5,000 changes,
 *    applied one at a time).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { bench, describe } from 'vitest';
import { openDatabase } from '../core/db/open';
import { writeTransaction } from '../core/db/transactions';
import { newId, nowIso } from '../core/ids';
import { createPassage } from '../core/passages/repo';
import { addArticle } from '../core/search/test-library';
import { initSync, syncNow, type SyncProgress } from '../core/sync/engine';

const N = Number(process.env.SYNC_BENCH_N ?? 20_000);
/** Articles (each with its original) in the library a new device receives. */
const ARTICLES = Number(process.env.SYNC_BENCH_ARTICLES ?? 1_000);
const ROUNDS = Math.max(1, Number(process.env.SYNC_BENCH_ROUNDS ?? 3));
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
/**
 * tinybench calls a synchronous task once more in each of its loops to learn whether it is async;
 * an async function it recognises without calling, so the rounds run once.
 */
const runOnce = (work: () => void) => async () => work();
const BODY = 'The ferry timetable changed in spring. '.repeat(50);

/** Bytes a table and its indexes take in the library file (SQLite's dbstat). */
const tableBytes = (db: Database, table: string): number =>
  db
    .prepare<[string], number | null>('SELECT sum(pgsize) FROM dbstat WHERE name = ?')
    .pluck()
    .get(table) ?? 0;

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    total += st.isDirectory() ? folderBytes(p) : st.size;
  }
  return total;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `work` and says how long it took (ms) and the process's CPU time in it (ms): at load 15 on
 * two cores the wall time of one phase varies threefold between rounds; its CPU time far less
 * (it leaves out waiting for the disk: fsyncs count only in the wall time).
 */
function timed<T>(work: () => T): [T, number, number] {
  const t = performance.now();
  const c = cpuMs();
  const value = work();
  return [value, performance.now() - t, cpuMs() - c];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Gives `work` a fresh temp directory, removed afterwards whatever happens. */
function inTempDir<T>(work: (root: string) => T): T {
  const root = mkdtempSync(join(tmpdir(), 'commonplace-sync-bench-'));
  try {
    return work(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, ${cpus().length} cores`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** One figure of a round: its value and how it is printed. */
type Figures = Record<string, { value: number; show: (v: number) => string }>;

/** Runs the rounds, printing each round's figures as it ends and then their medians. */
function rounds(title: string, round: (i: number) => Figures): void {
  console.log(`${title}: ${ROUNDS} round(s), ${load()}`);
  const all: Figures[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const f = round(i);
    all.push(f);
    console.log(
      `  round ${i + 1}: ${Object.entries(f)
        .map(([k, { value, show }]) => `${k} ${show(value)}`)
        .join('; ')}`,
    );
  }
  console.log(
    `  median: ${Object.entries(all[0]!)
      .map(([k, { show }]) => `${k} ${show(median(all.map((f) => f[k]!.value)))}`)
      .join('; ')}`,
  );
  console.log(`  after: ${load()}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

const ms = (v: number) => `${v.toFixed(0)} ms`;
const times = (v: number) => `${v.toFixed(2)}×`;
const percent = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(0)}%`;
const plain = (v: number) => v.toFixed(0);

/** N passages on one article of a library: the raw insert the app's own statement makes. */
function insertPassagesRaw(db: Database, article: string, n: number): void {
  const insert = db.prepare(
    `INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", orphaned, color, comment, created_at, updated_at)
     VALUES (?, ?, 'ferry timetable', 'The ', ' changed', 4, 19, 0, 'yellow', ?, ?, ?)`,
  );
  writeTransaction(db, () => {
    for (let i = 0; i < n; i++) insert.run(newId(), article, `comment ${i}`, nowIso(), nowIso());
  });
}

describe(`sync: ${N.toLocaleString('en-US')} passage changes`, () => {
  bench(
    'make locally, send, apply remotely',
    runOnce(() =>
      rounds(`sync bench, ${N} passages`, () =>
        inTempDir((root) => {
          const folder = join(root, 'folder');
          mkdirSync(folder);
          const a = openDatabase(join(root, 'a.sqlite'));
          const b = openDatabase(join(root, 'b.sqlite'));
          const c = openDatabase(join(root, 'c.sqlite'));
          try {
            initSync(a, { folder, name: 'A' });
            initSync(b, { folder, name: 'B' });
            const article = addArticle(a, { title: 'Bench', body: BODY });
            syncNow(a);
            syncNow(b);
            // Each phase's peak RSS, sampled as it goes (every 1,000 passages made, each
            // segment sent or applied): the process's own peak mixes the floors in.
            const peaks = { app: 0, send: 0, apply: 0 };
            const sample = (phase: keyof typeof peaks) => () =>
              (peaks[phase] = Math.max(peaks[phase], process.memoryUsage().rss));
            // The app's own way to make a passage, on a library that doesn't sync.
            const other = addArticle(c, { title: 'Bench', body: BODY });
            const [, app, appCpu] = timed(() =>
              writeTransaction(c, () => {
                for (let i = 0; i < N; i++) {
                  if (i % 1000 === 0) sample('app')();
                  createPassage(c, {
                    articleId: other,
                    start: 4,
                    end: 19,
                    color: 'yellow',
                    tags: [],
                    comment: `comment ${i}`,
                  });
                }
              }),
            );
            const [, floor, floorCpu] = timed(() => insertPassagesRaw(a, article, N));
            const versionsBefore = tableBytes(a, 'sync_row_versions');
            sample('send')();
            const [, send, sendCpu] = timed(() => syncNow(a, { onProgress: sample('send') }));
            const bytes = folderBytes(folder);
            sample('apply')();
            const [got, apply, applyCpu] = timed(() => syncNow(b, { onProgress: sample('apply') }));
            const versionsA = tableBytes(a, 'sync_row_versions') - versionsBefore;
            const count = b.prepare<[], number>('SELECT count(*) FROM passages').pluck().get();
            if (got.received !== N || count !== N)
              throw new Error(`B applied ${got.received} changes and holds ${count} passages`);
            return {
              'raw insert': { value: floor, show: ms },
              createPassage: { value: app, show: ms },
              send: { value: send, show: ms },
              'send adds': { value: send / floor, show: percent },
              'send vs createPassage': { value: send / app, show: percent },
              apply: { value: apply, show: ms },
              'apply vs raw': { value: apply / floor, show: times },
              'apply vs createPassage': { value: apply / app, show: times },
              'CPU: send adds': { value: sendCpu / floorCpu, show: percent },
              'CPU: send vs createPassage': { value: sendCpu / appCpu, show: percent },
              'CPU: apply vs createPassage': { value: applyCpu / appCpu, show: times },
              'folder bytes per change': { value: bytes / N, show: plain },
              'peak RSS createPassage': { value: peaks.app, show: mb },
              'peak RSS send': { value: peaks.send, show: mb },
              'peak RSS apply': { value: peaks.apply, show: mb },
              'version bytes per change (A)': { value: versionsA / N, show: plain },
              'version bytes per change (B)': {
                value: tableBytes(b, 'sync_row_versions') / N,
                show: plain,
              },
            };
          } finally {
            a.close();
            b.close();
            c.close();
          }
        }),
      ),
    ),
    once,
  );

  bench(
    `a library of ${ARTICLES.toLocaleString('en-US')} articles with originals reaches a new device`,
    runOnce(() =>
      rounds(`sync bench, new device, ${ARTICLES} articles`, () =>
        inTempDir((root) => {
          const folder = join(root, 'folder');
          mkdirSync(folder);
          const a = openDatabase(join(root, 'a.sqlite'));
          const b = openDatabase(join(root, 'b.sqlite'));
          try {
            const words = 'harbour ferry monsoon kerala timetable tides spring river '.repeat(40);
            const [, made] = timed(() => {
              for (let i = 0; i < ARTICLES; i++)
                addArticle(a, { title: `Report ${i}`, body: `${words} number ${i}.` });
            });
            const rssBefore = process.memoryUsage().rss;
            // Sampled at each progress event: what the process holds while segments go and come.
            let peak = rssBefore;
            const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
            const [, send] = timed(() => {
              initSync(a, { folder, name: 'A' });
              return syncNow(a, { onProgress: sample });
            });
            const events: SyncProgress[] = [];
            const [got, receive] = timed(() => {
              initSync(b, { folder, name: 'B' });
              return syncNow(b, {
                onProgress: (p) => {
                  events.push(p);
                  sample();
                },
              });
            });
            const count = b.prepare<[], number>('SELECT count(*) FROM articles').pluck().get();
            const last = events.filter((e) => e.phase === 'receiving').at(-1);
            if (count !== ARTICLES || !last || last.done !== last.total)
              throw new Error(`B holds ${count} articles; last progress ${JSON.stringify(last)}`);
            return {
              import: { value: made, show: ms },
              send: { value: send, show: ms },
              receive: { value: receive, show: ms },
              'receive vs import': { value: receive / made, show: times },
              segments: { value: got.applied, show: plain },
              'progress events': { value: events.length, show: plain },
              'folder MB': { value: folderBytes(folder) / 1024 / 1024, show: plain },
              'RSS before sync': { value: rssBefore, show: mb },
              'peak RSS while syncing': { value: peak, show: mb },
            };
          } finally {
            a.close();
            b.close();
          }
        }),
      ),
    ),
    once,
  );
});
