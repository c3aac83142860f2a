// `npm run bench -- pageview [--runs N] [--pages N] [--frames N] [--out FILE]`: the PDF page view
// against the reflowed text, in Chromium on the built app (web mode). Targets (issue #20): a
// 300-page PDF opens to its first page within 2× the reflowed view's open time, and scrolling
// through the pages stays under 50 ms a frame.
// Opening is measured from the click on the library row to the first page on screen: in the
// text, the first paragraph; in the pages, page 1's canvas drawn and its text layer ready.
// Scrolling moves the pages by a fixed step every animation frame and records the time between
// frames (requestAnimationFrame deltas), while pages are drawn and freed as they pass.
// Plain ESM like the other browser benchmarks. Writes bench/results/pageview.json (or --out).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { call, CHROMIUM_FLAGS, CLI, option, ROOT, startServer, stats } from '../webMode.mjs';

const RUNS = option('runs', 7);
const PAGES = option('pages', 300);
const FRAMES = option('frames', 300);
/** Pixels scrolled per frame: about a page every 12 frames at fit width. */
const STEP = option('step', 80);
/**
 * `--throttle N`: Chromium's CPU throttling (N× slower), to see the page view as it runs on a
 * loaded machine (the numbers in #20 were taken at a load average near 19 on 2 cores).
 */
const THROTTLE = process.argv.includes('--throttle') ? option('throttle', 1) : 1;
const OUT = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]
  : join(ROOT, 'bench', 'results', 'pageview.json');
/** `--trace FILE`: record a Chromium trace of the scroll runs (for Perfetto / chrome://tracing). */
const TRACE = process.argv.includes('--trace')
  ? process.argv[process.argv.indexOf('--trace') + 1]
  : null;
/** `--profile`: sample the renderer's JavaScript during the page-view scrolls; prints the top. */
const PROFILE = process.argv.includes('--profile');
const TITLE = 'Page view benchmark report';
const SPACER = 'Page view benchmark spacer';

/** A generated book: PAGES pages of 40 lines of text, a title on the first. */
async function book() {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
  doc.setTitle(TITLE);
  for (let n = 1; n <= PAGES; n++) {
    const page = doc.addPage([612, 792]);
    let y = 740;
    if (n === 1) {
      page.drawText(TITLE, { x: 72, y, size: 20, font: bold });
      y -= 40;
    }
    for (let line = 1; y > 72; line++, y -= 14)
      page.drawText(
        `Page ${n}, line ${line}: the harbour log records tides, ships and the weather of the day.`,
        { x: 72, y, size: 11, font },
      );
    page.drawText(String(n), { x: 300, y: 40, size: 9, font });
  }
  return doc.save({ useObjectStreams: false });
}

/** Adds a CPU profile's self time per function (ms) into `into`. */
function selfTimes(profile, into) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    ms.set(id, (ms.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (f) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  for (const [id, t] of ms) {
    const f = byId.get(id).callFrame;
    // A built-in (layout reads, canvas calls) is named with the script function calling it.
    const caller = !f.url && parent.has(id) ? byId.get(parent.get(id)).callFrame : null;
    const what = caller?.url ? `${name(f)} ← ${name(caller)}` : name(f);
    into.set(what, (into.get(what) ?? 0) + t);
  }
}

function cli(library, args) {
  const r = spawnSync(process.execPath, [CLI, '--library', library, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-pageview-'));
const library = join(dir, 'library.sqlite');
let server;
let browser;
try {
  const pdfPath = join(dir, 'report.pdf');
  writeFileSync(pdfPath, await book());
  const spacerPath = join(dir, 'spacer.txt');
  writeFileSync(spacerPath, `${SPACER}\n\nA short article opened between measurements.\n`);
  cli(library, ['import', pdfPath, spacerPath]);
  server = await startServer(library);
  const articles = await call(server, 'articles.list', {});
  const list = Array.isArray(articles) ? articles : (articles.items ?? articles.articles);
  const article = list.find((a) => a.title === TITLE);
  if (!article) throw new Error('the benchmark PDF was not imported');

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (THROTTLE > 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  await page.goto(`${server.origin}/?token=${server.token}`);
  await page.getByRole('option').filter({ hasText: SPACER }).waitFor();

  /** Clicks a row and resolves with the ms until `ready()` holds (checked every frame). */
  const open = (title, pageView) =>
    page.evaluate(
      ({ title, pageView, id }) =>
        new Promise((resolve, reject) => {
          localStorage.setItem('commonplace.pageView', JSON.stringify(pageView ? [id] : []));
          const row = [...document.querySelectorAll('[role="option"]')].find((el) =>
            el.textContent?.includes(title),
          );
          if (!row) return reject(new Error(`no row for ${title}`));
          const ready = () => {
            if (document.getElementById('reader-pane')?.dataset.articleId !== id) return false;
            if (!pageView)
              return (
                document.querySelector('[aria-label="Article text"]')?.textContent ?? ''
              ).includes('Page 1, line 1:');
            const first = document.querySelector('.pv-page[data-page-number="1"]');
            return (
              !!first?.querySelector('canvas') && !!first.querySelector('.textLayer[data-ready]')
            );
          };
          const t0 = performance.now();
          row.click();
          const tick = () => {
            if (ready()) resolve(performance.now() - t0);
            else if (performance.now() - t0 > 60_000) reject(new Error(`${title} did not open`));
            else requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      { title, pageView, id: pageView === null ? null : article.id },
    );
  const spacer = async () => {
    await page.getByRole('option').filter({ hasText: SPACER }).click();
    await page.locator('#reader-pane h1', { hasText: SPACER }).waitFor();
    await page.waitForTimeout(250);
  };

  const times = { text: [], pages: [] };
  // One unmeasured open of each warms the caches (pdf.js's chunk and worker, the API).
  for (const pageView of [false, true]) {
    await spacer();
    await open(TITLE, pageView);
  }
  for (let i = 0; i < RUNS; i++) {
    await spacer();
    times.text.push(await open(TITLE, false));
    await spacer();
    times.pages.push(await open(TITLE, true));
  }

  /**
   * Scrolls the reader by STEP every frame for FRAMES frames: the time between frames, and the
   * long animation frames Chromium saw meanwhile (what each spent its time on: scripts by
   * function, style and layout, the rest of rendering), to name the causes of slow frames.
   */
  const scrollFrames = () =>
    page.evaluate(
      ({ frames, step }) =>
        new Promise((resolve) => {
          const root = document.getElementById('reader-article');
          const deltas = [];
          const long = [];
          const observer =
            PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') &&
            new PerformanceObserver((list) => {
              for (const e of list.getEntries())
                long.push({
                  start: e.startTime,
                  duration: e.duration,
                  // The frame's phases: tasks before its rendering update; the update's callbacks
                  // (requestAnimationFrame, observers); its style, layout and paint.
                  before: (e.renderStart || e.startTime + e.duration) - e.startTime,
                  callbacks: e.renderStart
                    ? (e.styleAndLayoutStart || e.startTime + e.duration) - e.renderStart
                    : 0,
                  styleLayoutPaint: e.styleAndLayoutStart
                    ? e.startTime + e.duration - e.styleAndLayoutStart
                    : 0,
                  scripts: e.scripts.map((s) => ({
                    what: `${s.invokerType} ${s.invoker} ${s.sourceFunctionName || ''} ${(s.sourceURL || '').split('/').pop()}:${s.sourceCharPosition}`,
                    duration: s.duration,
                    forcedLayout: s.forcedStyleAndLayoutDuration,
                  })),
                });
            });
          observer?.observe({ type: 'long-animation-frame', buffered: false });
          let last = performance.now();
          let n = 0;
          const tick = (now) => {
            deltas.push(now - last);
            last = now;
            if (++n >= frames) {
              const field = document.querySelector('.pv-toolbar input');
              // The observer reports a frame after it ends: one more frame to collect the last.
              requestAnimationFrame(() =>
                setTimeout(() => {
                  observer?.disconnect();
                  resolve({
                    deltas,
                    long,
                    pageAtEnd: Number(field?.value ?? 0),
                    scrolled: root.scrollTop,
                  });
                }, 100),
              );
              return;
            }
            root.scrollTop += step;
            requestAnimationFrame(tick);
          };
          requestAnimationFrame((now) => {
            last = now;
            root.scrollTop += step;
            requestAnimationFrame(tick);
          });
        }),
      { frames: FRAMES, step: STEP },
    );
  /** Nearest-rank percentile of `values` (sorted copy). */
  const percentile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  };
  const frameStats = (deltas) => ({
    frames: deltas.length,
    median: percentile(deltas, 0.5),
    p95: percentile(deltas, 0.95),
    p99: percentile(deltas, 0.99),
    max: Math.max(...deltas),
    over50: deltas.filter((d) => d >= 50).length,
  });
  /** The long frames' time by phase, and by script (those over 5 ms), summed over runs. */
  const causes = (longFrames) => {
    const sum = (f) => Number(longFrames.reduce((t, x) => t + f(x), 0).toFixed(1));
    const phases = [
      {
        what: 'tasks before the rendering update (scripts, messages, GC)',
        ms: sum((f) => f.before),
      },
      {
        what: 'rendering update: requestAnimationFrame callbacks, observers',
        ms: sum((f) => f.callbacks),
      },
      { what: 'rendering update: style, layout, paint', ms: sum((f) => f.styleLayoutPaint) },
    ];
    const by = new Map();
    const add = (what, ms) => by.set(what, (by.get(what) ?? 0) + ms);
    for (const f of longFrames)
      for (const s of f.scripts) {
        add(`script: ${s.what}`, s.duration);
        if (s.forcedLayout > 0) add('  of which forced style+layout in scripts', s.forcedLayout);
      }
    const scripts = [...by]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([what, ms]) => ({ what, ms: Number(ms.toFixed(1)) }));
    return { phases, scripts };
  };

  /** Self time by function (ms), summed over the profiles of the runs. */
  const profiled = new Map();
  const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  if (TRACE) await browser.startTracing(page, { path: TRACE, screenshots: false });
  // The same scroll through the reflowed text: what the machine gives any scrolling right now.
  const textRuns = [];
  const pageRuns = [];
  const longFrames = [];
  let drawn = 0;
  let reached = 0;
  for (let i = 0; i < RUNS; i++) {
    await spacer();
    await open(TITLE, false);
    textRuns.push((await scrollFrames()).deltas);
    await spacer();
    await open(TITLE, true);
    if (PROFILE) await cdp.send('Profiler.start');
    const scroll = await scrollFrames();
    if (PROFILE) selfTimes((await cdp.send('Profiler.stop')).profile, profiled);
    pageRuns.push(scroll.deltas);
    longFrames.push(...scroll.long);
    reached = scroll.pageAtEnd;
    drawn = await page.locator('.pv-page canvas').count();
  }
  if (TRACE) await browser.stopTracing();
  const load = loadavg().map((n) => Number(n.toFixed(2)));

  const result = {
    date: new Date().toISOString(),
    pages: PAGES,
    cpuThrottle: THROTTLE,
    openText: stats(times.text),
    openPages: stats(times.pages),
    ratio: 0,
    scroll: {
      runs: RUNS,
      stepPx: STEP,
      reachedPage: reached,
      frameMs: frameStats(pageRuns.flat()),
      perRun: pageRuns.map(frameStats),
      canvasesAtEnd: drawn,
      longFrameCauses: causes(longFrames),
    },
    textScroll: { frameMs: frameStats(textRuns.flat()), perRun: textRuns.map(frameStats) },
    load,
  };
  result.ratio = Number((result.openPages.median / result.openText.median).toFixed(2));
  const fmt = (s) =>
    `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs})`;
  const fmtFrames = (s) =>
    `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms; ${s.over50} of ${s.frames} frames ≥ 50 ms`;
  console.log(
    `${PAGES}-page PDF; load average ${result.load.join(' ')}${THROTTLE > 1 ? `; CPU throttled ${THROTTLE}×` : ''}`,
  );
  console.log(`open, reflowed text (first paragraph):  ${fmt(result.openText)}`);
  console.log(`open, page view (page 1 drawn + text):  ${fmt(result.openPages)}`);
  console.log(`ratio (medians): ${result.ratio}× (target ≤ 2×)`);
  console.log(
    `scroll, page view, ${RUNS} runs × ${FRAMES} frames × ${STEP} px (to page ${reached}; canvases alive at the end: ${drawn}):`,
  );
  console.log(`  all frames: ${fmtFrames(result.scroll.frameMs)}`);
  console.log(`  target: p95 and p99 under 50 ms`);
  for (const [k, s] of result.scroll.perRun.entries())
    console.log(`  run ${k + 1}: ${fmtFrames(s)}`);
  console.log(`the same scroll in the reflowed text: ${fmtFrames(result.textScroll.frameMs)}`);
  if (longFrames.length) {
    console.log(
      `long animation frames (> 50 ms, Chromium's own count) in the page view: ${longFrames.length}; their time by cause:`,
    );
    const { phases, scripts } = result.scroll.longFrameCauses;
    for (const c of phases) console.log(`  ${c.ms} ms  ${c.what}`);
    console.log('  scripts over 5 ms in them (overlapping the phases):');
    for (const c of scripts) console.log(`    ${c.ms} ms  ${c.what}`);
  }
  if (PROFILE) {
    console.log('JavaScript self time during the page-view scrolls (sampled), top 20:');
    for (const [what, ms] of [...profiled].sort((a, b) => b[1] - a[1]).slice(0, 20))
      console.log(`  ${ms.toFixed(1)} ms  ${what}`);
  }
  if (TRACE)
    console.log(`Chromium trace written to ${TRACE} (open in chrome://tracing or Perfetto)`);
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${OUT}`);
} finally {
  await browser?.close();
  server?.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
