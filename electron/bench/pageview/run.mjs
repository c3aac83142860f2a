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

  /** Scrolls the reader by STEP every frame for FRAMES frames: the time between frames. */
  const scrollFrames = () =>
    page.evaluate(
      ({ frames, step }) =>
        new Promise((resolve) => {
          const root = document.getElementById('reader-article');
          const deltas = [];
          let last = performance.now();
          let n = 0;
          const tick = (now) => {
            deltas.push(now - last);
            last = now;
            if (++n >= frames) {
              const field = document.querySelector('.pv-toolbar input');
              resolve({ deltas, pageAtEnd: Number(field?.value ?? 0), scrolled: root.scrollTop });
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
  // The same scroll through the reflowed text: what the machine gives any scrolling right now.
  await spacer();
  await open(TITLE, false);
  const textScroll = await scrollFrames();
  await spacer();
  await open(TITLE, true);
  const scroll = await scrollFrames();
  const drawn = await page.locator('.pv-page canvas').count();

  const result = {
    date: new Date().toISOString(),
    pages: PAGES,
    cpuThrottle: THROTTLE,
    openText: stats(times.text),
    openPages: stats(times.pages),
    ratio: 0,
    scroll: {
      frames: scroll.deltas.length,
      stepPx: STEP,
      reachedPage: scroll.pageAtEnd,
      frameMs: stats(scroll.deltas),
      framesOver50ms: scroll.deltas.filter((d) => d > 50).length,
      canvasesAtEnd: drawn,
    },
    textScroll: {
      frameMs: stats(textScroll.deltas),
      framesOver50ms: textScroll.deltas.filter((d) => d > 50).length,
    },
    load: loadavg().map((n) => Number(n.toFixed(2))),
  };
  result.ratio = Number((result.openPages.median / result.openText.median).toFixed(2));
  const fmt = (s) =>
    `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs})`;
  console.log(
    `${PAGES}-page PDF; load average ${result.load.join(' ')}${THROTTLE > 1 ? `; CPU throttled ${THROTTLE}×` : ''}`,
  );
  console.log(`open, reflowed text (first paragraph):  ${fmt(result.openText)}`);
  console.log(`open, page view (page 1 drawn + text):  ${fmt(result.openPages)}`);
  console.log(`ratio (medians): ${result.ratio}× (target ≤ 2×)`);
  console.log(
    `scroll ${scroll.deltas.length} frames × ${STEP} px, to page ${scroll.pageAtEnd}: frame ${fmt(result.scroll.frameMs)}; frames over 50 ms: ${result.scroll.framesOver50ms} (target: none); canvases alive at the end: ${drawn}`,
  );
  console.log(
    `the same scroll in the reflowed text: frame ${fmt(result.textScroll.frameMs)}; frames over 50 ms: ${result.textScroll.framesOver50ms}`,
  );
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${OUT}`);
} finally {
  await browser?.close();
  server?.child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
