/**
 * Bulk actions as the API runs them. A selection of up to a batch is done in one transaction
 * before the call returns. A larger one (Select all on 100,000 articles) is resolved and checked
 * at once, then carried out by a job on this thread, a batch per transaction with the event loop
 * free in between: other calls and the list's reads go on meanwhile (the API waits at most one
 * batch), the library is consistent after each batch, and `bulk-progress` events report how far
 * it got; `list` answers each job's latest event (a page reloaded mid-job puts its bar back).
 * `cancel` stops a job after the batch in progress. If the job is cancelled or the process dies,
 * the batches committed stay done and the rest untouched; a trash's committed batches are recorded
 * under its action id, so its Undo restores exactly those.
 */
import { randomUUID } from 'node:crypto';
import {
  BULK_BATCH_SIZE,
  type BulkAction,
  type BulkProgressEvent,
  type BulkResult,
} from '../../model/library';
import { CommonplaceError, errorMessage } from '../errors';
import { readTransaction, writeTransaction } from '../db/transactions';
import type { Library } from '../library';
import { etaSeconds, RateMeter } from '../import/bulk/progress';
import { applyBulk, planBulk, type BulkPlan, type Selection } from './bulk';

export interface BulkJobOptions {
  /** Articles per transaction (and the largest selection done in one). */
  batchSize?: number;
  /** Each batch's transaction time (benchmarks: how long the API waits at most). */
  onBatch?: (articles: number, ms: number) => void;
}

interface Job {
  id: string;
  plan: BulkPlan;
  done: number;
  ended: boolean;
  /** The library is closing: stop, and tell no one (no one is listening). */
  stopping: boolean;
  /** Someone pressed Cancel: stop after the batch in progress, and say so. */
  cancelling: boolean;
  /** The latest event sent (what `list` answers). */
  last: BulkProgressEvent;
  finished: Promise<BulkProgressEvent>;
}

/** Ended jobs kept for `finished` and `list`; older ones are forgotten. */
const KEPT_ENDED_JOBS = 20;

export class BulkJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly library: Library,
    private readonly options: BulkJobOptions = {},
  ) {}

  /** Does the action now (a small selection), or starts its job; see the module comment. */
  start(selection: Selection, action: BulkAction): BulkResult {
    const { db } = this.library;
    const size = this.options.batchSize ?? BULK_BATCH_SIZE;
    const plan = readTransaction(db, () => planBulk(db, selection, action));
    if (plan.ids.length <= size) {
      writeTransaction(db, () => applyBulk(db, plan, plan.ids));
      return { count: plan.ids.length, action: plan.actionId, jobId: null };
    }
    let resolve!: (end: BulkProgressEvent) => void;
    const fresh = { id: `bulk-${randomUUID()}`, plan, done: 0, cancelling: false };
    const job: Job = {
      ...fresh,
      ended: false,
      stopping: false,
      last: progress(fresh, 'running', null, null),
      finished: new Promise((r) => (resolve = r)),
    };
    this.jobs.set(job.id, job);
    const ended = [...this.jobs.values()].filter((j) => j.ended);
    for (const old of ended.slice(0, Math.max(0, ended.length - KEPT_ENDED_JOBS)))
      this.jobs.delete(old.id);
    this.library.emit(job.last);
    setImmediate(() => void this.run(job, size).then(resolve));
    return { count: plan.ids.length, action: plan.actionId, jobId: job.id };
  }

  /** The job's last event, once it ends (tests, benchmarks); null for a job long forgotten. */
  finished(jobId: string): Promise<BulkProgressEvent> | null {
    return this.jobs.get(jobId)?.finished ?? null;
  }

  /**
   * Each job's latest event, oldest job first: the running ones and the last few ended (a page
   * that missed a job's end learns it here).
   */
  list(): BulkProgressEvent[] {
    return [...this.jobs.values()].map((j) => j.last);
  }

  /**
   * Stops a job after the batch in progress (each batch is one transaction: nothing is left half
   * done); its end event says `cancelled` and how many it got to. A job that already ended is
   * left as it ended. Answers the job's latest event.
   */
  cancel(jobId: string): BulkProgressEvent {
    const job = this.jobs.get(jobId);
    if (!job) throw new CommonplaceError('not_found', `no bulk job ${jobId} (it ended long ago?)`);
    if (!job.ended && !job.cancelling) {
      job.cancelling = true;
      // Every window's bar says it is stopping, not just the one whose Cancel was pressed.
      this.send(progress(job, 'running', null, job.last.etaSeconds));
    }
    return job.last;
  }

  /** Stops every job after its current batch (the library is closing). */
  async stopAll(): Promise<void> {
    const jobs = [...this.jobs.values()].filter((j) => !j.ended);
    for (const job of jobs) job.stopping = true;
    await Promise.all(jobs.map((j) => j.finished));
  }

  private async run(job: Job, size: number): Promise<BulkProgressEvent> {
    const { db } = this.library;
    const meter = new RateMeter();
    let end: BulkProgressEvent;
    try {
      const { ids } = job.plan;
      for (let i = 0; i < ids.length; i += size) {
        if (job.stopping) throw new Error('stopped because the library closed');
        if (job.cancelling) break;
        const batch = ids.slice(i, i + size);
        const started = performance.now();
        writeTransaction(db, () => applyBulk(db, job.plan, batch));
        this.options.onBatch?.(batch.length, performance.now() - started);
        job.done += batch.length;
        // After every batch (a batch is hundreds of articles, so a 100,000-article action sends
        // a few hundred events): no timer decides whether a step is reported, however fast it ran.
        if (job.done < ids.length) {
          // The list shows each batch's changes as they land.
          this.library.flushChanges();
          const rate = meter.sample(job.done);
          this.send(progress(job, 'running', null, etaSeconds(job.done, ids.length, rate)));
        }
        // Let the calls and reads that queued behind this batch run before the next one.
        await new Promise<void>((r) => setImmediate(r));
      }
      end =
        job.done < ids.length
          ? progress(job, 'cancelled', null, null)
          : progress(job, 'finished', null, 0);
    } catch (e) {
      end = progress(job, 'failed', errorMessage(e), null);
    }
    job.ended = true;
    job.last = end;
    if (!job.stopping) {
      try {
        this.library.flushChanges();
      } catch (e) {
        console.error('bulk action: could not publish changes:', e);
      }
      this.library.emit(end);
    }
    return end;
  }

  private send(event: BulkProgressEvent): void {
    const job = this.jobs.get(event.jobId);
    if (job) job.last = event;
    this.library.emit(event);
  }
}

function progress(
  job: Pick<Job, 'id' | 'plan' | 'done' | 'cancelling'>,
  state: BulkProgressEvent['state'],
  error: string | null,
  eta: number | null,
): BulkProgressEvent {
  return {
    type: 'bulk-progress',
    jobId: job.id,
    action: job.plan.action.kind,
    actionId: job.plan.actionId,
    done: job.done,
    total: job.plan.ids.length,
    state,
    error,
    etaSeconds: eta,
    cancelling: job.cancelling,
  };
}
