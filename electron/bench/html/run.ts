/**
 * HTML import benchmark: the time to parse each page (`parseHtml`, in this process) — the real
 * pages of the equivalence set (electron/core/import/fixtures/pages) and generated ones up to
 * 5 MB — in absolute terms and against a floor: decoding the page and parsing it with parse5
 * alone, the first step of any import, so the ratio is what the importer costs beyond reading
 * the HTML at all. Alternating, each page `--rounds` times (median kept; pages over 1 MB once).
 * Wall-clock and CPU time (this process's, `process.cpuUsage`) are both reported: on a shared
 * machine the wall clock also measures the neighbours. Target: no page over 3 s.
 * Prints a table and writes bench/results/html.json.
 *
 * History: until 2026-12-06 the bench also ran the jsdom + DOMPurify pipeline the importer
 * replaced (bench/html/legacy.ts, removed: it kept that pipeline alive only for this ratio).
 * The last figures, the median page: 7.4× faster than it (`npm run bench -- html`, when the
 * importer landed on 2026-12-06); re-run on 2026-12-06 at 08:50 UTC on a loaded machine (load
 * average 5.1, `--rounds 1`): 6.2× (wall), 5.2× (CPU); median page 80 ms vs 502 ms (wall),
 * the 5 MB page 4.0 s vs 17.5 s (wall), 1.5 s vs 7.6 s (CPU).
 * Re-measured on 2026-12-06 at 20:25 UTC (load average 14 on 2 cores, default 3 rounds): median
 * page 148 ms wall, 40 ms CPU; the 5 MB page 11.5 s wall, 2.3 s CPU (jsdom's: 7.6 s CPU); over 3 s
 * of wall clock the 1 MB and 5 MB generated pages, none in CPU time.
 *
 * Usage: npm run bench -- html [--rounds N] [--no-floor] [--only SUBSTRING] [--out FILE]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parse } from 'parse5';
import { decodeText, sniffHtmlCharset } from '../../core/import/decode';
import { parseHtml } from '../../core/import/html/parse';
import { generatedPages, realPages, type TestPage } from '../../core/import/fixtures/pages';
import { table } from '../search/stats';
import { benchArgs, unknownOption } from '../args';

/** The floor: the page decoded and parsed into a parse5 tree, nothing more. */
function parseOnly(bytes: Uint8Array, fileName: string): unknown {
  return parse(decodeText(bytes, fileName, { declaredCharset: sniffHtmlCharset(bytes) }));
}

interface Options {
  rounds: number;
  floor: boolean;
  only: string | null;
  out: string;
}

function parseArgs(args: readonly string[]): Options {
  const o: Options = { rounds: 3, floor: true, only: null, out: 'bench/results/html.json' };
  for (const a of benchArgs(args)) {
    if (a.flag === '--rounds') o.rounds = a.positive();
    else if (a.flag === '--no-floor') o.floor = false;
    else if (a.flag === '--only') o.only = a.value();
    else if (a.flag === '--out') o.out = a.value();
    else throw unknownOption(a.flag, '--rounds N --no-floor --only SUBSTRING --out FILE');
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
    // A page without readable text is refused; the time still counts.
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
  importer: Timing;
  floor: Timing | null;
}

export async function runHtmlBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const fixtures = resolve('electron/core/import/fixtures');
  const pages = [...realPages(fixtures), ...generatedPages()].filter(
    (p) => !o.only || p.name.includes(o.only),
  );
  if (!pages.length) throw new Error(`no page matches --only ${o.only}`);
  const load = loadavg()[0] ?? 0;
  // Warm both up (module loading, JIT) on a small page before timing anything.
  const warm = pages.find((p) => p.bytes.length < 50_000) ?? (pages[0] as TestPage);
  timeOnce(parseHtml, warm);
  if (o.floor) timeOnce(parseOnly, warm);

  const results: PageResult[] = [];
  for (const page of pages) {
    const runsImporter: Timing[] = [];
    const runsFloor: Timing[] = [];
    // Pages over 1 MB once: seconds each.
    const rounds = page.bytes.length > 1_000_000 ? 1 : o.rounds;
    for (let r = 0; r < rounds; r++) {
      runsImporter.push(timeOnce(parseHtml, page));
      if (o.floor) runsFloor.push(timeOnce(parseOnly, page));
    }
    const summary = (runs: Timing[]): Timing => ({
      wallMs: median(runs.map((t) => t.wallMs)),
      cpuMs: median(runs.map((t) => t.cpuMs)),
    });
    results.push({
      page: page.name,
      kb: round(page.bytes.length / 1024),
      importer: summary(runsImporter),
      floor: o.floor ? summary(runsFloor) : null,
    });
    process.stdout.write('.');
  }
  process.stdout.write('\n');

  const rows = results.map((r) => [
    r.page,
    r.kb,
    round(r.importer.wallMs),
    round(r.importer.cpuMs),
    r.floor ? round(r.floor.wallMs) : NaN,
    r.floor ? round(r.floor.cpuMs) : NaN,
    r.floor ? ratio(r.importer.wallMs, r.floor.wallMs) : NaN,
    r.floor ? ratio(r.importer.cpuMs, r.floor.cpuMs) : NaN,
  ]);
  console.log(
    table(
      ['page', 'KB', 'import ms', 'import cpu', 'parse5 ms', 'parse5 cpu', '× wall', '× cpu'],
      rows,
    ),
  );

  const stat = (pick: (r: PageResult) => number | null) => {
    const xs = results.map(pick).filter((x): x is number => x !== null);
    return { median: round(median(xs)), max: round(Math.max(...xs)) };
  };
  const summary = {
    pages: results.length,
    rounds: o.rounds,
    loadAverage: Math.round(load * 10) / 10,
    importer: { wall: stat((r) => r.importer.wallMs), cpu: stat((r) => r.importer.cpuMs) },
    floor: o.floor
      ? { wall: stat((r) => r.floor?.wallMs ?? null), cpu: stat((r) => r.floor?.cpuMs ?? null) }
      : null,
    /** The median page's importer time over its parse5-only time. */
    medianOverFloor: o.floor
      ? {
          wall: ratio(
            median(results.map((r) => r.importer.wallMs / (r.floor as Timing).wallMs)),
            1,
          ),
          cpu: ratio(median(results.map((r) => r.importer.cpuMs / (r.floor as Timing).cpuMs)), 1),
        }
      : null,
    pagesOver3s: {
      wall: results.filter((r) => r.importer.wallMs > 3000).map((r) => r.page),
      cpu: results.filter((r) => r.importer.cpuMs > 3000).map((r) => r.page),
    },
  };
  console.log(
    table(
      ['', 'median ms', 'max ms', 'median cpu', 'max cpu'],
      [
        [
          'import',
          summary.importer.wall.median,
          summary.importer.wall.max,
          summary.importer.cpu.median,
          summary.importer.cpu.max,
        ],
        ...(summary.floor
          ? [
              [
                'parse5',
                summary.floor.wall.median,
                summary.floor.wall.max,
                summary.floor.cpu.median,
                summary.floor.cpu.max,
              ],
            ]
          : []),
      ],
    ),
  );
  if (summary.medianOverFloor)
    console.log(
      `median page: ${summary.medianOverFloor.wall}× parse5 alone (wall), ${summary.medianOverFloor.cpu}× (CPU); ` +
        `pages over 3 s: ${summary.pagesOver3s.wall.length ? summary.pagesOver3s.wall.join(', ') : 'none'} (wall), ` +
        `${summary.pagesOver3s.cpu.length ? summary.pagesOver3s.cpu.join(', ') : 'none'} (CPU); load average ${summary.loadAverage}`,
    );
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify({ summary, results }, null, 2)}\n`);
  console.log(`wrote ${o.out}`);
}
