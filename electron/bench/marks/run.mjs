// `npm run bench -- marks [--runs N] [--passages N] [--cpu] [--profile FILE] [--cli PATH] [--out FILE]`: how long the reader takes to
// open an article with 1,000 passages against the same article with none (issue target: ≤ 2×). The reader paints every
// passage as a CSS highlight in its first frame and makes the MarkNodes while idle, so each open reports both: until
// every passage is on screen (`marked`, the target's figure) and until every passage is a MarkNode (`markNodes`), with
// the longest frame in between (`longestFrame`, target ≤ ~50 ms).
// Plain ESM on purpose: it drives the built CLI (`out/main/cli.js serve`) and Debian's Chromium,
// so it needs no bundling of its own. Writes bench/results/marks.json (or `--out FILE`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import {
  call,
  CHROMIUM_FLAGS,
  CLI,
  option,
  ROOT,
  seeded,
  startServer,
  stats,
} from '../webMode.mjs';

const RUNS = option('runs', 15);
/** `--profile FILE`: a CPU profile of the opens with passages (open in DevTools), plus a summary. */
const PROFILE = process.argv.includes('--profile')
  ? process.argv[process.argv.indexOf('--profile') + 1]
  : null;
const PASSAGES = option('passages', 1000);
/**
 * `--cpu`: also trace every measured open and sum the renderer main thread's CPU time (trace
 * `tdur`) over its tasks. Wall-clock medians swing with whatever else the machine runs; thread
 * CPU time much less, so before/after comparisons on a shared machine use this figure.
 */
const CPU = process.argv.includes('--cpu');
/** `--out FILE`: where the result goes; trial runs while iterating keep the committed figure intact. */
const OUT = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]
  : join(ROOT, 'bench', 'results', 'marks.json');

/** A ~100 KB article of plain paragraphs; `variant` changes one line so both copies exist. */
function article(variant) {
  const words =
    'the of passage reader highlight mark offset index marginal note source quote river stone lantern archive'.split(
      ' ',
    );
  const paragraphs = [`Marks benchmark article (${variant})`];
  const next = seeded(7);
  for (let p = 0; p < 330; p++) {
    const sentence = [];
    for (let w = 0; w < 70; w++) sentence.push(words[next() % words.length]);
    paragraphs.push(`Paragraph ${p + 1}: ${sentence.join(' ')}.`);
  }
  paragraphs.push(`Last paragraph of the ${variant} copy.`);
  return paragraphs.join('\n\n') + '\n';
}

/** `count` passages spread over the text, a few words each, one in ten overlapping the previous. */
async function addPassages(server, id, text, count) {
  const step = Math.floor(text.length / count);
  const ranges = [];
  for (let i = 0; i < count; i++) {
    const start = i * step + (i % 10 === 9 ? -Math.floor(step / 2) : 0);
    ranges.push({ start, end: Math.min(text.length, start + Math.floor(step * 0.6)) });
  }
  const colors = ['yellow', 'green', 'blue', 'pink', 'purple'];
  for (let i = 0; i < ranges.length; i += 50) {
    await Promise.all(
      ranges.slice(i, i + 50).map((r, k) =>
        call(server, 'passages.create', {
          articleId: id,
          ...r,
          color: colors[(i + k) % colors.length],
        }),
      ),
    );
  }
}

/**
 * Profiles three opens of each article (each from the spacer, as measured runs are; the first
 * profile of each is written to FILE and FILE-none), then prints each open's main-thread tasks.
 */
async function profile(page, openMarked, openNone, settle) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  // Each open starts from the small spacer article, as in the measured runs.
  for (let i = 0; i < 3; i++) {
    for (const [run, into] of [
      [openMarked, profiles],
      [openNone, noneProfiles],
    ]) {
      await settle();
      await cdp.send('Profiler.start');
      await run();
      into.push((await cdp.send('Profiler.stop')).profile);
    }
  }
  writeFileSync(PROFILE.replace(/(\.cpuprofile)?$/, '-none$1'), JSON.stringify(noneProfiles[0]));
  writeFileSync(PROFILE, JSON.stringify(profiles[0]));
  // The main thread's tasks during one open of each, in order, with what each spent its time on.
  for (const [label, run] of [
    ['with passages', openMarked],
    ['without', openNone],
  ]) {
    await settle();
    await page
      .context()
      .browser()
      .startTracing(page, {
        categories: [
          'toplevel',
          'devtools.timeline',
          'v8.execute',
          'disabled-by-default-devtools.timeline',
        ],
      });
    await run();
    const trace = JSON.parse((await page.context().browser().stopTracing()).toString());
    const events = trace.traceEvents.filter((e) => e.ph === 'X' && e.dur);
    const mine = mainThreadTasks(trace).filter((t) => t.dur > 1000);
    const t0 = mine[0]?.ts ?? 0;
    console.log(`timeline, open ${label} (main-thread tasks over 1 ms):`);
    for (const task of mine) {
      const inside = new Map();
      for (const e of events) {
        if (
          e === task ||
          e.pid !== task.pid ||
          e.tid !== task.tid ||
          e.ts < task.ts ||
          e.ts + e.dur > task.ts + task.dur
        )
          continue;
        if (
          ![
            'FunctionCall',
            'EvaluateScript',
            'TimerFire',
            'FireAnimationFrame',
            'EventDispatch',
            'Layout',
            'UpdateLayoutTree',
            'PrePaint',
            'Paint',
            'Layerize',
            'ParseHTML',
            'MajorGC',
            'MinorGC',
          ].includes(e.name)
        )
          continue;
        inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur / 1000);
      }
      const parts = [...inside]
        .sort((a, b) => b[1] - a[1])
        .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
        .join(', ');
      console.log(
        `  +${((task.ts - t0) / 1000).toFixed(1).padStart(6)} ms  ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${parts}`,
      );
    }
  }
  // Where the browser's own time goes (style, layout, paint): one traced open of each.
  for (const [label, run] of [
    ['with passages', openMarked],
    ['without', openNone],
  ]) {
    await page
      .context()
      .browser()
      .startTracing(page, { categories: ['devtools.timeline'] });
    await run();
    const trace = JSON.parse((await page.context().browser().stopTracing()).toString());
    const sums = new Map();
    for (const e of trace.traceEvents)
      if (e.ph === 'X' && e.dur) sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    console.log(
      `trace, open ${label}: ` +
        [...sums]
          .filter(([n]) => !n.startsWith('V8.'))
          .sort((a, b) => b[1] - a[1])
          .slice(0, 12)
          .map(([n, ms]) => `${n} ${ms.toFixed(1)}`)
          .join(', '),
    );
  }
  // Self time by function, summed over the profiles.
  const self = new Map();
  for (const p of profiles) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    p.samples.forEach((id, i) => {
      const n = byId.get(id);
      const f = n.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    });
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('self time over 3 opens with passages (ms):');
  for (const [key, ms] of top) console.log(`${ms.toFixed(1).padStart(8)}  ${key}`);
}
const profiles = [];
const noneProfiles = [];

/** The renderer main thread's outermost tasks in a trace (the busiest CrRendererMain). */
function mainThreadTasks(trace) {
  const mains = new Set(
    trace.traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of trace.traceEvents) {
    if (
      e.ph !== 'X' ||
      !e.dur ||
      (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
    )
      continue;
    const thread = `${e.pid}:${e.tid}`;
    if (!mains.has(thread)) continue;
    (byThread.get(thread) ?? byThread.set(thread, []).get(thread)).push(e);
  }
  let best = [];
  for (const tasks of byThread.values()) {
    tasks.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const outer = [];
    for (const t of tasks) {
      const last = outer[outer.length - 1];
      if (last && t.ts + t.dur <= last.ts + last.dur) continue; // nested in the previous one
      outer.push(t);
    }
    if (outer.reduce((n, t) => n + t.dur, 0) > best.reduce((n, t) => n + t.dur, 0)) best = outer;
  }
  return best;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-bench-marks-'));
  const library = join(dir, 'library.sqlite');
  const files = {
    none: join(dir, 'article-none.txt'),
    marked: join(dir, 'article-marked.txt'),
    spacer: join(dir, 'spacer.txt'),
  };
  writeFileSync(files.none, article('unmarked'));
  writeFileSync(files.marked, article('marked'));
  // Opened between measured opens, so each measured open tears down the same small article
  // (not the other big one) and starts from a settled page.
  writeFileSync(files.spacer, 'Spacer article\n\nA short article opened between measurements.\n');
  const server = await startServer(library);
  let browser;
  try {
    const imported = spawnSync(
      process.execPath,
      [CLI, '--library', library, 'import', '--json', files.none, files.marked, files.spacer],
      { encoding: 'utf8' },
    );
    if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
    const articles = await call(server, 'articles.list', {});
    const list = Array.isArray(articles) ? articles : articles.items;
    const byTitle = (needle) => list.find((a) => a.title.includes(needle));
    const none = byTitle('(unmarked)');
    const spacer = byTitle('Spacer article');
    const marked = byTitle('(marked)');
    if (!none || !marked || !spacer)
      throw new Error(`imported articles not found: ${JSON.stringify(list.map((a) => a.title))}`);
    const full = await call(server, 'articles.get', { id: marked.id });
    await addPassages(server, marked.id, full.text, PASSAGES);
    const placed = (await call(server, 'passages.list', { articleId: marked.id })).filter(
      (p) => !p.orphaned,
    ).length;
    // The server's share of an open: the two calls the reader makes, timed from here.
    const apiTimes = { get: [], list: [] };
    for (let i = 0; i < 10; i++) {
      let t = performance.now();
      await call(server, 'articles.get', { id: marked.id });
      apiTimes.get.push(performance.now() - t);
      t = performance.now();
      await call(server, 'passages.list', { articleId: marked.id });
      apiTimes.list.push(performance.now() - t);
    }

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.origin}/?token=${server.token}`);
    await page.getByRole('option').first().waitFor();

    /**
     * Clicks the row in-page and polls each frame. `visible`: the frame in which the last paragraph
     * and every passage are on screen, as a mark or as a painted highlight (the reader paints
     * passages with the CSS Custom Highlight API at open and makes their MarkNodes while idle), has
     * been drawn. `marked`: the same once every passage is a MarkNode and none is pending.
     * `longestFrame`: the longest gap between two animation frames from `visible` to `marked`,
     * i.e. the worst frame the idle MarkNode work caused.
     */
    const open = (title, lastLine, marks) =>
      page.evaluate(
        ({ title, lastLine, marks }) =>
          new Promise((resolve, reject) => {
            const row = [...document.querySelectorAll('[role="option"]')].find((el) =>
              el.textContent?.includes(title),
            );
            if (!row) return reject(new Error(`no row for ${title}`));
            const painted = () => {
              let n = 0;
              CSS.highlights?.forEach((h, name) => {
                if (name.startsWith('passage-') && !name.startsWith('passage-under-')) n += h.size;
              });
              return n;
            };
            const state = () => {
              const body = document.querySelector('[aria-label="Article text"]');
              return {
                last: body?.lastElementChild?.textContent ?? '',
                count: body ? body.querySelectorAll('mark[data-passage-ids]').length : 0,
                pending: body?.hasAttribute('data-marks-pending') ?? true,
              };
            };
            const VISIBLE_MARK = 'marks-bench-visible';
            // Frames of 50 ms or more (Long Animation Frames API): script, style, layout and paint of one frame.
            const longFrames = [];
            const observer =
              typeof PerformanceObserver !== 'undefined' &&
              PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')
                ? new PerformanceObserver((list) => longFrames.push(...list.getEntries()))
                : null;
            observer?.observe({ type: 'long-animation-frame' });
            const t0 = performance.now();
            row.click();
            let visible = 0;
            let longestFrame = 0;
            let lastFrame = 0;
            const timedOut = (what) => {
              if (performance.now() - t0 < 30_000) return false;
              const s = state();
              reject(
                new Error(
                  `timed out waiting for ${what}: ${s.count} marks, ${painted()} painted, last "${s.last.slice(0, 40)}"`,
                ),
              );
              return true;
            };
            // Phase 2: every passage a MarkNode.
            // Wall clock at each callback, not the rAF timestamp: that is aligned to vsync, so it
            // understates a late frame (a 45 ms stall shows as 33.3 ms).
            const allMarked = () => {
              const now = performance.now();
              longestFrame = Math.max(longestFrame, now - lastFrame);
              lastFrame = now;
              const s = state();
              if (s.count >= marks && !s.pending) {
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    observer?.takeRecords().forEach((e) => longFrames.push(e));
                    observer?.disconnect();
                    // Long frames after every passage was on screen: the MarkNode work's.
                    const after = longFrames.filter((e) => e.startTime >= t0 + visible);
                    resolve({
                      visible,
                      marked: performance.now() - t0,
                      longestFrame,
                      longFrames: after.length,
                      longestLongFrame: Math.max(0, ...after.map((e) => e.duration)),
                    });
                  }, 0),
                );
              } else if (!timedOut('every MarkNode')) requestAnimationFrame(allMarked);
            };
            // Phase 1: everything on screen. Done once the frame showing it has been drawn.
            const onScreen = () => {
              const s = state();
              const shown = s.count + painted();
              if (s.last.includes(lastLine) && (marks === 0 ? shown === 0 : shown >= marks)) {
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    visible = performance.now() - t0;
                    performance.mark(VISIBLE_MARK); // for the traced CPU time up to here
                    requestAnimationFrame(() => {
                      lastFrame = performance.now();
                      allMarked();
                    });
                  }, 0),
                );
              } else if (!timedOut('the passages on screen')) requestAnimationFrame(onScreen);
            };
            onScreen();
          }),
        { title, lastLine, marks },
      );

    // Expected marks: what the first load shows once every MarkNode is made (a passage across
    // blocks makes more than one mark).
    await open(marked.title, 'marked copy', 1);
    const expectedMarks = await page
      .locator('[aria-label="Article text"] mark[data-passage-ids]')
      .count();
    const ids = await page.$$eval(
      '[aria-label="Article text"] mark[data-passage-ids]',
      (els) =>
        new Set(els.flatMap((el) => (el.getAttribute('data-passage-ids') ?? '').split(' '))).size,
    );
    if (ids !== placed) throw new Error(`reader shows ${ids} passages, library has ${placed}`);
    await open(none.title, 'unmarked copy', 0);

    const times = {
      none: [],
      visible: [],
      marked: [],
      longestFrame: [],
      longFrames: [],
      longestLongFrame: [],
    };
    const settle = async () => {
      await open(spacer.title, 'opened between measurements', 0);
      await page.waitForTimeout(250);
    };
    if (PROFILE)
      await profile(
        page,
        () => open(marked.title, 'marked copy', expectedMarks),
        () => open(none.title, 'unmarked copy', 0),
        settle,
      );
    const cpu = { none: [], marked: [], markNodes: [], longestTask: [] };
    const record = (kind, r) => {
      if (kind === 'none') times.none.push(r.visible);
      else {
        times.visible.push(r.visible);
        times.marked.push(r.marked);
        times.longestFrame.push(r.longestFrame);
        times.longFrames.push(r.longFrames);
        times.longestLongFrame.push(r.longestLongFrame);
      }
    };
    const measure = async (kind, run) => {
      if (!CPU) return record(kind, await run());
      await page
        .context()
        .browser()
        .startTracing(page, {
          categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'blink.user_timing'],
        });
      record(kind, await run());
      const trace = JSON.parse((await page.context().browser().stopTracing()).toString());
      const tasks = mainThreadTasks(trace);
      const sum = (list) => list.reduce((n, t) => n + (t.tdur ?? t.dur), 0) / 1000;
      // Up to the frame with every passage on screen (the tasks before the page's mark), and to the end.
      const visibleAt =
        trace.traceEvents.find((e) => e.name === 'marks-bench-visible')?.ts ?? Infinity;
      if (kind === 'none') cpu.none.push(sum(tasks));
      else {
        cpu.marked.push(sum(tasks.filter((t) => t.ts < visibleAt)));
        cpu.markNodes.push(sum(tasks));
        // The MarkNode work's longest task in thread time (what the page did, not how long the OS let it wait).
        cpu.longestTask.push(
          Math.max(
            0,
            ...tasks.filter((t) => t.ts >= visibleAt).map((t) => (t.tdur ?? t.dur) / 1000),
          ),
        );
      }
    };
    for (let i = 0; i < RUNS; i++) {
      await settle();
      await measure('marked', () => open(marked.title, 'marked copy', expectedMarks));
      await settle();
      await measure('none', () => open(none.title, 'unmarked copy', 0));
    }
    const result = {
      date: new Date().toISOString(),
      articleChars: full.text.length,
      passages: placed,
      marks: expectedMarks,
      none: stats(times.none),
      // Every passage on screen (as a mark or a painted highlight): the "every mark rendered".
      marked: stats(times.visible),
      // Every passage a MarkNode in the editor.
      markNodes: stats(times.marked),
      // While the MarkNodes were being made (target: no frame over ~50 ms): the longest gap between
      // two animation frames (whole frames of ~16.7 ms, so an upper bound), the number of frames of
      // 50 ms or more per open (Long Animation Frames API) and the longest of those (0: none).
      longestFrame: stats(times.longestFrame),
      longFrames: stats(times.longFrames),
      longestLongFrame: stats(times.longestLongFrame),
      api: { articlesGet: stats(apiTimes.get), passagesList: stats(apiTimes.list) },
      load: loadavg().map((n) => Number(n.toFixed(2))),
    };
    result.ratio = Number((result.marked.median / result.none.median).toFixed(2));
    result.markNodesRatio = Number((result.markNodes.median / result.none.median).toFixed(2));
    if (CPU) {
      result.cpu = {
        none: stats(cpu.none),
        marked: stats(cpu.marked),
        markNodes: stats(cpu.markNodes),
        longestTaskWhileMaking: stats(cpu.longestTask),
      };
      result.cpu.ratio = Number((result.cpu.marked.median / result.cpu.none.median).toFixed(2));
      result.cpu.markNodesRatio = Number(
        (result.cpu.markNodes.median / result.cpu.none.median).toFixed(2),
      );
    }
    const fmt = (s) =>
      `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, n=${s.runs})`;
    console.log(
      `article: ${result.articleChars} chars; ${placed} passages → ${expectedMarks} marks; load average ${result.load.join(' ')}`,
    );
    console.log(`open, no passages:   ${fmt(result.none)}`);
    console.log(`open, ${placed} passages, all on screen:  ${fmt(result.marked)}`);
    console.log(`open, ${placed} passages, all MarkNodes:  ${fmt(result.markNodes)}`);
    console.log(
      `while making MarkNodes: longest gap between frames ${fmt(result.longestFrame)}; frames ≥ 50 ms per open: median ${result.longFrames.median}, max ${result.longFrames.max}; longest such frame: ${fmt(result.longestLongFrame)} (target: none over ~50 ms)`,
    );
    console.log(
      `server: articles.get ${fmt(result.api.articlesGet)}; passages.list (${placed}) ${fmt(result.api.passagesList)}`,
    );
    console.log(
      `ratio (median), all on screen: ${result.ratio}× (target ≤ 2×); all MarkNodes: ${result.markNodesRatio}×`,
    );
    if (CPU) {
      console.log(`renderer main-thread CPU, no passages: ${fmt(result.cpu.none)}`);
      console.log(
        `renderer main-thread CPU, ${placed} passages, all on screen: ${fmt(result.cpu.marked)}`,
      );
      console.log(
        `renderer main-thread CPU, ${placed} passages, all MarkNodes: ${fmt(result.cpu.markNodes)}`,
      );
      console.log(
        `longest main-thread task while making MarkNodes (thread time): ${fmt(result.cpu.longestTaskWhileMaking)}`,
      );
      console.log(
        `CPU ratio (median), all on screen: ${result.cpu.ratio}×; all MarkNodes: ${result.cpu.markNodesRatio}× (traced opens: tracing adds its own overhead)`,
      );
    }
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
    console.log(`wrote ${OUT}`);
  } finally {
    await browser?.close();
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`marks bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
