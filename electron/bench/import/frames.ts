/**
 * The page's frames during the import, and what made the long ones long. Installed in the page,
 * the probe keeps the maxima the target is judged on and the details of every frame over
 * LONG_MS: Long Animation Frames with their scripts (invoker, source, duration) and rendering
 * phases, long tasks, and gaps between animation frames. `attributeFrames` then places each one in
 * the import (files done, seconds in, the library events sent just before) and beside the CPU
 * and run-queue wait of the threads involved, so starvation can be told from our own code.
 */
import type { ThreadSampler, ThreadUse } from './threads';

/** Frames at least this long are kept with their details. */
export const LONG_MS = 50;
/** Details kept per kind, so a pathological run can't flood the page's memory. */
const MAX_KEPT = 400;

export interface LoafScript {
  invoker: string;
  invokerType: string;
  sourceURL: string;
  sourceFunctionName: string;
  sourceCharPosition: number;
  duration: number;
  forcedStyleAndLayoutDuration: number;
  pauseDuration: number;
}

export interface LongLoaf {
  /** Epoch ms (performance.timeOrigin + startTime): comparable with the server's clock. */
  at: number;
  duration: number;
  blockingDuration: number;
  /** Offsets from `at`; 0 when the frame did not render. */
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: LoafScript[];
}

export interface FrameStats {
  maxLoafMs: number;
  loafsOver100: number;
  maxLongTaskMs: number;
  maxFrameGapMs: number;
  gapsOver100: number;
  frames: number;
  loafs: LongLoaf[];
  longTasks: { at: number; duration: number }[];
  gaps: { at: number; duration: number }[];
}

/** Source of the probe; evaluated in the page before the import. */
export const FRAME_PROBE = `(() => {
  const LONG = ${LONG_MS}, KEEP = ${MAX_KEPT};
  const m = { maxLoafMs: 0, loafsOver100: 0, maxLongTaskMs: 0, maxFrameGapMs: 0, gapsOver100: 0, frames: 0, loafs: [], longTasks: [], gaps: [] };
  window.__importBench = m;
  const epoch = (t) => performance.timeOrigin + t;
  const keep = (list, item) => { if (list.length < KEEP) list.push(item); };
  const watch = (type, f) => { try { new PerformanceObserver((l) => l.getEntries().forEach(f)).observe({ type, buffered: false }); } catch {} };
  watch('long-animation-frame', (e) => {
    m.maxLoafMs = Math.max(m.maxLoafMs, e.duration);
    if (e.duration > 100) m.loafsOver100++;
    if (e.duration < LONG) return;
    keep(m.loafs, {
      at: epoch(e.startTime), duration: e.duration, blockingDuration: e.blockingDuration,
      renderStart: e.renderStart ? e.renderStart - e.startTime : 0,
      styleAndLayoutStart: e.styleAndLayoutStart ? e.styleAndLayoutStart - e.startTime : 0,
      scripts: (e.scripts || []).map((s) => ({
        invoker: s.invoker, invokerType: s.invokerType, sourceURL: s.sourceURL, sourceFunctionName: s.sourceFunctionName,
        sourceCharPosition: s.sourceCharPosition, duration: s.duration,
        forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration, pauseDuration: s.pauseDuration,
      })),
    });
  });
  watch('longtask', (e) => { m.maxLongTaskMs = Math.max(m.maxLongTaskMs, e.duration); keep(m.longTasks, { at: epoch(e.startTime), duration: e.duration }); });
  let last = performance.now();
  const tick = (t) => {
    const gap = t - last; last = t; m.frames++;
    m.maxFrameGapMs = Math.max(m.maxFrameGapMs, gap);
    if (gap > 100) m.gapsOver100++;
    if (gap >= LONG) keep(m.gaps, { at: epoch(t - gap), duration: gap });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

export const FRAME_RESET = `(() => { const m = window.__importBench; for (const k of Object.keys(m)) m[k] = Array.isArray(m[k]) ? [] : 0; })()`;

/** What the server sent the page, for placing frames next to it. */
export interface SentEvent {
  at: number;
  type: string;
  /** `changed`: entities and id count; `import-report`: results; `import-progress`: done. */
  detail: string;
}

/** Files done over time (epoch ms, count), in order. */
export type Timeline = readonly (readonly [number, number])[];

export interface AttributedFrame {
  kind: 'loaf' | 'longtask' | 'gap' | 'server-stall';
  durationMs: number;
  /** Seconds after the import started (negative: before it). */
  atSeconds: number;
  filesDone: number;
  /** Where the frame's time went (LoAF only): scripts we saw, rendering, and the rest. */
  scriptMs?: number;
  renderMs?: number;
  styleLayoutMs?: number;
  otherMs?: number;
  scripts?: string[];
  /** Library events the server sent in the 500 ms before the frame ended. */
  eventsBefore: string[];
  threads: ThreadUse[];
  /** A one-line reading of the figures above. */
  verdict: string;
}

export function filesDoneAt(timeline: Timeline, at: number): number {
  let lo = 0;
  let hi = timeline.length - 1;
  let done = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (timeline[mid]![0] <= at) {
      done = timeline[mid]![1];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return done;
}

const fileOf = (url: string) => url.slice(url.lastIndexOf('/') + 1) || url;

function describeScript(s: LoafScript): string {
  const where = s.sourceURL
    ? ` ${s.sourceFunctionName || '(anonymous)'}@${fileOf(s.sourceURL)}:${s.sourceCharPosition}`
    : '';
  const forced =
    s.forcedStyleAndLayoutDuration >= 1
      ? `, forced layout ${Math.round(s.forcedStyleAndLayoutDuration)} ms`
      : '';
  return `${Math.round(s.duration)} ms ${s.invokerType} ${s.invoker}${where}${forced}`;
}

function verdictOf(
  durationMs: number,
  threads: ThreadUse[],
  scriptMs: number | undefined,
  renderMs: number | undefined,
  mainLabel: string,
): string {
  const main = threads.find((t) => t.label.startsWith(mainLabel));
  const starvedShare = durationMs * 0.3;
  const parts: string[] = [];
  // The thread was runnable but not running for a good share of the frame: the machine starved it.
  if (main && main.waitMs >= starvedShare)
    parts.push(
      `CPU-starved: ${mainLabel} waited ${main.waitMs} ms for a CPU, ran ${main.runMs} ms of ${main.windowMs} ms`,
    );
  else if (main && main.runMs < durationMs * 0.5) {
    // The page's main thread had little to do: the frame waited on Chromium's other threads
    // (compositor, GPU/display, browser), starved or not.
    // The compositor is one thread; Chromium's other threads are summed (dozens), so their waits
    // count as starvation only when they add up to the whole frame.
    const starvedHelper =
      mainLabel === 'page main'
        ? threads.find(
            (t) =>
              (t.label.startsWith('page compositor') && t.waitMs >= starvedShare) ||
              (t.label === 'chromium other threads' && t.waitMs >= durationMs),
          )
        : undefined;
    if (starvedHelper)
      parts.push(
        `CPU-starved: ${starvedHelper.label.replace(/ \(pid \d+\)/, '')} waited ${starvedHelper.waitMs} ms for a CPU (${mainLabel} ran ${main.runMs} ms, waited ${main.waitMs} ms)`,
      );
    else
      parts.push(
        `${mainLabel} mostly idle (ran ${main.runMs} ms of ${main.windowMs} ms, waited ${main.waitMs} ms)`,
      );
  }
  if (scriptMs !== undefined && scriptMs >= durationMs * 0.5) parts.push('mostly script');
  else if (renderMs !== undefined && renderMs >= durationMs * 0.5) parts.push('mostly rendering');
  return parts.join('; ') || 'mixed';
}

export function attributeFrames(
  frames: FrameStats,
  stalls: readonly { at: number; duration: number }[],
  context: {
    startedAt: number;
    timeline: Timeline;
    events: readonly SentEvent[];
    sampler: ThreadSampler | null;
  },
): AttributedFrame[] {
  const around = (at: number, duration: number) => {
    const end = at + duration;
    return {
      atSeconds: Math.round((at - context.startedAt) / 100) / 10,
      filesDone: filesDoneAt(context.timeline, at),
      eventsBefore: context.events
        .filter((e) => e.at >= end - 500 && e.at <= end && e.type !== 'import-progress')
        .map((e) => `${Math.round(e.at - at)} ms: ${e.type} ${e.detail}`),
      threads: context.sampler?.use(at, end) ?? [],
    };
  };
  const out: AttributedFrame[] = [];
  for (const f of frames.loafs) {
    const scriptMs = f.scripts.reduce((a, s) => a + s.duration, 0);
    const renderMs = f.renderStart ? f.duration - f.renderStart : 0;
    const styleLayoutMs = f.styleAndLayoutStart ? f.duration - f.styleAndLayoutStart : 0;
    const base = around(f.at, f.duration);
    out.push({
      kind: 'loaf',
      durationMs: Math.round(f.duration),
      ...base,
      scriptMs: Math.round(scriptMs),
      renderMs: Math.round(renderMs),
      styleLayoutMs: Math.round(styleLayoutMs),
      otherMs: Math.round(f.duration - scriptMs - renderMs),
      scripts: [...f.scripts]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 4)
        .map(describeScript),
      verdict: verdictOf(f.duration, base.threads, scriptMs, renderMs, 'page main'),
    });
  }
  for (const t of frames.longTasks) {
    const base = around(t.at, t.duration);
    out.push({
      kind: 'longtask',
      durationMs: Math.round(t.duration),
      ...base,
      verdict: verdictOf(t.duration, base.threads, undefined, undefined, 'page main'),
    });
  }
  for (const g of frames.gaps) {
    const base = around(g.at, g.duration);
    out.push({
      kind: 'gap',
      durationMs: Math.round(g.duration),
      ...base,
      verdict: verdictOf(g.duration, base.threads, undefined, undefined, 'page main'),
    });
  }
  for (const s of stalls) {
    const base = around(s.at, s.duration);
    out.push({
      kind: 'server-stall',
      durationMs: Math.round(s.duration),
      ...base,
      verdict: verdictOf(s.duration, base.threads, undefined, undefined, 'server main'),
    });
  }
  return out.sort((a, b) => b.durationMs - a.durationMs);
}

/**
 * Stalls of this thread's event loop longer than `minMs`, with when they happened: a timer that
 * should fire every `tickMs` and notes how late it was (monitorEventLoopDelay only keeps a histogram).
 */
export function watchStalls(
  minMs = LONG_MS,
  tickMs = 10,
): { stop(): { at: number; duration: number }[] } {
  const stalls: { at: number; duration: number }[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - tickMs;
    if (late >= minMs && stalls.length < MAX_KEPT)
      stalls.push({ at: performance.timeOrigin + last, duration: now - last });
    last = now;
  }, tickMs);
  return {
    stop: () => {
      clearInterval(timer);
      return stalls;
    },
  };
}

/** The page's frames over 100 ms (the target), by what the attribution made of them. */
export function summarizeOver100(frames: readonly AttributedFrame[]): {
  total: number;
  starved: number;
  script: number;
} {
  const over = frames.filter((f) => f.kind === 'loaf' && f.durationMs > 100);
  return {
    total: over.length,
    starved: over.filter((f) => f.verdict.startsWith('CPU-starved')).length,
    script: over.filter((f) => (f.scriptMs ?? 0) >= f.durationMs / 2).length,
  };
}
