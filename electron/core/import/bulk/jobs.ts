/**
 * Bulk-import jobs as the main thread sees them: each runs in its own worker thread; this side
 * keeps the counts and results, relays throttled `import-progress` events and one `import-report`
 * per job to every client (with a bounded sample of the results: clients page through the rest),
 * and turns a worker that dies into a failed job (never a hang).
 */
import { randomUUID } from 'node:crypto';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import {
  REPORT_EVENT_ROWS,
  type BulkImportResultsPage,
  type BulkImportStatus,
} from '../../../model/bulkImport';
import type { ImportResult } from '../../../model/articles';
import type { LibraryEvent } from '../../../model/events';
import type { OnChangedSource } from '../../articles/import';
import { CommonplaceError, errorMessage } from '../../errors';
import type { Library } from '../../library';
import { currentParseBudgetOverride } from '../bounded/budget';
import { etaSeconds, RateMeter } from './progress';
import {
  byGroup,
  emptyCounts,
  groupsOf,
  sampleResults,
  type Outcome,
} from '../../../model/importReport';
import type { FromWorker, ToWorker, UploadedFile, WorkerInit } from './protocol';
import { spawnImportWorker } from './spawn';

export type ImportReportEvent = Extract<LibraryEvent, { type: 'import-report' }>;
export type ImportProgressEvent = Extract<LibraryEvent, { type: 'import-progress' }>;

export interface BulkImportOptions {
  /** better-sqlite3 binary the worker loads (Electron's ABI); default: the package's own. */
  nativeBinding?: string;
  /** Bounds a worker's memory, so a hostile file can't take the app down with it. */
  resourceLimits?: ResourceLimits;
  progressIntervalMs?: number;
  /** Each file as it is done, with the time its import took (benchmarks). */
  onFileDone?: (result: ImportResult, ms: number) => void;
  /** Results of each outcome the `import-report` event carries (default REPORT_EVENT_ROWS; tests use fewer). */
  reportEventRows?: number;
}

/** Uploaded files waiting in a worker before `addFiles` makes the client wait (backpressure). */
const MAX_QUEUED_UPLOADS = 200;
const MAX_QUEUED_UPLOAD_BYTES = 48 * 1024 * 1024;
/** Finished jobs kept for `status` calls; older ones are forgotten. */
const KEPT_FINISHED_JOBS = 20;
const MAX_RUNNING_JOBS = 4;
const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

interface Job {
  id: string;
  worker: Worker;
  state: BulkImportStatus['state'];
  /** Files announced by the client (uploads), found by the walk or received so far. */
  expected: number;
  found: number;
  total: number;
  current: string | null;
  results: ImportResult[];
  /** The same results by outcome, for paging through one group. */
  byOutcome: Record<Outcome, ImportResult[]>;
  counts: BulkImportStatus['counts'];
  error: string | null;
  startedAt: number;
  /** Set when the job ends: how long it ran, and the files it never reached. */
  elapsedMs: number | null;
  notReached: number;
  meter: RateMeter;
  dirty: boolean;
  timer: NodeJS.Timeout;
  /** Uploads posted to the worker and not yet answered, with their bytes. */
  queued: { files: number; bytes: number; sizes: number[] };
  waiters: (() => void)[];
  inputEnded: boolean;
  report: Promise<ImportReportEvent>;
  resolveReport: (event: ImportReportEvent) => void;
}

export class BulkImports {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly library: Library,
    private readonly options: BulkImportOptions = {},
  ) {}

  startPaths(paths: string[], onChangedSource: OnChangedSource = 'offer'): string {
    return this.start({ mode: 'paths', paths, onChangedSource }).id;
  }

  startUpload(expected: number): string {
    const job = this.start({ mode: 'uploads', paths: [], onChangedSource: 'offer' });
    job.expected = job.total = expected;
    return job.id;
  }

  /** Hands uploads to the worker; resolves once it has room for more (the client then sends the next batch). */
  async addFiles(jobId: string, files: UploadedFile[], last: boolean): Promise<number> {
    const job = this.get(jobId);
    if (job.inputEnded)
      throw new CommonplaceError(
        'invalid_input',
        `${jobId}: this job already received its last files`,
      );
    if (job.state !== 'running') return job.queued.files;
    job.inputEnded = last;
    const sizes = files.map((f) => f.bytes.byteLength);
    job.queued.files += files.length;
    job.queued.bytes += sizes.reduce((a, b) => a + b, 0);
    job.queued.sizes.push(...sizes);
    const message: ToWorker = { type: 'files', files, last };
    job.worker.postMessage(message);
    while (
      job.state === 'running' &&
      (job.queued.files > MAX_QUEUED_UPLOADS || job.queued.bytes > MAX_QUEUED_UPLOAD_BYTES)
    ) {
      await new Promise<void>((resolve) => job.waiters.push(resolve));
    }
    return job.queued.files;
  }

  /** Stops after the current file; the report event follows when the worker has stopped. */
  cancel(jobId: string): BulkImportStatus {
    const job = this.get(jobId);
    if (job.state === 'running') job.worker.postMessage({ type: 'cancel' } satisfies ToWorker);
    return this.status(jobId);
  }

  status(jobId: string): BulkImportStatus {
    const job = this.get(jobId);
    return {
      jobId,
      state: job.state,
      done: job.results.length,
      total: job.total,
      counts: { ...job.counts },
      error: job.error,
      notReached: job.notReached,
      elapsedMs: job.elapsedMs ?? Math.round(performance.now() - job.startedAt),
    };
  }

  /** A page of one outcome's results, or of all (so far, while the job runs), in import order. */
  results(
    jobId: string,
    outcome: Outcome | undefined,
    offset: number,
    limit: number,
  ): BulkImportResultsPage {
    const job = this.get(jobId);
    const list = outcome ? job.byOutcome[outcome] : job.results;
    return { total: list.length, results: list.slice(offset, offset + limit) };
  }

  /** The report of a job, once it ends, with every result (the event clients get carries a sample). */
  finished(jobId: string): Promise<ImportReportEvent> {
    return this.get(jobId).report;
  }

  /** How many jobs are still importing (the desktop app asks before quitting in the middle of one). */
  runningCount(): number {
    return [...this.jobs.values()].filter((j) => j.state === 'running').length;
  }

  /** Stops every running job now (the library is closing); their reports say so. */
  async closeAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.state === 'running');
    for (const job of running) job.error ??= 'the import was stopped because the library closed';
    await Promise.all(running.map((j) => j.worker.terminate()));
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new CommonplaceError(
        'not_found',
        `import job ${jobId}: no such job (it may have ended long ago)`,
      );
    return job;
  }

  private start(spec: Omit<WorkerInit, 'libraryPath' | 'nativeBinding'>): Job {
    // Each job is a thread with its own connection; a few at once is plenty (they share one writer lock).
    const running = [...this.jobs.values()].filter((j) => j.state === 'running').length;
    if (running >= MAX_RUNNING_JOBS)
      throw new CommonplaceError(
        'invalid_input',
        `${running} imports are already running; wait for one to finish`,
      );
    const parseBudget = currentParseBudgetOverride();
    const init: WorkerInit = {
      ...spec,
      libraryPath: this.library.path,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      ...(parseBudget ? { parseBudget } : {}),
    };
    const worker = spawnImportWorker(init, this.options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS);
    let resolveReport!: (event: ImportReportEvent) => void;
    const report = new Promise<ImportReportEvent>((resolve) => (resolveReport = resolve));
    const job: Job = {
      id: `job-${randomUUID()}`,
      worker,
      state: 'running',
      expected: 0,
      found: 0,
      total: 0,
      current: null,
      results: [],
      byOutcome: byGroup([]),
      counts: emptyCounts(),
      error: null,
      startedAt: performance.now(),
      elapsedMs: null,
      notReached: 0,
      meter: new RateMeter(),
      dirty: true,
      timer: setInterval(() => this.emitProgress(job), this.options.progressIntervalMs ?? 100),
      queued: { files: 0, bytes: 0, sizes: [] },
      waiters: [],
      inputEnded: spec.mode === 'paths',
      report,
      resolveReport,
    };
    job.timer.unref();
    this.jobs.set(job.id, job);
    this.forgetOldJobs();

    let notReached = 0;
    let cancelled = false;
    let sawDone = false;
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'found') {
        job.found += message.count;
        job.total = Math.max(job.expected, job.found);
      } else if (message.type === 'current') job.current = message.file;
      else if (message.type === 'result') {
        this.record(job, message.result);
        this.options.onFileDone?.(message.result, message.ms);
      } else if (message.type === 'done') {
        sawDone = true;
        cancelled = message.cancelled;
        notReached = message.notReached;
        if (message.error) job.error = message.error;
      }
      job.dirty = true;
    });
    worker.on('error', (e) => {
      job.error = describeWorkerError(e);
    });
    worker.on('exit', (code) => {
      if (sawDone)
        this.end(job, cancelled ? 'cancelled' : job.error ? 'failed' : 'finished', notReached);
      else {
        job.error ??= `the import stopped unexpectedly (worker exit code ${code})`;
        this.end(job, 'failed', Math.max(0, job.total - job.results.length));
      }
    });
    return job;
  }

  private record(job: Job, result: ImportResult): void {
    job.results.push(result);
    for (const group of groupsOf(result)) {
      job.byOutcome[group].push(result);
      job.counts[group]++;
    }
    // Uploads are answered in the order they were sent.
    if (job.queued.sizes.length) this.releaseUpload(job);
  }

  /** An upload was answered: free its room in the queue and wake a waiting `addFiles`. */
  private releaseUpload(job: Job): void {
    const size = job.queued.sizes.shift() ?? 0;
    job.queued.files = Math.max(0, job.queued.files - 1);
    job.queued.bytes = Math.max(0, job.queued.bytes - size);
    this.wake(job);
  }

  private wake(job: Job): void {
    for (const w of job.waiters.splice(0)) w();
  }

  private emitProgress(job: Job): void {
    if (!job.dirty) return;
    job.dirty = false;
    const done = job.results.length;
    const rate = job.meter.sample(done);
    const total = Math.max(job.total, done);
    this.library.emit({
      type: 'import-progress',
      jobId: job.id,
      done,
      total,
      current: job.current,
      rate,
      etaSeconds: etaSeconds(done, total, rate),
      counts: { ...job.counts },
    });
  }

  private end(job: Job, state: ImportReportEvent['state'], notReached: number): void {
    if (job.state !== 'running') return;
    job.dirty = true;
    this.emitProgress(job);
    clearInterval(job.timer);
    job.state = state;
    job.current = null;
    job.notReached = notReached;
    job.elapsedMs = Math.round(performance.now() - job.startedAt);
    this.wake(job);
    try {
      // Publish the worker's commits now rather than at the next watcher tick.
      this.library.flushChanges();
    } catch (e) {
      console.error('bulk import: could not publish changes:', e);
    }
    const report: ImportReportEvent = {
      type: 'import-report',
      jobId: job.id,
      state,
      error: job.error,
      counts: { ...job.counts },
      notReached,
      elapsedMs: job.elapsedMs,
      results: job.results,
    };
    this.library.emit({
      ...report,
      results: sampleResults(job.results, this.options.reportEventRows ?? REPORT_EVENT_ROWS),
    });
    job.resolveReport(report);
  }

  private forgetOldJobs(): void {
    const ended = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of ended.slice(0, Math.max(0, ended.length - KEPT_FINISHED_JOBS)))
      this.jobs.delete(job.id);
  }
}

function describeWorkerError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY')
    return 'the import ran out of memory and stopped (a file too large or hostile to parse?)';
  return `the import stopped: ${errorMessage(e)}`;
}
