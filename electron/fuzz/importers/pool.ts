/**
 * The parent side of the fuzz worker: sends one input at a time and holds it to a time budget.
 * An input that overruns it, or that kills the worker (out of memory), is a finding; the worker
 * is then replaced with a fresh one and the run goes on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseBudgetFor } from '../../core/import/bounded';
import { tsWorkerBootstrap } from '../../core/workerThread';
import type { FuzzCase } from './cases';
import type { Verdict } from './probe';

export interface PoolOptions {
  /**
   * Wall-clock time per input, ms, beyond the parse budget the import itself enforces for a file
   * of its size (bounded/budget.ts): a backstop for what runs outside the bounded parse.
   */
  budgetMs: number;
  /** The worker's V8 heap limit, MB. */
  memoryMb: number;
}

/** Loads the worker's TypeScript entry through jiti, as the app's own workers do from sources. */
function spawn(dir: string, memoryMb: number): Worker {
  const entry = join(__dirname, 'worker.ts');
  return new Worker(tsWorkerBootstrap(entry), {
    eval: true,
    workerData: { dir },
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    stderr: true,
    stdout: true,
  });
}

export class FuzzPool {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'commonplace-fuzz-'));
  private workers = 0;

  constructor(private readonly opts: PoolOptions) {}

  private start(): Promise<void> {
    const w = spawn(join(this.dir, `w${this.workers++}`), this.opts.memoryMb);
    // Console noise from the parsers (pdf.js warnings) is not a verdict.
    w.stdout.resume();
    w.stderr.resume();
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        w.off('message', onMessage);
        w.off('error', reject);
        resolve();
      };
      w.on('message', onMessage);
      w.once('error', reject);
    });
    return this.ready;
  }

  async run(c: FuzzCase): Promise<Verdict> {
    if (!this.worker) await this.start();
    await this.ready;
    const w = this.worker!;
    return new Promise<Verdict>((resolve) => {
      const t0 = performance.now();
      const done = (v: Verdict, kill: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (kill) {
          void w.terminate();
          this.worker = null;
        }
        resolve(v);
      };
      // Library JSON is restored by streaming, not through the bounded parse: the backstop alone.
      const parse = c.format === 'json' ? null : parseBudgetFor(c.bytes.byteLength);
      const limitMs = this.opts.budgetMs + (parse ? parse.timeMs + parse.startMs : 0);
      const timer = setTimeout(() => {
        const why = parse
          ? ` (its parse budget ${parse.timeMs} ms, the parser's start ${parse.startMs} ms, ${this.opts.budgetMs} ms for the rest)`
          : '';
        done(
          {
            outcome: 'broken',
            findings: [`over its budget: no answer in ${Math.round(limitMs)} ms${why}`],
            ms: performance.now() - t0,
          },
          true,
        );
      }, limitMs);
      const onMessage = (m: { verdict?: Verdict }) => m.verdict && done(m.verdict, false);
      const onError = (e: Error) => {
        const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        done(
          {
            outcome: 'broken',
            findings: [
              oom
                ? `over its memory budget (${this.opts.memoryMb} MB heap): the worker ran out of memory`
                : `the worker crashed: ${e.message}`,
            ],
            ms: performance.now() - t0,
          },
          true,
        );
      };
      const onExit = (code: number) =>
        done(
          {
            outcome: 'broken',
            findings: [`the worker exited (code ${code})`],
            ms: performance.now() - t0,
          },
          true,
        );
      w.on('message', onMessage);
      w.once('error', onError);
      w.once('exit', onExit);
      w.postMessage(c);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
