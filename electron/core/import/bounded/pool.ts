/**
 * A pool of one parser thread. Starting one costs a second or more (pdf.js, jsdom and mammoth
 * load), so the thread is kept and reused from file to file; it is replaced when a file needs a
 * different heap limit (fixed at start) and after it was killed. Files are parsed one at a time.
 *
 * The thread is killed when a file runs past its time budget, or when the process's resident memory
 * grows past the file's budget (typed-array buffers are outside the V8 heap limit); V8 ends it when
 * its heap passes the memory budget. Either way the caller gets one line naming the file, and the next file gets a
 * fresh thread. While idle the thread is unref'd, so it never keeps a process (the CLI) alive.
 */
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { CommonplaceError, errorMessage } from '../../errors';
import { spawnWorkerThread } from '../../workerThread';
import type { CheckedStyle } from '../../../model/citationStyles';
import type { CslItem } from '../../citations/item';
import type { CitedDocument, CiteRequest } from '../../citations/processor';
import type { CslStyle } from '../../citations/styles';
import type { PageImage } from '../ocr/pageImages';
import type { ParsedArticle } from '../types';
import type { ParseBudget } from './budget';
import type { ParseReply, ParseRequest } from './protocol';

export const PARSE_WORKER_BUNDLE_NAME = 'parseWorker.js';

const MB = 1024 * 1024;
const RSS_SAMPLE_MS = 100;

interface Thread {
  worker: Worker;
  memoryMb: number;
  /** Settles once the parsers are loaded (or the thread died first). */
  ready: Promise<void>;
  onReply: ((reply: ParseReply) => void) | null;
  onDeath: ((e: Error) => void) | null;
}

export interface ParseJob {
  bytes: Uint8Array;
  fileName: string;
  source?: string;
}

export interface ScannedPage {
  numPages: number;
  image: PageImage | null;
}

export class ParsePool {
  private thread: Thread | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  /** Parses in the pool's thread within `budget`; rejects with a CommonplaceError naming the file when over it. */
  parse(job: ParseJob, budget: ParseBudget): Promise<ParsedArticle> {
    return this.enqueue(() =>
      this.run(job.fileName, 'parsing', budget, (id) => {
        // One exact-size copy, moved to the thread: the caller keeps its bytes (they are stored as the original).
        const bytes = new Uint8Array(job.bytes);
        const request: ParseRequest = {
          kind: 'parse',
          id,
          bytes,
          fileName: job.fileName,
          ...(job.source === undefined ? {} : { source: job.source }),
        };
        return {
          request,
          transfer: [bytes.buffer],
          accept: (r) => r.type === 'parsed' && r.parsed,
        };
      }),
    );
  }

  /** Checks a `.csl` file (styleFile.ts) in the pool's thread within `budget`, as `parse` parses. */
  checkStyle(xml: string, fileName: string, budget: ParseBudget): Promise<CheckedStyle> {
    return this.enqueue(() =>
      this.run(fileName, 'checking the style', budget, (id) => ({
        request: { kind: 'checkStyle', id, xml, fileName },
        transfer: [],
        accept: (r) => r.type === 'styleChecked' && r.checked,
      })),
    );
  }

  /** Renders a document's citations in a user's style (processor.ts) within `budget`. */
  cite(
    style: CslStyle,
    items: CslItem[],
    cites: CiteRequest[],
    fileName: string,
    budget: ParseBudget,
  ): Promise<CitedDocument> {
    return this.enqueue(() =>
      this.run(fileName, 'citing with the style', budget, (id) => ({
        request: { kind: 'cite', id, style, items, cites },
        transfer: [],
        accept: (r) => r.type === 'cited' && r.cited,
      })),
    );
  }

  /** Decodes page `page`'s scan of a PDF (for OCR) in the pool's thread within `budget`. */
  scanPage(job: ParseJob, page: number, budget: ParseBudget): Promise<ScannedPage> {
    return this.enqueue(() =>
      this.run(job.fileName, `reading the scan of page ${page}`, budget, (id) => {
        const bytes = new Uint8Array(job.bytes);
        return {
          request: { kind: 'scanPage', id, bytes, fileName: job.fileName, page },
          transfer: [bytes.buffer],
          accept: (r) => r.type === 'scanned' && { numPages: r.numPages, image: r.image },
        };
      }),
    );
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the thread (if any); the next parse starts a new one. */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    if (thread) await thread.worker.terminate();
  }

  private start(memoryMb: number): Thread {
    const worker = spawnWorkerThread(join(__dirname, 'worker.ts'), PARSE_WORKER_BUNDLE_NAME, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    const thread: Thread = {
      worker,
      memoryMb,
      ready: Promise.resolve(),
      onReply: null,
      onDeath: null,
    };
    thread.ready = new Promise<void>((resolve, reject) => {
      const died = (e: Error) => {
        if (this.thread === thread) this.thread = null;
        reject(e);
        thread.onDeath?.(e);
      };
      worker.on('message', (reply: ParseReply) =>
        reply.type === 'ready' ? resolve() : thread.onReply?.(reply),
      );
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`the parser thread stopped (exit code ${code})`)));
    });
    // A thread that dies while nobody waits is simply replaced by the next parse.
    thread.ready.catch(() => undefined);
    return thread;
  }

  private async kill(thread: Thread): Promise<void> {
    if (this.thread === thread) this.thread = null;
    await thread.worker.terminate();
  }

  /**
   * Sends the request `make` builds to the thread and gives back what `accept` takes from its
   * reply; over the budget the thread is killed and the error names `fileName` and `doing`.
   */
  private async run<T>(
    fileName: string,
    doing:
      | 'parsing'
      | 'checking the style'
      | 'citing with the style'
      | `reading the scan of page ${number}`,
    budget: ParseBudget,
    make: (id: number) => {
      request: ParseRequest;
      transfer: ArrayBuffer[];
      accept: (reply: ParseReply) => T | false;
    },
  ): Promise<T> {
    let thread = this.thread;
    if (thread && thread.memoryMb !== budget.memoryMb) {
      await this.kill(thread);
      thread = null;
    }
    thread ??= this.thread = this.start(budget.memoryMb);
    thread.worker.ref();
    try {
      await this.started(thread, fileName, budget);
      const id = this.nextId++;
      const { request, transfer, accept } = make(id);
      const rssAtStart = process.memoryUsage.rss();
      let watch: NodeJS.Timeout | undefined;
      const outcome = await new Promise<
        { reply: ParseReply } | { died: Error } | 'timeout' | 'memory'
      >((resolve) => {
        const timer = setTimeout(() => resolve('timeout'), budget.timeMs);
        const settle = (result: { reply: ParseReply } | { died: Error } | 'memory') => {
          clearTimeout(timer);
          resolve(result);
        };
        // Process-wide, so it also counts buffers the heap limit can't see; sampled, not exact.
        watch = setInterval(() => {
          if (process.memoryUsage.rss() - rssAtStart > budget.rssMb * MB) settle('memory');
        }, RSS_SAMPLE_MS);
        thread!.onReply = (reply) => {
          if (reply.type !== 'ready' && reply.id === id) settle({ reply });
        };
        thread!.onDeath = (died) => settle({ died });
        thread!.worker.postMessage(request, transfer);
      });
      clearInterval(watch);
      thread.onReply = thread.onDeath = null;
      if (outcome === 'memory') {
        await this.kill(thread);
        throw new CommonplaceError(
          'too_large',
          `${fileName}: ${doing} needed more than ${budget.rssMb} MB of memory — refused as too large or too complex for its size`,
        );
      }
      if (outcome === 'timeout') {
        await this.kill(thread);
        throw new CommonplaceError(
          'too_large',
          `${fileName}: ${doing} took longer than ${seconds(budget.timeMs)} s — refused as too large or too complex for its size`,
        );
      }
      if ('died' in outcome) {
        await this.kill(thread);
        if (isOutOfMemory(outcome.died)) {
          throw new CommonplaceError(
            'too_large',
            `${fileName}: ${doing} needed more than ${budget.memoryMb} MB of memory — refused as too large or too complex for its size`,
          );
        }
        throw new CommonplaceError(
          'internal',
          `${fileName}: the parser stopped unexpectedly (${errorMessage(outcome.died)})`,
        );
      }
      const { reply } = outcome;
      if (reply.type === 'failed')
        throw reply.code
          ? new CommonplaceError(reply.code, reply.message)
          : new Error(reply.message);
      const value = accept(reply);
      if (value === false)
        throw new CommonplaceError('internal', `${fileName}: unexpected reply from the parser`);
      return value;
    } finally {
      if (this.thread === thread) thread.worker.unref();
    }
  }

  /** Waits for the thread to load the parsers, within its own start-up limit. */
  private async started(thread: Thread, fileName: string, budget: ParseBudget): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), budget.startMs)),
    );
    try {
      const result = await Promise.race([thread.ready, timeout]);
      if (result === 'timeout') {
        await this.kill(thread);
        throw new CommonplaceError(
          'internal',
          `${fileName}: the parser did not start within ${seconds(budget.startMs)} s (the machine is overloaded?)`,
        );
      }
    } catch (e) {
      if (e instanceof CommonplaceError) throw e;
      await this.kill(thread);
      const why = isOutOfMemory(e)
        ? `it needed more than ${budget.memoryMb} MB of memory to start`
        : errorMessage(e);
      throw new CommonplaceError('internal', `${fileName}: the parser could not start (${why})`);
    } finally {
      clearTimeout(timer);
    }
  }
}

function isOutOfMemory(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** "2", "0.5": budgets are whole seconds in production, fractions only in tests. */
function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
