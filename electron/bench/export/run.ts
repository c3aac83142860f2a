/**
 * Export benchmark: a library of N excerpts (default 10,000, over 200 sources, with tags,
 * comments and links) exported to every format through `exportToPath` — selection, build and
 * atomic write, as the CLI does it. Targets: under 5 s per format, DOCX under 15 s. CPU time is
 * reported beside wall time: on a shared, overloaded machine the wall time measures the queue.
 *
 * Usage: runExportBench(['--excerpts', '10000', '--seed', '1', '--out', 'bench/results/export.json'])
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../model/export';
import { openDatabase } from '../../core/db/open';
import { exportToPath } from '../../core/export';
import { insertTestArticle, options } from '../../core/export/testFixture';
import { newId, nowIso } from '../../core/ids';
import { createPassage } from '../../core/passages/repo';
import { prng } from '../../test/prng';
import { table } from '../search/stats';
import { writeTransaction } from '../../core/db/transactions';
import { benchArgs, unknownOption } from '../args';

const TARGET_MS: Record<ExportFormat, number> = {
  md: 5000,
  obsidian: 5000,
  csv: 5000,
  json: 5000,
  html: 5000,
  docx: 15_000,
  csljson: 5000,
  bibtex: 5000,
  ris: 5000,
};
const WORDS =
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been one all we their its has more would will when who what'.split(
    ' ',
  );
const TAGS = [
  'sanctions',
  'trade',
  'energy policy',
  'diplomacy',
  'history',
  'quotes',
  'methods',
  'open question',
];

interface Options {
  excerpts: number;
  seed: number;
  out: string;
}

function parseArgs(args: readonly string[]): Options {
  const o: Options = { excerpts: 10_000, seed: 1, out: 'bench/results/export.json' };
  for (const a of benchArgs(args)) {
    if (a.flag === '--excerpts') o.excerpts = a.positive();
    else if (a.flag === '--seed') o.seed = a.positive();
    else if (a.flag === '--out') o.out = a.value();
    else throw unknownOption(a.flag, '--excerpts N --seed N --out FILE');
  }
  return o;
}

export async function runExportBench(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const rand = prng(opts.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-export-bench-'));
  try {
    const db = openDatabase(join(dir, 'library.sqlite'));
    const perSource = 50;
    const sources = Math.ceil(opts.excerpts / perSource);
    const t0 = performance.now();
    const passageIds: string[] = [];
    writeTransaction(db, () => {
      for (let s = 0; s < sources; s++) {
        const paragraphs = Array.from({ length: perSource }, () => `${sentence(25)}.`);
        const a = insertTestArticle(db, {
          title: `Source ${s}: ${sentence(5)}`,
          byline: `Author ${s}`,
          published: `20${10 + (s % 15)}-0${1 + (s % 9)}-1${s % 10}`,
          siteName: 'Bench Times',
          source: `https://bench.example/${s}`,
          lang: 'en',
          paragraphs,
        });
        let offset = 0;
        for (const p of paragraphs) {
          if (passageIds.length >= opts.excerpts) break;
          const tags = Array.from({ length: Math.floor(rand() * 3) }, () => pick(TAGS));
          const comment = rand() < 0.4 ? sentence(15) : '';
          passageIds.push(
            createPassage(db, {
              articleId: a.id,
              start: offset,
              end: offset + p.length,
              color: 'yellow',
              tags,
              comment,
            }).id,
          );
          offset += p.length + 2;
        }
      }
      // One link per 20 excerpts.
      const link = db.prepare(
        "INSERT INTO links (id, from_passage, to_passage, relation, origin, created_at) VALUES (?, ?, ?, 'supports', 'link', ?)",
      );
      for (let i = 0; i + 1 < passageIds.length; i += 20)
        link.run(newId(), passageIds[i], passageIds[i + 1], nowIso());
    });
    const seedMs = performance.now() - t0;

    const results: {
      format: ExportFormat;
      ms: number;
      cpuMs: number;
      bytes: number;
      files: number;
      targetMs: number;
      pass: boolean;
    }[] = [];
    for (const format of EXPORT_FORMATS) {
      const target = join(dir, format === 'obsidian' ? 'vault' : `export.${format}`);
      const start = performance.now();
      const cpu = process.cpuUsage();
      const r = await exportToPath(db, options(format), target);
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpu);
      if (r.count !== passageIds.length)
        throw new Error(`${format}: exported ${r.count} of ${passageIds.length} excerpts`);
      results.push({
        format,
        ms: Math.round(ms),
        cpuMs: Math.round((used.user + used.system) / 1000),
        bytes: r.bytes,
        files: r.files,
        targetMs: TARGET_MS[format],
        pass: ms < TARGET_MS[format],
      });
    }
    db.close();
    process.stdout.write(
      `Export of ${passageIds.length} excerpts from ${sources} sources (library built in ${(seedMs / 1000).toFixed(1)} s)\n`,
    );
    process.stdout.write(
      `${table(
        ['format', 'time (ms)', 'cpu (ms)', 'target (ms)', 'size', 'files', 'ok'],
        results.map((r) => [
          r.format,
          r.ms,
          r.cpuMs,
          r.targetMs,
          `${(r.bytes / 1024 / 1024).toFixed(1)} MB`,
          r.files,
          r.pass ? 'yes' : 'NO',
        ]),
      )}\n`,
    );
    const out = resolve(opts.out);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ date: nowIso(), excerpts: passageIds.length, sources, node: process.version, loadAverage: loadavg(), results }, null, 2)}\n`,
    );
    process.stdout.write(`wrote ${opts.out}\n`);
    const slow = results.filter((r) => !r.pass).map((r) => r.format);
    if (slow.length)
      process.stdout.write(
        `over target: ${slow.join(', ')} (load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')})\n`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
