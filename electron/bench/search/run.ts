/**
 * Search benchmark: builds a synthetic library of N articles (~8 KB each) through the app's own
 * insert path (same SQL and triggers as an import, minus the file parsers), then measures
 *  - import throughput (articles/s, database work only),
 *  - `search()` latency, top 20 with snippets and counts, p50/p95/p99 per query,
 *  - the FTS5 floor: the bare `SELECT rowid … MATCH ? ORDER BY bm25 LIMIT 20` on the index that
 *    drives the same query (articles_fts; articles_cjk or articles_grams for CJK-only queries),
 *    same database,
 *  - `grep -ril` over the same texts written as files (a few runs: it is slow), and `grep -ric`,
 *    which reads every file to the end as ranking needs (-l stops at a file's first match),
 *  - peak memory (sampled RSS and the process's maxRSS).
 * Prints a table and writes every figure to JSON. Targets (100,000 articles): p95 < 30 ms,
 * within 1.3× of the floor, ≥ 100× faster than grep, peak RSS < 300 MB.
 *
 * Usage: runSearchBench(['--articles', '100000', '--seed', '1', '--out', 'bench/results/search.json'])
 * Other flags: --runs N (timed runs per query, default 30), --grep-runs N (default 3),
 * --dir PATH (where temporary files go, default the OS temp dir), --keep (leave them),
 * --cache DIR (where generated libraries are kept between runs, default DIR/commonplace-bench-cache;
 * see `cache.ts`), --no-cache (build a fresh library in the temporary folder).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { insertArticles, type NewArticle } from '../../core/articles/repo';
import { insertOriginal } from '../../core/articles/originalStore';
import { makeBody, paragraph } from '../../model/body';
import { openDatabase } from '../../core/db/open';
import { newId, nowIso } from '../../core/ids';
import { createNote } from '../../core/notes/repo';
import { createPassage } from '../../core/passages/repo';
import { compileTextMatch, MAX_PREFIX_WORDS } from '../../core/search/match';
import { parseQuery } from '../../core/search/query';
import { search } from '../../core/search/search';
import { ensureTags, tagArticle } from '../../core/tags/repo';
import { safeTagKey } from '../../core/tags/names';
import { KIND_SQL } from '../../core/search/sql';
import { cachedLibrary, cacheKey } from './cache';
import { storageReport } from './storage';
import { CORPUS_VERSION, makeCorpus, RARE_WORD, TAGS, prng, type GeneratedArticle } from './corpus';
import { ratio, summarize, table, timeMs, type Summary } from './stats';
import { writeTransaction } from '../../core/db/transactions';
import { benchArgs, unknownOption } from '../args';

interface BenchOptions {
  articles: number;
  seed: number;
  out: string;
  runs: number;
  grepRuns: number;
  dir: string;
  keep: boolean;
  /** null: no cache. */
  cache: string | null;
}

function parseArgs(args: readonly string[]): BenchOptions {
  const opts: BenchOptions = {
    articles: 100_000,
    seed: 1,
    out: 'bench/results/search.json',
    runs: 30,
    grepRuns: 3,
    dir: tmpdir(),
    keep: false,
    cache: '',
  };
  for (const a of benchArgs(args)) {
    if (a.flag === '--articles') opts.articles = a.positive();
    else if (a.flag === '--seed') opts.seed = a.positive();
    else if (a.flag === '--out') opts.out = a.value();
    else if (a.flag === '--runs') opts.runs = a.positive();
    else if (a.flag === '--grep-runs') opts.grepRuns = a.positive();
    else if (a.flag === '--dir') opts.dir = a.value();
    else if (a.flag === '--keep') opts.keep = true;
    else if (a.flag === '--cache') opts.cache = a.value();
    else if (a.flag === '--no-cache') opts.cache = null;
    else
      throw unknownOption(
        a.flag,
        '--articles N --seed N --out FILE --runs N --grep-runs N --dir PATH --keep --cache DIR --no-cache',
      );
  }
  if (opts.cache === '') opts.cache = join(resolve(opts.dir), 'commonplace-bench-cache');
  return opts;
}

/** Peak resident memory as seen by sampling (the import and query loops are synchronous). */
class RssSampler {
  peak = 0;
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
}

interface BenchQuery {
  name: string;
  query: string;
  /** Fixed string for grep -ril, when the query is one term grep can look for. */
  grep?: string;
}

function benchQueries(words: readonly string[]): BenchQuery[] {
  return [
    { name: '1 word', query: words[1500]!, grep: words[1500]! },
    { name: '2 words', query: `${words[800]} ${words[3000]}` },
    { name: 'phrase', query: '"carbon tax"', grep: 'carbon tax' },
    { name: 'prefix', query: 'econom*' },
    { name: 'tag filter', query: 'tag:energy policy' },
    { name: 'CJK 2 chars', query: '平壤', grep: '平壤' },
    { name: 'CJK 4 chars', query: '国事访问', grep: '国事访问' },
    { name: 'rare word', query: RARE_WORD, grep: RARE_WORD },
    { name: 'very common word', query: 'the', grep: 'the' },
    // Not in the brief's list; shown for information.
    { name: '(extra) accents', query: 'cafe' },
    { name: '(extra) CJK 1 char', query: '京' },
    { name: '(extra) Korean 2 chars', query: '평양' },
    { name: '(extra) notes: 1 word', query: `kind:note ${words[1500]}` },
  ];
}

/**
 * The floor: the bare FTS5 query on the index that drives `q` (word index, else trigram, else
 * CJK grams), with our expression (prefixes and short CJK terms resolved as `search` resolves
 * them) and our column weights, ranked top 20 — what any ranked first page must at least do —
 * without filters, counts, joins or snippets.
 */
function floorStatement(db: Database, q: string): { sql: string; expr: string } | null {
  const parsed = parseQuery(q, { tagKey: safeTagKey });
  const expand = (needle: string) =>
    db
      .prepare('SELECT term FROM articles_cjk_vocab WHERE term >= ? AND term < ?')
      .pluck()
      .all(needle, `${needle}\u{10ffff}`) as string[];
  const expandPrefix = (prefix: string) => {
    const words = db
      .prepare(
        `SELECT term FROM articles_fts_vocab WHERE term >= ? AND term < ? LIMIT ${MAX_PREFIX_WORDS + 1}`,
      )
      .pluck()
      .all(prefix, `${prefix}\u{10ffff}`) as string[];
    return words.length > MAX_PREFIX_WORDS ? null : words;
  };
  const m = compileTextMatch(parsed, expand, expandPrefix);
  const table =
    m.word !== null
      ? 'articles_fts'
      : m.cjk !== null
        ? 'articles_cjk'
        : m.gram !== null
          ? 'articles_grams'
          : null;
  const expr = m.word ?? m.cjk ?? m.gram;
  if (!table || expr === null) return null;
  const weights = KIND_SQL.article.weights.join(', ');
  return {
    sql: `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY bm25(${table}, ${weights}) LIMIT 20`,
    expr,
  };
}

interface ImportFigures {
  articles: number;
  passages: number;
  seconds: number;
  articlesPerSecond: number;
  /**
   * The same per second of this process's CPU time (user + system) during the import: on a
   * shared, loaded machine the wall-clock figure mostly measures the other processes.
   */
  articlesPerCpuSecond: number;
  /** The machine's 1-minute load average when the import ended (absent in older cached figures). */
  loadAverage?: number;
  textMB: number;
  databaseMB: number;
}

function buildLibrary(
  db: Database,
  opts: BenchOptions,
  filesDir: string,
  rss: RssSampler,
): Omit<ImportFigures, 'databaseMB'> {
  const corpus = makeCorpus({ seed: opts.seed });
  const rand = prng(opts.seed + 1);
  let dbMs = 0;
  let cpuUs = 0;
  let passages = 0;
  let textBytes = 0;
  const batch = 500;
  for (let first = 0; first < opts.articles; first += batch) {
    const generated: Array<{ n: number; a: GeneratedArticle }> = [];
    for (let n = first; n < Math.min(opts.articles, first + batch); n++) {
      const a = corpus.article(n);
      const sub = join(filesDir, String(n % 100));
      if (n < 100) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `${n}.txt`), `${a.title}\n\n${a.text}`);
      textBytes += Buffer.byteLength(a.text);
      generated.push({ n, a });
    }
    const cpu = process.cpuUsage();
    dbMs += timeMs(() =>
      writeTransaction(db, () => {
        // As a bulk import writes a batch (core/import/bulk/writeBatch.ts): each file's original,
        // then the batch's articles together, then what refers to them.
        const rows = generated.map(({ n, a }) => {
          const bytes = Buffer.from(`${a.title}\n\n${a.text}`);
          const hash = createHash('sha256').update(bytes).digest('hex'); // as import.ts names originals
          const now = nowIso();
          insertOriginal(db, {
            hash,
            bytes,
            mediaType: 'text/plain',
            fileName: `${n}.txt`,
            createdAt: now,
            articleText: a.text,
          });
          const article: NewArticle = {
            id: newId(),
            title: a.title,
            subtitle: null,
            byline: null,
            published: a.published,
            siteName: a.siteName,
            lang: a.lang,
            excerpt: null,
            source: a.source,
            format: 'text',
            hash,
            text: a.text,
            body: makeBody(a.text.split('\n\n').map(paragraph)),
            createdAt: now,
          };
          return { n, a, article };
        });
        insertArticles(
          db,
          rows.map((r) => r.article),
        );
        for (const { n, a, article } of rows) {
          const id = article.id;
          if (a.tags.length) tagArticle(db, id, ensureTags(db, a.tags));
          if (n % 10 === 3) {
            // A passage of ~100 characters starting at a word, half of them tagged, some with a comment.
            const from =
              a.text.indexOf(' ', Math.floor(rand() * Math.max(1, a.text.length - 200))) + 1;
            const tags =
              rand() < 0.5
                ? [
                    TAGS[Math.floor(rand() * TAGS.length)]!,
                    ...(rand() < 0.3 ? [TAGS[Math.floor(rand() * TAGS.length)]!] : []),
                  ]
                : [];
            const comment =
              rand() < 0.3 ? 'Worth checking against the policy archive before citing.' : '';
            createPassage(db, {
              articleId: id,
              start: from,
              end: Math.min(a.text.length, from + 100),
              color: 'yellow',
              tags,
              comment,
            });
            passages++;
          }
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    cpuUs += used.user + used.system;
    rss.sample();
    if ((first / batch) % 20 === 0)
      process.stdout.write(
        `\r  imported ${Math.min(opts.articles, first + batch)} / ${opts.articles}`,
      );
  }
  process.stdout.write('\n');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return {
    articles: opts.articles,
    passages,
    seconds: Math.round(dbMs / 10) / 100,
    articlesPerSecond: Math.round(opts.articles / (dbMs / 1000)),
    articlesPerCpuSecond: Math.round(opts.articles / (cpuUs / 1e6)),
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
    textMB: Math.round(textBytes / 1e5) / 10,
  };
}

/**
 * One note per 20 articles (a paragraph or two of the corpus, a third of them tagged), through the
 * notes code, when the library has none: libraries cached before notes existed get them here.
 */
function ensureNotes(db: Database, opts: BenchOptions): number {
  const have = db.prepare('SELECT count(*) FROM notes').pluck().get() as number;
  if (have > 0) return have;
  const corpus = makeCorpus({ seed: opts.seed + 2, articleChars: 900 });
  const rand = prng(opts.seed + 3);
  const count = Math.max(1, Math.floor(opts.articles / 20));
  writeTransaction(db, () => {
    for (let i = 0; i < count; i++) {
      const a = corpus.article(i);
      createNote(db, {
        title: a.title,
        markdown: a.text,
        tags: rand() < 0.3 ? [TAGS[Math.floor(rand() * TAGS.length)]!] : [],
      });
    }
  });
  return count;
}

/** Builds the library and its text files in `dir` (closing the database), returning the import figures. */
function buildInto(
  dir: string,
  opts: BenchOptions,
  rss: RssSampler,
): Omit<ImportFigures, 'databaseMB'> {
  const db = openDatabase(join(dir, 'library.sqlite'));
  try {
    return buildLibrary(db, opts, join(dir, 'texts'), rss);
  } finally {
    db.close();
  }
}

interface QueryFigures {
  name: string;
  query: string;
  total: number;
  counts: Record<string, number>;
  ours: Summary;
  floor: Summary | null;
  floorIndex: string | null;
  /** `grep -rilF`: stops reading a file at its first match. */
  grep: GrepFigures | null;
  /** `grep -ricF`: reads every file to the end and counts matching lines, as ranking needs. */
  grepCount: GrepFigures | null;
  oursOverFloorP50: number;
  oursOverFloorP95: number;
  grepOverOursP50: number;
  grepCountOverOursP50: number;
}

interface GrepFigures {
  runs: number[];
  median: number;
  files: number;
}

function runGrep(
  flags: '-rilF' | '-ricF',
  pattern: string,
  dir: string,
): { ms: number; files: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('grep', [flags, '--', pattern, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  const lines = r.stdout ? r.stdout.split('\n').filter(Boolean) : [];
  // -c prints every file with its count, 0 included.
  return {
    ms,
    files: flags === '-ricF' ? lines.filter((l) => !l.endsWith(':0')).length : lines.length,
  };
}

function measureGrep(
  flags: '-rilF' | '-ricF',
  pattern: string,
  dir: string,
  runs: number,
): GrepFigures {
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const g = runGrep(flags, pattern, dir);
    times.push(Math.round(g.ms));
    files = g.files;
  }
  return { runs: times, median: summarize(times).p50, files };
}

function measureQueries(
  db: Database,
  opts: BenchOptions,
  filesDir: string,
  rss: RssSampler,
  queries: BenchQuery[],
): QueryFigures[] {
  const out: QueryFigures[] = [];
  for (const bq of queries) {
    const result = search(db, bq.query, { limit: 20 });
    for (let i = 0; i < 2; i++) search(db, bq.query, { limit: 20 }); // warm the page cache and statements
    const ours: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      ours.push(timeMs(() => search(db, bq.query, { limit: 20 })));
      rss.sample();
    }
    const floorSql = floorStatement(db, bq.query);
    let floor: Summary | null = null;
    if (floorSql) {
      const stmt = db.prepare(floorSql.sql).pluck();
      for (let i = 0; i < 2; i++) stmt.all(floorSql.expr);
      const samples: number[] = [];
      for (let i = 0; i < opts.runs; i++) samples.push(timeMs(() => stmt.all(floorSql.expr)));
      floor = summarize(samples);
    }
    const grep = bq.grep ? measureGrep('-rilF', bq.grep, filesDir, opts.grepRuns) : null;
    const grepCount = bq.grep ? measureGrep('-ricF', bq.grep, filesDir, opts.grepRuns) : null;
    const s = summarize(ours);
    out.push({
      name: bq.name,
      query: bq.query,
      total: result.total,
      counts: result.counts,
      ours: s,
      floor,
      floorIndex: floorSql ? (/FROM (\w+)/.exec(floorSql.sql)?.[1] ?? null) : null,
      grep,
      grepCount,
      oursOverFloorP50: floor ? ratio(s.p50, floor.p50) : Number.NaN,
      oursOverFloorP95: floor ? ratio(s.p95, floor.p95) : Number.NaN,
      grepOverOursP50: grep ? ratio(grep.median, s.p50) : Number.NaN,
      grepCountOverOursP50: grepCount ? ratio(grepCount.median, s.p50) : Number.NaN,
    });
    process.stdout.write(`  ${bq.name}: p50 ${s.p50} ms\n`);
  }
  return out;
}

export async function runSearchBench(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const work = mkdtempSync(join(resolve(opts.dir), 'commonplace-search-bench-'));
  // The import (when this run builds the library) and the searches are sampled apart: the
  // memory target is about searching; building 100,000 articles in this process peaks higher.
  const importRss = new RssSampler();
  const rss = new RssSampler();
  let db: Database | null = null;
  try {
    const lib = opts.cache
      ? cachedLibrary(opts.cache, cacheKey(CORPUS_VERSION, opts.articles, opts.seed), (dir) =>
          buildInto(dir, opts, importRss),
        )
      : {
          dir: work,
          library: join(work, 'library.sqlite'),
          texts: join(work, 'texts'),
          figures: buildInto(work, opts, importRss),
          reused: false,
        };
    const filesDir = lib.texts;
    console.log(
      `Search benchmark: ${opts.articles} articles, seed ${opts.seed}, library in ${lib.dir}${lib.reused ? ' (cached)' : ''}`,
    );
    db = openDatabase(lib.library, { noUpgradeCopy: true }); // derived data: rebuilt, not restored
    rss.sample();
    const notes = ensureNotes(db, opts);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const imported: ImportFigures & { cached: boolean; notes: number } = {
      ...lib.figures,
      notes,
      databaseMB: Math.round(statSync(lib.library).size / 1e5) / 10,
      cached: lib.reused,
    };
    console.log(
      `  ${imported.articlesPerSecond} articles/s, ${imported.databaseMB} MB database for ${imported.textMB} MB of text`,
    );
    const storage = storageReport(db, lib.library);
    console.log(
      `  size: ${storage.fileMB} MB for ${storage.textMB} MB of article text = ${storage.ratio}× (target ≤ 2×)`,
    );
    const queries = benchQueries(makeCorpus({ seed: opts.seed }).words);
    const measured = measureQueries(db, opts, filesDir, rss, queries);
    rss.sample();

    const core = measured.filter((m) => !m.name.startsWith('(extra)'));
    const all = (pick: (m: QueryFigures) => Summary | null) =>
      core.map(pick).filter((s): s is Summary => s !== null);
    const worstOursP95 = Math.max(...all((m) => m.ours).map((s) => s.p95));
    const withFloor = core.filter((m) => m.floor);
    const sumOursP50 = withFloor.reduce((s, m) => s + m.ours.p50, 0);
    const sumFloorP50 = withFloor.reduce((s, m) => s + m.floor!.p50, 0);
    const grepRatios = core.filter((m) => m.grep).map((m) => m.grepOverOursP50);
    const grepCountRatios = core.filter((m) => m.grepCount).map((m) => m.grepCountOverOursP50);
    const memory = {
      /** While searching. */
      peakRssSampledMB: Math.round(rss.peak / 1e5) / 10,
      /** While building the library, when this run built it. */
      importPeakRssSampledMB: lib.reused ? null : Math.round(importRss.peak / 1e5) / 10,
      /** The whole process, the import included when this run built the library. */
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    };
    const summary = {
      worstQueryP95Ms: worstOursP95,
      oursOverFloorSumOfP50: ratio(sumOursP50, sumFloorP50),
      oursOverFloorWorstQueryP95: Math.max(...withFloor.map((m) => m.oursOverFloorP95)),
      grepOverOursMinP50: Math.min(...grepRatios),
      grepCountOverOursMinP50: Math.min(...grepCountRatios),
    };
    const targets = {
      p95Under30ms: worstOursP95 < 30,
      within1_3xOfFloor: summary.oursOverFloorSumOfP50 <= 1.3,
      atLeast100xFasterThanGrep: summary.grepOverOursMinP50 >= 100,
      libraryAtMost2xText: storage.ratio <= 2,
      peakRssUnder300MB:
        (lib.reused
          ? Math.max(memory.peakRssSampledMB, memory.maxRssMB)
          : memory.peakRssSampledMB) < 300,
    };

    console.log();
    console.log(
      table(
        [
          'query',
          'hits',
          'ours p50',
          'p95',
          'p99',
          'floor p50',
          'p95',
          'ours/floor p50',
          'p95',
          'grep -l ms',
          'grep/ours',
          'grep -c ms',
          'grep -c/ours',
        ],
        measured.map((m) => [
          `${m.name}: ${m.query}`,
          m.total,
          m.ours.p50,
          m.ours.p95,
          m.ours.p99,
          m.floor?.p50 ?? Number.NaN,
          m.floor?.p95 ?? Number.NaN,
          m.oursOverFloorP50,
          m.oursOverFloorP95,
          m.grep?.median ?? Number.NaN,
          m.grepOverOursP50,
          m.grepCount?.median ?? Number.NaN,
          m.grepCountOverOursP50,
        ]),
      ),
    );
    console.log();
    console.log(
      `import${imported.cached ? ' (when the cached library was built)' : ''}: ${imported.articles} articles + ${imported.passages} passages (+ ${imported.notes} notes) in ${imported.seconds} s = ${imported.articlesPerSecond} articles/s (${imported.articlesPerCpuSecond} per CPU-second, load average ${imported.loadAverage ?? '?'}); database ${imported.databaseMB} MB`,
    );
    const importMemory =
      memory.importPeakRssSampledMB === null
        ? ''
        : `; while importing ${memory.importPeakRssSampledMB} MB`;
    console.log(
      `memory: peak RSS sampled while searching ${memory.peakRssSampledMB} MB${importMemory}; maxRSS ${memory.maxRssMB} MB`,
    );
    console.log(
      `size (dbstat): ${storage.fileMB} MB = ${storage.ratio}× the article text (${storage.textMB} MB); free pages ${storage.freeMB} MB`,
    );
    console.log(
      table(
        ['table (with its indexes / shadow tables)', 'MB', '% of file'],
        storage.tables.filter((t) => t.mb >= 0.05).map((t) => [t.name, t.mb, t.share]),
      ),
    );
    console.log(`summary: ${JSON.stringify(summary)}`);
    console.log(`targets: ${JSON.stringify(targets)}`);

    const out = resolve(opts.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, options: { ...opts, dir: undefined, cache: undefined }, import: imported, storage, queries: measured, summary, memory, targets }, null, 2)}\n`,
    );
    console.log(`written ${out}`);
  } finally {
    db?.close();
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
}
