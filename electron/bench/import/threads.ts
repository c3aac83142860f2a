/**
 * CPU time and run-queue wait of the threads that make a frame, sampled from Linux's
 * /proc/<pid>/task/<tid>/schedstat (ns on a CPU, ns runnable but waiting for one). A long frame
 * whose thread spent its time waiting for a CPU was starved by other work on the machine, not slow
 * code. Elsewhere than Linux the sampler records nothing and the report says so.
 *
 * Reading the figures: Playwright starts Chromium detached (its own session), so with Linux's
 * autogroup scheduling Chromium gets its own share of the CPUs; the import worker's lower priority
 * (core/import/bulk/priority.ts) then only favours this process's main thread, not the page.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ThreadRef {
  /** What the thread is for the report: `page main`, `server main`, `server other threads`, … */
  label: string;
  /** One thread, or several summed (`pid/tid` paths under /proc). */
  paths: string[];
}

interface Sample {
  at: number;
  runNs: number;
  waitNs: number;
}

export interface ThreadUse {
  label: string;
  /** Wall-clock window the figures cover (sampling widens the asked window to whole samples). */
  windowMs: number;
  runMs: number;
  waitMs: number;
}

function readSchedstat(path: string): [number, number] | null {
  try {
    const [run, wait] = readFileSync(`/proc/${path}/schedstat`, 'utf8').split(' ');
    return [Number(run), Number(wait)];
  } catch {
    return null;
  }
}

function comm(pid: number, tid: number): string {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function tids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Processes below `root` (children, grandchildren…), from each process's parent in /proc/<pid>/stat. */
function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may hold spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const [child, p] of parent) {
      if (p !== pid) continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

/**
 * This process's main thread and the rest of its threads (the import worker, libuv's pool, V8's
 * GC helpers). Cheap: list it once the worker has started.
 */
export function serverThreads(): ThreadRef[] {
  if (process.platform !== 'linux') return [];
  const self = process.pid;
  return [
    { label: 'server main', paths: [`${self}/task/${self}`] },
    {
      label: 'server other threads',
      paths: tids(self)
        .filter((t) => t !== self)
        .map((t) => `${self}/task/${t}`),
    },
  ];
}

/**
 * Each Chromium renderer's main and compositor threads, with the rest of Chromium summed. Walks
 * /proc, which takes a while on a busy machine: list it before the import starts, not during it.
 */
export function chromiumThreads(): ThreadRef[] {
  if (process.platform !== 'linux') return [];
  const refs: ThreadRef[] = [];
  const rest: string[] = [];
  for (const pid of descendants(process.pid)) {
    const isRenderer = cmdline(pid).includes('--type=renderer');
    for (const tid of tids(pid)) {
      // A renderer's main thread (Blink's) is its first thread; Chromium does not rename it.
      if (isRenderer && tid === pid)
        refs.push({ label: `page main (pid ${pid})`, paths: [`${pid}/task/${tid}`] });
      else if (isRenderer && comm(pid, tid) === 'Compositor')
        refs.push({ label: `page compositor (pid ${pid})`, paths: [`${pid}/task/${tid}`] });
      else rest.push(`${pid}/task/${tid}`);
    }
  }
  if (rest.length) refs.push({ label: 'chromium other threads', paths: rest });
  return refs;
}

export class ThreadSampler {
  private readonly samples = new Map<string, Sample[]>();
  /** Each thread's last reading: a thread that ended (the import worker) keeps counting what it used. */
  private readonly last = new Map<string, [number, number]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly refs: ThreadRef[],
    private readonly intervalMs = 50,
  ) {
    for (const r of refs) this.samples.set(r.label, []);
  }

  get available(): boolean {
    return this.refs.length > 0;
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
  }

  /** Stops sampling and keeps only the page's renderer: the one whose main thread ran most. */
  stop(): void {
    clearInterval(this.timer);
    this.sample();
    const ran = (label: string) => {
      const list = this.samples.get(label)!;
      return (list.at(-1)?.runNs ?? 0) - (list[0]?.runNs ?? 0);
    };
    const mains = [...this.samples.keys()].filter((l) => l.startsWith('page main'));
    const page = mains.sort((a, b) => ran(b) - ran(a))[0];
    const pid = page ? /\(pid (\d+)\)/.exec(page)?.[1] : undefined;
    for (const label of [...this.samples.keys()]) {
      if (label.startsWith('page ') && !label.includes(`(pid ${pid})`)) this.samples.delete(label);
    }
  }

  private sample(): void {
    const at = performance.timeOrigin + performance.now();
    for (const ref of this.refs) {
      let runNs = 0;
      let waitNs = 0;
      for (const p of ref.paths) {
        const s = readSchedstat(p) ?? this.last.get(p);
        if (!s) continue;
        this.last.set(p, s);
        runNs += s[0];
        waitNs += s[1];
      }
      this.samples.get(ref.label)!.push({ at, runNs, waitNs });
    }
  }

  /** Each thread's CPU and wait time over [from, to] (epoch ms), widened to the samples around it. */
  use(from: number, to: number): ThreadUse[] {
    const out: ThreadUse[] = [];
    for (const [label, list] of this.samples) {
      const before = lastAtOrBefore(list, from);
      const after = list.find((s) => s.at >= to) ?? list.at(-1);
      if (!before || !after || after.at <= before.at) continue;
      out.push({
        label,
        windowMs: Math.round(after.at - before.at),
        runMs: Math.round((after.runNs - before.runNs) / 1e6),
        waitMs: Math.round((after.waitNs - before.waitNs) / 1e6),
      });
    }
    return out;
  }

  /** Totals over the whole sampling (for the report's summary). */
  totals(): ThreadUse[] {
    const first = Math.min(...[...this.samples.values()].map((l) => l[0]?.at ?? Infinity));
    const last = Math.max(...[...this.samples.values()].map((l) => l.at(-1)?.at ?? -Infinity));
    return Number.isFinite(first) && Number.isFinite(last) ? this.use(first, last) : [];
  }
}

function lastAtOrBefore(list: readonly Sample[], at: number): Sample | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: Sample | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.at <= at) {
      found = list[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ?? list[0];
}
