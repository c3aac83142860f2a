// `npm run bench -- cli [--articles N] [--runs N] [--cli PATH] [--library FILE]`: how fast the built CLI starts and
// answers `list`, `show` and `search` on a real library of N articles (default 1,000), against
// `node -e 0` (issue #17 target: within 3× of its wall time, under 80 MB peak RSS). Each command
// runs in a fresh process under /usr/bin/time (peak RSS, its `%M`); wall time is the median of
// the runs. `--library FILE` keeps the generated library there (or reuses it), to compare builds.
// Plain ESM like the other script benches; writes bench/results/cli.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, option, ROOT, seeded, stats } from '../webMode.mjs';

const ARTICLES = option('articles', 1000);
const RUNS = option('runs', 11);
const TIME = '/usr/bin/time';
// Zipf-distributed words, as in real text: a head of common words, then a long tail of invented
// ones; the query's words are mid-frequency (in some articles, not all).
const HEAD =
  'the of and to a in is that for it as was with be by on not this are or from at which but have an they were their has would when if more about into than other then its only also new first over after most such these between many before through during while against both under since city national country local long group report house policy market water energy climate power health school family money history law village region river island coast mountain valley forest harbour railway bridge factory farm museum library hospital council court election minister'.split(
    ' ',
  );
const SYLLABLES = 'ka lo mi nu re sa ti vo ber dan fel gor hal kin mor pel ros tan vil wen'.split(
  ' ',
);
const QUERY = 'harbour railway';

function vocabulary(next) {
  const words = [...HEAD];
  while (words.length < 5000)
    words.push(
      Array.from({ length: 2 + (next() % 3) }, () => SYLLABLES[next() % SYLLABLES.length]).join(''),
    );
  return words;
}

/** One run of `args` in a fresh Node process: wall ms (spawn to exit) and peak RSS in MB. */
function measure(args) {
  const timed = existsSync(TIME);
  const started = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', 'maxrss=%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr ?? '');
  return { ms, mb: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout };
}

function cli(library, ...args) {
  return [CLI, '--library', library, ...args];
}

/** A library of ARTICLES distinct text articles, imported by the CLI itself (a bulk-import job). */
function makeLibrary(dir, library) {
  const src = join(dir, 'src');
  mkdirSync(src);
  const next = seeded(7);
  const words = vocabulary(next);
  // Rank r is drawn with probability ~1/r: exp(u · ln N) is log-uniform over 1..N.
  const word = () => words[Math.floor(Math.exp(((next() % 1e6) / 1e6) * Math.log(words.length)))];
  for (let i = 0; i < ARTICLES; i++) {
    const paragraphs = Array.from({ length: 8 }, () => Array.from({ length: 60 }, word).join(' '));
    writeFileSync(
      join(src, `article-${String(i).padStart(5, '0')}.txt`),
      `Article ${i}: ${word()} ${word()}\n\n${paragraphs.join('.\n\n')}.\n`,
    );
  }
  const r = spawnSync(process.execPath, cli(library, 'import', src), { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return library;
}

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build first`);
if (!existsSync(TIME)) console.warn(`${TIME} is missing: peak RSS is not measured`);
const dir = mkdtempSync(join(tmpdir(), 'commonplace-cli-bench-'));
try {
  const kept = process.argv.includes('--library')
    ? process.argv[process.argv.indexOf('--library') + 1]
    : undefined;
  const library = kept ?? join(dir, 'library.sqlite');
  if (!kept || !existsSync(kept)) makeLibrary(dir, library);
  const listed = JSON.parse(measure(cli(library, 'list', '--json', '--limit', '1')).stdout);
  const id = listed[0].id;
  const cases = {
    'node -e 0': ['-e', '0'],
    '--version': [CLI, '--version'],
    list: cli(library, 'list'),
    show: cli(library, 'show', id),
    search: cli(library, 'search', QUERY),
  };
  const rows = [];
  for (const [name, args] of Object.entries(cases)) {
    measure(args); // warm the file cache
    const runs = Array.from({ length: RUNS }, () => measure(args));
    rows.push({
      command: name,
      ms: stats(runs.map((r) => r.ms)),
      peakMb: Math.max(...runs.map((r) => r.mb)),
    });
  }
  const base = rows[0].ms.median;
  console.log(
    `CLI start-up on a library of ${ARTICLES} articles (${RUNS} runs each, median wall):`,
  );
  console.log('command      median ms   × node -e 0   peak RSS MB   target');
  for (const r of rows) {
    const ratio = r.ms.median / base;
    const target =
      r.command === 'node -e 0' ? '' : ratio <= 3 && r.peakMb < 80 ? 'met' : 'MISSED (3×, 80 MB)';
    console.log(
      `${r.command.padEnd(12)} ${r.ms.median.toFixed(0).padStart(9)}   ${ratio.toFixed(2).padStart(11)}   ${r.peakMb.toFixed(1).padStart(11)}   ${target}`,
    );
    r.ratio = ratio;
  }
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'bench', 'results', 'cli.json'),
    `${JSON.stringify({ articles: ARTICLES, runs: RUNS, rows }, null, 2)}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
