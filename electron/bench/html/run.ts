/**
 * HTML import benchmark: the time to parse each page (`parseHtml`, in this process) — the real
 * pages of the equivalence set (electron/core/import/fixtures/pages) and generated ones up to
 * 5 MB — with today's importer and with the jsdom + DOMPurify pipeline it replaced (legacy.ts),
 * in one run, alternating, each page `--rounds` times (median kept; pages over 1 MB once). Wall-clock and CPU time
 * (this process's, `process.cpuUsage`) are both reported: on a shared machine the wall clock
 * also measures the neighbours. Targets: the median page 5× faster, none over 3 s.
 * Prints a table and writes bench/results/html.json.
 *
 * Usage: npm run bench -- html [--rounds N] [--no-old] [--only SUBSTRING] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseHtml } from '../../core/import/html/parse';
import { generatedPages, realPages, type TestPage } from '../../core/import/fixtures/pages';
import { table } from '../search/stats';
import { parseHtmlLegacy } from './legacy';

interface Options {
  rounds: number;
  old: boolean;
  only: string | null;
  out: string;
}

function parseArgs(args: string[]): Options {
  const o: Options = { rounds: 3, old: true, only: null, out: 'bench/results/html.json' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--rounds') {
      o.rounds = Number(value());
      if (!Number.isInteger(o.rounds) || o.rounds < 1)
        throw new Error('--rounds: a whole number ≥ 1');
    } else if (a === '--no-old') o.old = false;
    else if (a === '--only') o.only = value();
    else if (a === '--out') o.out = value();
    else
      throw new Error(
        `unknown option ${a}; known: --rounds N --no-old --only SUBSTRING --out FILE`,
      );
  }
  return o;
}

type Parse = (bytes: Uint8Array, fileName: string, sourceUrl?: string) => unknown;

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function timeOnce(parse: Parse, page: TestPage): Timing {
  const cpu = process.cpuUsage();
  const start = performance.now();
  try {
    parse(page.bytes, page.name, page.sourceUrl);
  } catch {
    // A page without readable text is refused by both pipelines alike; the time still counts.
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const round = (x: number): number => Math.round(x);
const ratio = (a: number, b: number): number => Math.round((a / b) * 10) / 10;

interface PageResult {
  page: string;
  kb: number;
  new: Timing;
  old: Timing | null;
}

export async function runHtmlBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const fixtures = resolve('electron/core/import/fixtures');
  const pages = [...realPages(fixtures), ...generatedPages()].filter(
    (p) => !o.only || p.name.includes(o.only),
  );
  if (!pages.length) throw new Error(`no page matches --only ${o.only}`);
  const load = loadavg()[0] ?? 0;
  // Warm both pipelines up (module loading, JIT) on a small page before timing anything.
  const warm = pages.find((p) => p.bytes.length < 50_000) ?? (pages[0] as TestPage);
  timeOnce(parseHtml, warm);
  if (o.old) timeOnce(parseHtmlLegacy, warm);

  const results: PageResult[] = [];
  for (const page of pages) {
    const runsNew: Timing[] = [];
    const runsOld: Timing[] = [];
    // Pages over 1 MB once: the old pipeline takes tens of seconds on them.
    const rounds = page.bytes.length > 1_000_000 ? 1 : o.rounds;
    for (let r = 0; r < rounds; r++) {
      runsNew.push(timeOnce(parseHtml, page));
      if (o.old) runsOld.push(timeOnce(parseHtmlLegacy, page));
    }
    const summary = (runs: Timing[]): Timing => ({
      wallMs: median(runs.map((t) => t.wallMs)),
      cpuMs: median(runs.map((t) => t.cpuMs)),
    });
    results.push({
      page: page.name,
      kb: round(page.bytes.length / 1024),
      new: summary(runsNew),
      old: o.old ? summary(runsOld) : null,
    });
    process.stdout.write('.');
  }
  process.stdout.write('\n');

  const rows = results.map((r) => [
    r.page,
    r.kb,
    round(r.new.wallMs),
    round(r.new.cpuMs),
    r.old ? round(r.old.wallMs) : NaN,
    r.old ? round(r.old.cpuMs) : NaN,
    r.old ? ratio(r.old.wallMs, r.new.wallMs) : NaN,
    r.old ? ratio(r.old.cpuMs, r.new.cpuMs) : NaN,
  ]);
  console.log(
    table(['page', 'KB', 'new ms', 'new cpu', 'old ms', 'old cpu', '× wall', '× cpu'], rows),
  );

  const stat = (pick: (r: PageResult) => number | null) => {
    const xs = results.map(pick).filter((x): x is number => x !== null);
    return { median: round(median(xs)), max: round(Math.max(...xs)) };
  };
  const summary = {
    pages: results.length,
    rounds: o.rounds,
    loadAverage: Math.round(load * 10) / 10,
    new: { wall: stat((r) => r.new.wallMs), cpu: stat((r) => r.new.cpuMs) },
    old: o.old
      ? { wall: stat((r) => r.old?.wallMs ?? null), cpu: stat((r) => r.old?.cpuMs ?? null) }
      : null,
    medianSpeedup: o.old
      ? {
          wall: ratio(median(results.map((r) => (r.old as Timing).wallMs / r.new.wallMs)), 1),
          cpu: ratio(median(results.map((r) => (r.old as Timing).cpuMs / r.new.cpuMs)), 1),
        }
      : null,
    pagesOver3s: {
      wall: results.filter((r) => r.new.wallMs > 3000).map((r) => r.page),
      cpu: results.filter((r) => r.new.cpuMs > 3000).map((r) => r.page),
    },
  };
  console.log(
    table(
      ['', 'median ms', 'max ms', 'median cpu', 'max cpu'],
      [
        [
          'new',
          summary.new.wall.median,
          summary.new.wall.max,
          summary.new.cpu.median,
          summary.new.cpu.max,
        ],
        ...(summary.old
          ? [
              [
                'old',
                summary.old.wall.median,
                summary.old.wall.max,
                summary.old.cpu.median,
                summary.old.cpu.max,
              ],
            ]
          : []),
      ],
    ),
  );
  if (summary.medianSpeedup)
    console.log(
      `median page speed-up: ${summary.medianSpeedup.wall}× (wall), ${summary.medianSpeedup.cpu}× (CPU); ` +
        `pages over 3 s (new): ${summary.pagesOver3s.wall.length ? summary.pagesOver3s.wall.join(', ') : 'none'} (wall), ` +
        `${summary.pagesOver3s.cpu.length ? summary.pagesOver3s.cpu.join(', ') : 'none'} (CPU); load average ${summary.loadAverage}`,
    );
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify({ summary, results }, null, 2)}\n`);
  console.log(`wrote ${o.out}`);
}
