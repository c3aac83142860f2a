/**
 * The import jobs this window follows, kept in sessionStorage so a reload finds them again: the
 * job runs on (in web mode's server or the app's main process) while the page is away, and its
 * progress and report events during that time are lost. The window asks `bulkImport.status` for
 * each remembered job to put its progress bar back, or its report if it ended meanwhile.
 *
 * `sending`: the window was still uploading the job's files. Those files went with the page, so
 * such a job would wait for them forever; the window that finds it cancels it.
 */
import { z } from 'zod';
import { JobId } from '../../../../electron/model/bulkImport';

const KEY = 'commonplace.importJobs';
/** A window follows a handful of jobs at most (the server runs four at once). */
const MAX_FOLLOWED = 20;

const FollowedSchema = z.array(z.object({ jobId: JobId, sending: z.boolean() })).max(MAX_FOLLOWED);
export type FollowedJob = z.output<typeof FollowedSchema>[number];

/** sessionStorage can be missing or throw (privacy modes): jobs are then followed until a reload only. */
function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function followedJobs(): FollowedJob[] {
  try {
    const parsed = FollowedSchema.safeParse(JSON.parse(storage()?.getItem(KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function save(jobs: readonly FollowedJob[]): void {
  try {
    const s = storage();
    if (!s) return;
    if (jobs.length) s.setItem(KEY, JSON.stringify(jobs.slice(-MAX_FOLLOWED)));
    else s.removeItem(KEY);
  } catch {
    // A full or refused storage only costs following the job across a reload.
  }
}

/** Follows a job (again: `sending` is updated). */
export function followJob(jobId: string, sending: boolean): void {
  const rest = followedJobs().filter((j) => j.jobId !== jobId);
  save([...rest, { jobId, sending }]);
}

/** A job the window followed ended (its report is shown) or is gone from the server. */
export function unfollowJob(jobId: string): void {
  const jobs = followedJobs();
  if (jobs.some((j) => j.jobId === jobId)) save(jobs.filter((j) => j.jobId !== jobId));
}
