/**
 * Bulk actions as the API runs them. A selection of up to a batch is done in one transaction
 * before the call returns. A larger one (Select all on 100,000 articles) is resolved and checked
 * at once, then carried out by a job on this thread, a batch per transaction with the event loop
 * free in between: other calls and the list's reads go on meanwhile (the API waits at most one
 * batch), the library is consistent after each batch, and `bulk-progress` events report how far
 * it got. If the process dies, the batches committed stay done and the rest untouched; a trash's
 * committed batches are recorded under its action id, so its Undo restores exactly those.
 */
import { randomUUID } from 'node:crypto';
import {
  BULK_BATCH_SIZE,
  type BulkAction,
  type BulkProgressEvent,
  type BulkResult,
} from '../../model/library';
import { errorMessage } from '../errors';
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
  stopping: boolean;
  finished: Promise<BulkProgressEvent>;
}

/** Ended jobs kept for `finished`; older ones are forgotten. */
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
    const job: Job = {
      id: `bulk-${randomUUID()}`,
      plan,
      done: 0,
      ended: false,
      stopping: false,
      finished: new Promise((r) => (resolve = r)),
    };
    this.jobs.set(job.id, job);
    const ended = [...this.jobs.values()].filter((j) => j.ended);
    for (const old of ended.slice(0, Math.max(0, ended.length - KEPT_ENDED_JOBS)))
      this.jobs.delete(old.id);
    this.library.emit(progress(job, 'running', null, null));
    setImmediate(() => void this.run(job, size).then(resolve));
    return { count: plan.ids.length, action: plan.actionId, jobId: job.id };
  }

  /** The job's last event, once it ends (tests, benchmarks); null for a job long forgotten. */
  finished(jobId: string): Promise<BulkProgressEvent> | null {
    return this.jobs.get(jobId)?.finished ?? null;
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
          this.library.emit(progress(job, 'running', null, etaSeconds(job.done, ids.length, rate)));
        }
        // Let the calls and reads that queued behind this batch run before the next one.
        await new Promise<void>((r) => setImmediate(r));
      }
      end = progress(job, 'finished', null, 0);
    } catch (e) {
      end = progress(job, 'failed', errorMessage(e), null);
    }
    job.ended = true;
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
}

function progress(
  job: Job,
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
  };
}
