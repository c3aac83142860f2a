/**
 * Background exports for clients that download the result (the dialog): `start` returns at
 * once, the build runs in chunks (yielding between them), `status` reports a determinate
 * progress, `take` hands the file over once and forgets it. Finished results are kept a
 * bounded time, so an abandoned download doesn't hold memory for ever.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ExportJobStatus, ExportOptions } from '../../model/export';
import { CommonplaceError, errorMessage, isCommonplaceError } from '../errors';
import { asSingleFile, buildExport } from './index';
import { countExport } from './select';

const KEEP_MS = 10 * 60_000;
const MAX_JOBS = 8;

interface Job {
  status: ExportJobStatus;
  file: { fileName: string; mediaType: string; bytes: Uint8Array } | null;
  finishedAt: number | null;
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly db: Database) {}

  start(options: ExportOptions): ExportJobStatus {
    this.prune();
    if (this.running() >= MAX_JOBS)
      throw new CommonplaceError(
        'invalid_input',
        `export: ${MAX_JOBS} exports are already running; wait for one to finish`,
      );
    // Counting first gives the progress bar its end before the build starts.
    const counted = countExport(this.db, options);
    const jobId = randomUUID();
    const job: Job = {
      status: {
        jobId,
        state: 'running',
        done: 0,
        total: counted.total,
        error: null,
        count: 0,
        sources: 0,
        message: counted.message,
      },
      file: null,
      finishedAt: null,
    };
    this.jobs.set(jobId, job);
    void this.run(job, options);
    return { ...job.status };
  }

  private async run(job: Job, options: ExportOptions): Promise<void> {
    // Start on the next turn, so `start` answers before the first chunk.
    await new Promise<void>((r) => setImmediate(r));
    try {
      const built = await buildExport(this.db, options, {
        onProgress: (done, total) => {
          job.status.done = done;
          job.status.total = total;
        },
      });
      job.file = asSingleFile(built);
      job.status = {
        ...job.status,
        state: 'done',
        done: built.doc.items.length,
        total: built.doc.items.length,
        count: built.doc.items.length,
        sources: built.doc.sources.length,
        message: built.doc.message,
      };
    } catch (e) {
      job.status = {
        ...job.status,
        state: 'failed',
        error: {
          code: isCommonplaceError(e) ? e.code : 'internal',
          message: `export: ${errorMessage(e)}`,
        },
      };
    }
    job.finishedAt = Date.now();
  }

  status(jobId: string): ExportJobStatus {
    return { ...this.get(jobId).status };
  }

  /** The finished file, once; the job is forgotten afterwards. */
  take(jobId: string): { fileName: string; mediaType: string; bytes: Uint8Array } {
    const job = this.get(jobId);
    if (job.status.state === 'running')
      throw new CommonplaceError(
        'invalid_input',
        `export ${jobId}: still running (${job.status.done} of ${job.status.total})`,
      );
    this.jobs.delete(jobId);
    if (!job.file)
      throw new CommonplaceError(
        job.status.error?.code === 'io_error' ? 'io_error' : 'internal',
        job.status.error?.message ?? `export ${jobId}: failed`,
      );
    return job.file;
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job)
      throw new CommonplaceError(
        'not_found',
        `export ${jobId}: no such export (finished exports are kept 10 minutes)`,
      );
    return job;
  }

  private running(): number {
    let n = 0;
    for (const j of this.jobs.values()) if (j.status.state === 'running') n++;
    return n;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs)
      if (j.finishedAt !== null && now - j.finishedAt > KEEP_MS) this.jobs.delete(id);
  }
}
