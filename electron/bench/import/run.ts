/**
 * Bulk-import benchmark: N mixed files (text, HTML, Markdown, PDF, EPUB, DOCX; default 10,000)
 * imported by one job, the way the desktop app's File → Import Folder… does it: the job runs in
 * a worker thread of this process, which also serves web mode to a Chromium page that stays
 * open during the import and shows the progress. Measures
 *  - throughput per format (files/s and MB/s, from the worker's time per file) and overall (wall clock),
 *  - peak memory of the process (main + worker: sampled RSS and maxRSS),
 *  - the page's longest frame (Long Animation Frames, long tasks, and the largest gap between
 *    animation frames; target: none over 100 ms) and the server main thread's longest stall,
 *  - for every frame or stall over 50 ms: what it was (the LoAF's scripts and rendering), when in
 *    the import (seconds, files done, events just sent) and whether its thread ran or waited for a
 *    CPU (Linux schedstat), in the JSON's `longFrames` and summarised on the console.
 * Prints a table and writes bench/results/import.json.
 *
 * Usage: npm run bench -- import [--files N] [--seed N] [--out FILE] [--no-browser] [--dir PATH] [--keep]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ImportResult } from '../../model/articles';
import { createDispatcher } from '../../api/dispatch';
import { createHandlers, createServices } from '../../api/handlers';
import { startWebServer } from '../../api/transports/http';
import { openLibrary } from '../../core/library';
import { table } from '../search/stats';
import { FORMATS, writeCorpus, type BenchFormat } from './corpus';
import {
  attributeFrames,
  summarizeOver100,
  FRAME_PROBE,
  FRAME_RESET,
  LONG_MS,
  watchStalls,
  type FrameStats,
  type SentEvent,
} from './frames';
import { chromiumThreads, serverThreads, ThreadSampler, type ThreadRef } from './threads';
import { benchArgs, unknownOption } from '../args';

interface Options {
  files: number;
  seed: number;
  out: string;
  browser: boolean;
  dir: string;
  keep: boolean;
}

function parseArgs(args: readonly string[]): Options {
  const o: Options = {
    files: 10_000,
    seed: 1,
    out: 'bench/results/import.json',
    browser: true,
    dir: tmpdir(),
    keep: false,
  };
  for (const a of benchArgs(args)) {
    if (a.flag === '--files') o.files = a.positive();
    else if (a.flag === '--seed') o.seed = a.positive();
    else if (a.flag === '--out') o.out = a.value();
    else if (a.flag === '--dir') o.dir = a.value();
    else if (a.flag === '--no-browser') o.browser = false;
    else if (a.flag === '--keep') o.keep = true;
    else
      throw unknownOption(a.flag, '--files N --seed N --out FILE --dir PATH --no-browser --keep');
  }
  return o;
}

const BASELINE_MS = 5_000;

export async function runImportBench(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const work = mkdtempSync(join(o.dir, 'commonplace-bench-import-'));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  try {
    log(`generating ${o.files.toLocaleString()} files in ${work}…`);
    let t = performance.now();
    const files = await writeCorpus(join(work, 'sources'), o.files, o.seed);
    log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const formatOf = new Map(files.map((f) => [f.path, f.format]));
    const sizeOf = new Map(files.map((f) => [f.path, f.bytes]));

    const perFormat = new Map<
      BenchFormat,
      { files: number; bytes: number; ms: number; failed: number; reasons: Map<string, number> }
    >();
    for (const f of FORMATS)
      perFormat.set(f, { files: 0, bytes: 0, ms: 0, failed: 0, reasons: new Map() });
    // Files done over time, to place each long frame in the import.
    const timeline: [number, number][] = [];
    let doneCount = 0;
    const bulkImport = {
      onFileDone: (r: ImportResult, ms: number) => {
        timeline.push([performance.timeOrigin + performance.now(), ++doneCount]);
        const format = formatOf.get(r.file);
        if (!format) return;
        const s = perFormat.get(format)!;
        s.files++;
        s.bytes += sizeOf.get(r.file) ?? 0;
        s.ms += ms;
        if (!r.ok) {
          s.failed++;
          s.reasons.set(r.error.code, (s.reasons.get(r.error.code) ?? 0) + 1);
        }
      },
    };

    const library = openLibrary(join(work, 'library.sqlite'), { watchIntervalMs: 500 });
    const services = createServices(library, { bulkImport });
    const dispatch = createDispatcher(createHandlers(library, services), library);
    const server = await startWebServer({
      library,
      dispatch,
      rendererDir: resolve(__dirname, '..', 'renderer'),
      port: 0,
    });
    const events: SentEvent[] = [];
    library.onEvent((e) => {
      const detail =
        e.type === 'changed'
          ? e.all
            ? 'everything'
            : `${[...new Set(e.changes.map((c) => c.entity))].join(',')} (${e.changes.length} rows)`
          : e.type === 'import-report'
            ? `${e.results.length} results`
            : e.type === 'import-progress'
              ? `${e.done}`
              : '';
      events.push({ at: performance.timeOrigin + performance.now(), type: e.type, detail });
    });
    let browser: { close(): Promise<void> } | undefined;
    let readFrames: ((() => Promise<FrameStats>) & { reset(): Promise<unknown> }) | undefined;
    let reportShown: (() => Promise<unknown>) | undefined;
    let pageThreads: ThreadRef[] = [];
    try {
      if (o.browser) {
        // A dev dependency, loaded from the checkout's node_modules at run time (never bundled).
        const { chromium } = createRequire(resolve('package.json'))(
          'playwright-core',
        ) as typeof import('playwright-core');
        const b = await chromium.launch({
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        });
        browser = b;
        const page = await (await b.newContext()).newPage();
        await page.goto(server.openUrl);
        await page.getByText(/Your library is empty/).waitFor({ timeout: 60_000 });
        await page.evaluate(FRAME_PROBE);
        readFrames = Object.assign(
          () =>
            page.evaluate(() => ({
              ...(window as unknown as { __importBench: FrameStats }).__importBench,
            })),
          {
            reset: () => page.evaluate(FRAME_RESET),
          },
        );
        pageThreads = chromiumThreads();
        reportShown = () =>
          page
            .getByRole('heading', { name: /^Import (finished|cancelled|stopped)$/ })
            .waitFor({ timeout: 60_000 });
      }

      // Baseline: the same measures with nothing imported, so the figures below can be read against
      // what this (shared, possibly loaded) machine does anyway.
      const idle = monitorEventLoopDelay({ resolution: 10 });
      idle.enable();
      await new Promise((r) => setTimeout(r, BASELINE_MS));
      idle.disable();
      const baselineFrames = readFrames ? await readFrames() : null;
      if (readFrames) await readFrames.reset();

      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(
        () => (peakRss = Math.max(peakRss, process.memoryUsage().rss)),
        100,
      );
      log(`importing (web mode page open: ${o.browser ? 'yes' : 'no'})…`);
      const stallWatch = watchStalls();
      t = performance.now();
      const startedAt = performance.timeOrigin + t;
      const envelope = await dispatch(
        'bulkImport.startPaths',
        { paths: [join(work, 'sources')] },
        'inproc',
      );
      if (!envelope.ok) throw new Error(envelope.error.message);
      // Listed once the worker thread exists, so it is among this process's threads.
      const threads = new ThreadSampler([...serverThreads(), ...pageThreads]);
      threads.start();
      const report = await services.bulkImports.finished(
        (envelope.data as { jobId: string }).jobId,
      );
      const wallMs = performance.now() - t;
      clearInterval(sampler);
      loop.disable();
      // Let the page take in the last events and show the report before reading its frames.
      await reportShown?.();
      await new Promise((r) => setTimeout(r, 1500));
      threads.stop();
      const stalls = stallWatch.stop();
      const frames = readFrames ? await readFrames() : null;
      const longFrames = attributeFrames(
        frames ?? {
          maxLoafMs: 0,
          loafsOver100: 0,
          maxLongTaskMs: 0,
          maxFrameGapMs: 0,
          gapsOver100: 0,
          frames: 0,
          loafs: [],
          longTasks: [],
          gaps: [],
        },
        stalls,
        {
          startedAt,
          timeline,
          events,
          sampler: threads.available ? threads : null,
        },
      );

      const totalBytes = files.reduce((a, f) => a + f.bytes, 0);
      const MB = 1024 * 1024;
      const rows = FORMATS.map((f) => {
        const s = perFormat.get(f)!;
        const reasons = [...s.reasons].map(([code, n]) => `${code}×${n}`).join(' ');
        return [
          f,
          s.files,
          (s.bytes / MB).toFixed(1),
          Math.round(s.files / (s.ms / 1000)),
          (s.bytes / MB / (s.ms / 1000)).toFixed(2),
          s.failed ? `${s.failed} (${reasons})` : '0',
        ];
      });
      rows.push([
        'all (wall clock)',
        report.results.length,
        (totalBytes / MB).toFixed(1),
        Math.round(report.results.length / (wallMs / 1000)),
        (totalBytes / MB / (wallMs / 1000)).toFixed(2),
        String(report.counts.failed),
      ]);
      const result = {
        date: new Date().toISOString(),
        node: process.versions.node,
        cpus: (await import('node:os')).cpus().length,
        loadAverage: (await import('node:os')).loadavg(),
        files: o.files,
        seed: o.seed,
        state: report.state,
        counts: report.counts,
        wallMs: Math.round(wallMs),
        filesPerSecond: report.results.length / (wallMs / 1000),
        mbPerSecond: totalBytes / MB / (wallMs / 1000),
        perFormat: Object.fromEntries(
          FORMATS.map((f) => {
            const s = perFormat.get(f)!;
            return [
              f,
              {
                files: s.files,
                mb: s.bytes / MB,
                workerMs: Math.round(s.ms),
                filesPerSecond: s.files / (s.ms / 1000),
                mbPerSecond: s.bytes / MB / (s.ms / 1000),
                failed: s.failed,
                reasons: Object.fromEntries(s.reasons),
              },
            ];
          }),
        ),
        peakRssMb: Math.round(peakRss / MB),
        maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        serverMainThread: {
          maxStallMs: Math.round(loop.max / 1e6),
          p99StallMs: Math.round(loop.percentile(99) / 1e6),
        },
        page: frames && {
          maxLoafMs: frames.maxLoafMs,
          loafsOver100: frames.loafsOver100,
          maxLongTaskMs: frames.maxLongTaskMs,
          maxFrameGapMs: frames.maxFrameGapMs,
          gapsOver100: frames.gapsOver100,
          frames: frames.frames,
        },
        threads: threads.totals(),
        framesOver100: summarizeOver100(longFrames),
        longFrames,
        baseline: {
          seconds: BASELINE_MS / 1000,
          serverMaxStallMs: Math.round(idle.max / 1e6),
          page: baselineFrames && {
            maxLoafMs: baselineFrames.maxLoafMs,
            maxFrameGapMs: baselineFrames.maxFrameGapMs,
          },
        },
        targets: { longestFrameMs: 100 },
      };
      process.stdout.write(
        `\nBulk import of ${o.files.toLocaleString()} mixed files: ${report.state}, ${report.counts.imported} imported, ${report.counts.duplicate} duplicate, ${report.counts.failed} failed in ${(wallMs / 1000).toFixed(1)} s\n\n`,
      );
      process.stdout.write(
        `${table(['format', 'files', 'MB', 'files/s', 'MB/s', 'failed'], rows)}\n\n`,
      );
      process.stdout.write(
        `peak RSS ${result.peakRssMb} MB (maxRSS ${result.maxRssMb} MB); server main thread: longest stall ${result.serverMainThread.maxStallMs} ms, p99 ${result.serverMainThread.p99StallMs} ms\n`,
      );
      if (frames) {
        const worst = Math.max(frames.maxLoafMs, frames.maxFrameGapMs);
        process.stdout.write(
          `page (Chromium, web mode): longest animation frame ${Math.round(frames.maxLoafMs)} ms, longest task ${Math.round(frames.maxLongTaskMs)} ms, largest gap between frames ${Math.round(frames.maxFrameGapMs)} ms over ${frames.frames} frames; frames over 100 ms: ${frames.loafsOver100} (LoAF), ${frames.gapsOver100} (gaps) — target none over 100 ms: ${worst <= 100 ? 'met' : 'NOT met'}\n`,
        );
      }
      const o100 = result.framesOver100;
      process.stdout.write(
        `page frames over 100 ms (LoAF): ${o100.total}, of which CPU-starved ${o100.starved}, while the page ran script ≥ half the frame ${o100.script}\n`,
      );
      const over = longFrames.filter((f) => f.kind !== 'longtask');
      if (over.length) {
        process.stdout.write(
          `\nframes and stalls of ${LONG_MS} ms or more (longest first; details in the JSON's longFrames):\n`,
        );
        for (const f of over.slice(0, 12)) {
          const split =
            f.kind === 'loaf'
              ? ` [script ${f.scriptMs}, render ${f.renderMs}, other ${f.otherMs}]`
              : '';
          const top = f.scripts?.[0] ? ` top: ${f.scripts[0]}` : '';
          process.stdout.write(
            `  ${f.kind} ${f.durationMs} ms at ${f.atSeconds} s (${f.filesDone} files)${split} — ${f.verdict}${top}\n`,
          );
        }
      }
      if (baselineFrames) {
        process.stdout.write(
          `baseline, ${BASELINE_MS / 1000} s idle before the import: server longest stall ${result.baseline.serverMaxStallMs} ms; page longest animation frame ${Math.round(baselineFrames.maxLoafMs)} ms, largest gap between frames ${Math.round(baselineFrames.maxFrameGapMs)} ms\n`,
        );
      }
      process.stdout.write(
        `(per-format files/s and MB/s: the worker's own time per file; the machine's load average was ${result.loadAverage.map((l) => l.toFixed(1)).join(' ')} on ${result.cpus} cores)\n`,
      );
      mkdirSync(dirname(resolve(o.out)), { recursive: true });
      writeFileSync(resolve(o.out), `${JSON.stringify(result, null, 2)}\n`);
      process.stdout.write(`wrote ${o.out}\n`);
    } finally {
      await browser?.close();
      await server.close();
      library.close();
    }
  } finally {
    if (!o.keep) rmSync(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
}
