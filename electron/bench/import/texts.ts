/**
 * Bulk import of text articles (#17 Speed): `npm run bench -- texts [--articles N]` writes N
 * articles of the search bench's synthetic corpus as .txt files (title, blank line, text; 100
 * folders) and imports them with one bulk-import job, as File → Import Folder… does (worker thread,
 * file reads, the text importer, the library's triggers and search indexes). Reports articles/s
 * (wall clock), articles per CPU-second of the whole process (its threads included: on a shared,
 * loaded machine the wall-clock figure mostly measures the other processes), the load average,
 * and checks the indexes answer right after: a rare word's hits equal the files holding it.
 * Writes bench/results/texts.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createServices } from '../../api/handlers';
import { openLibrary } from '../../core/library';
import { search } from '../../core/search/search';
import { makeCorpus, RARE_WORD } from '../search/corpus';
import { benchArgs, unknownOption } from '../args';

interface Options {
  articles: number;
  seed: number;
  out: string;
  dir: string;
}

function parseArgs(args: readonly string[]): Options {
  const o: Options = { articles: 10_000, seed: 1, out: 'bench/results/texts.json', dir: tmpdir() };
  for (const a of benchArgs(args)) {
    if (a.flag === '--articles') o.articles = a.positive();
    else if (a.flag === '--seed') o.seed = a.positive();
    else if (a.flag === '--out') o.out = a.value();
    else if (a.flag === '--dir') o.dir = a.value();
    else throw unknownOption(a.flag, '--articles N --seed N --out FILE --dir PATH');
  }
  return o;
}

export async function runTextsBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const work = mkdtempSync(join(resolve(o.dir), 'commonplace-bench-texts-'));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  try {
    const sources = join(work, 'sources');
    const corpus = makeCorpus({ seed: o.seed });
    let rare = 0;
    let textBytes = 0;
    log(`writing ${o.articles.toLocaleString()} text files in ${sources}…`);
    for (let n = 0; n < o.articles; n++) {
      const a = corpus.article(n);
      const sub = join(sources, String(n % 100));
      if (n < 100) mkdirSync(sub, { recursive: true });
      const file = `${a.title}\n\n${a.text}`;
      textBytes += Buffer.byteLength(file);
      if (file.toLowerCase().includes(RARE_WORD)) rare++;
      writeFileSync(join(sub, `${n}.txt`), file);
    }

    const library = openLibrary(join(work, 'library.sqlite'), { watchIntervalMs: 0 });
    try {
      const services = createServices(library);
      log('importing…');
      const cpu = process.cpuUsage();
      const t = performance.now();
      const jobId = services.bulkImports.startPaths([sources]);
      const report = await services.bulkImports.finished(jobId);
      const seconds = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      const load = loadavg()[0]!;
      const failed = report.results.filter((r) => !r.ok);
      if (failed.length)
        throw new Error(
          `${failed.length} files failed, first: ${JSON.stringify(failed[0])} (the figures would not be comparable)`,
        );
      const hits = search(library.db, RARE_WORD, { limit: 20 }).total;
      const cpuSeconds = (used.user + used.system) / 1e6;
      const figures = {
        articles: o.articles,
        textMB: Math.round(textBytes / 1e5) / 10,
        seconds: Math.round(seconds * 100) / 100,
        articlesPerSecond: Math.round(o.articles / seconds),
        cpuSeconds: Math.round(cpuSeconds * 100) / 100,
        articlesPerCpuSecond: Math.round(o.articles / cpuSeconds),
        loadAverage: Math.round(load * 100) / 100,
        rareWord: { query: RARE_WORD, files: rare, hits, same: hits === rare },
      };
      console.log(
        `bulk import of ${o.articles} text articles (${figures.textMB} MB): ${figures.seconds} s = ${figures.articlesPerSecond} articles/s; ${figures.articlesPerCpuSecond} per CPU-second (${figures.cpuSeconds} CPU-s, all threads); load average ${figures.loadAverage}`,
      );
      console.log(
        `search right after: "${RARE_WORD}" finds ${hits} articles; ${rare} files hold it (${figures.rareWord.same ? 'same' : 'DIFFERENT'})`,
      );
      const out = resolve(o.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(
        out,
        `${JSON.stringify({ date: new Date().toISOString(), node: process.version, options: { ...o, dir: undefined }, figures }, null, 2)}\n`,
      );
      console.log(`written ${out}`);
    } finally {
      library.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
