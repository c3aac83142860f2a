/**
 * Bulk imports as the window sees them: starts upload jobs for dropped folders and big drops,
 * follows every job's progress events (also jobs started from the desktop app's menu), cancels,
 * and keeps the end report of each job for the report dialog.
 *
 * In the desktop app, files and folders with a path on disk are imported by path
 * (`bulkImport.startPaths`): the worker reads them itself, so a file of up to 200 MB imports with
 * the progress bar instead of being refused at the upload's 64 MB cap. Files without a path
 * (made in the page) are uploaded as in web mode.
 *
 * A job outlives the page: after a reload, or when the event stream comes back after a drop, the
 * window asks `bulkImport.status` for the jobs it follows (followedJobs.ts) and puts back their
 * progress bars, or shows the report of one that ended while it was away.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportResult } from '../../../../electron/model/articles';
import type { BulkImportStatus } from '../../../../electron/model/bulkImport';
import { REPORT_EVENT_ROWS } from '../../../../electron/model/bulkImport';
import type { LibraryEvent } from '../../../../electron/model/events';
import { invoke, invokeDesktop } from '../../api/client';
import { pathsOf } from '../../api/desktop';
import { errorCode, errorText } from '../../api/errors';
import { useLibraryEvents } from '../../app/useLibraryEvents';
import { followJob, followedJobs, unfollowJob } from './followedJobs';
import { collectDropped, pickedFolderFiles, type Collected, type Dropped } from './collectDropped';
import { localReport, reportFromEvent, type BulkReport } from './reportRows';
import { startUploadJob } from './uploadJob';

export type { BulkReport } from './reportRows';

/** More files than this in one drop or pick go through a job, with progress and a report. */
export const BULK_THRESHOLD = 10;

type ProgressEvent = Extract<LibraryEvent, { type: 'import-progress' }>;
type ReportEvent = Extract<LibraryEvent, { type: 'import-report' }>;

export interface JobProgress {
  jobId: string;
  done: number;
  total: number;
  current: string | null;
  rate: number;
  etaSeconds: number | null;
  cancelling: boolean;
}

export interface BulkImport {
  running: JobProgress[];
  report: BulkReport | null;
  dismissReport(): void;
  cancel(jobId: string): void;
  /** A drop: folders and many files become a job; a few files go to `fallback` (the toasts path). */
  importDropped(dropped: Dropped): Promise<void>;
  importPicked(files: File[]): Promise<void>;
  importFolder(files: File[]): Promise<void>;
}

interface Options {
  /** A few files without paths: imported directly, reported with toasts. */
  fallback: (files: File[]) => Promise<void>;
  /** The results of a few files imported by path (reported like `fallback`'s, not in the dialog). */
  onFewImported: (results: readonly ImportResult[]) => void;
  onFinished: () => void;
}

export function useBulkImport({ fallback, onFewImported, onFinished }: Options): BulkImport {
  const [running, setRunning] = useState<JobProgress[]>([]);
  const [reports, setReports] = useState<BulkReport[]>([]);
  /** Failures found in this window before upload, merged into the job's report; and jobs cancelled here. */
  const local = useRef(
    new Map<string, { failures: ImportResult[]; sent: boolean; pending: ReportEvent | null }>(),
  );
  const cancelled = useRef(new Set<string>());
  /** Path jobs of picked or dropped files: if they came to a few files, their end goes to the toasts, as an upload of a few does. */
  const byPath = useRef(new Set<string>());
  /** Jobs whose end was handled: a report can come both as an event and from a status check. */
  const ended = useRef(new Set<string>());
  /** Jobs already in sessionStorage (progress events come every ~100 ms). */
  const followed = useRef(new Set<string>());
  const runningRef = useRef(running);
  useEffect(() => {
    runningRef.current = running;
  });

  const follow = useCallback((jobId: string, sending: boolean) => {
    followed.current.add(jobId);
    followJob(jobId, sending);
  }, []);

  const finish = useCallback(
    (event: ReportEvent) => {
      if (ended.current.has(event.jobId)) return;
      const { imported, duplicate, failed } = event.counts;
      if (
        byPath.current.delete(event.jobId) &&
        event.state === 'finished' &&
        imported + duplicate + failed <= BULK_THRESHOLD
      ) {
        ended.current.add(event.jobId);
        unfollowJob(event.jobId);
        setRunning((list) => list.filter((j) => j.jobId !== event.jobId));
        onFewImported(event.results);
        onFinished();
        return;
      }
      const mine = local.current.get(event.jobId);
      // An upload job's report waits for the failures found while reading the files.
      if (mine && !mine.sent) {
        mine.pending = event;
        return;
      }
      local.current.delete(event.jobId);
      ended.current.add(event.jobId);
      unfollowJob(event.jobId);
      setRunning((list) => list.filter((j) => j.jobId !== event.jobId));
      setReports((list) => [...list, reportFromEvent(event, mine?.failures ?? [])]);
      onFinished();
    },
    [onFinished, onFewImported],
  );

  const cancel = useCallback((jobId: string) => {
    cancelled.current.add(jobId);
    setRunning((list) => list.map((j) => (j.jobId === jobId ? { ...j, cancelling: true } : j)));
    invoke('bulkImport.cancel', { jobId }).catch(() => undefined);
  }, []);

  /** Asks where each followed job is: its progress bar back, or its report if it ended meanwhile. */
  const resume = useCallback(async () => {
    const jobs = new Map(followedJobs().map((j) => [j.jobId, j.sending]));
    for (const j of runningRef.current) if (!jobs.has(j.jobId)) jobs.set(j.jobId, false);
    await Promise.all(
      [...jobs].map(async ([jobId, sending]) => {
        let status: BulkImportStatus;
        try {
          status = await invoke('bulkImport.status', { jobId });
        } catch (error) {
          // Gone (the server restarted, or forgot a long-ended job): nothing to show. A failed
          // call (still offline) keeps it for the next try.
          if (errorCode(error) === 'not_found') {
            unfollowJob(jobId);
            setRunning((list) => list.filter((j) => j.jobId !== jobId));
          }
          return;
        }
        if (ended.current.has(jobId)) return;
        if (status.state === 'running') {
          setRunning((list) => upsertStatus(list, status));
          // An upload this page no longer holds (it was reloaded): its files went with the page.
          if (sending && !local.current.has(jobId)) cancel(jobId);
          return;
        }
        const first = await invoke('bulkImport.results', { jobId, limit: REPORT_EVENT_ROWS });
        finish({
          type: 'import-report',
          jobId,
          state: status.state,
          error: status.error,
          counts: status.counts,
          notReached: status.notReached,
          elapsedMs: status.elapsedMs,
          // The first rows in import order hold the first rows of each outcome, as the event's do.
          results: first.results,
        });
      }),
    ).catch(() => undefined);
  }, [cancel, finish]);

  useEffect(() => {
    void resume();
  }, [resume]);

  useLibraryEvents((event) => {
    if (event.type === 'import-progress') {
      if (ended.current.has(event.jobId)) return;
      if (!followed.current.has(event.jobId)) follow(event.jobId, false);
      const failures = local.current.get(event.jobId)?.failures.length ?? 0;
      setRunning((list) => upsert(list, event, failures));
    } else if (event.type === 'import-report') finish(event);
    // The stream came back after a drop: a job may have moved on, or ended, unseen.
    else if (event.type === 'changed' && event.all && event.seq === null) void resume();
  });

  const runJob = useCallback(
    async (collected: Collected) => {
      if (collected.files.length === 0 && collected.failures.length === 0) return;
      let jobId: string | null = null;
      try {
        const job = await startUploadJob(
          collected.files,
          {
            start: async (expected) => (await invoke('bulkImport.startUpload', { expected })).jobId,
            add: async (id, files, last) =>
              void (await invoke('bulkImport.addFiles', { jobId: id, files, last })),
          },
          () => jobId !== null && cancelled.current.has(jobId),
        );
        jobId = job.jobId;
        follow(jobId, true);
        const entry = {
          failures: [...collected.failures],
          sent: false,
          pending: null as ReportEvent | null,
        };
        local.current.set(jobId, entry);
        setRunning((list) =>
          list.some((j) => j.jobId === job.jobId)
            ? list
            : [...list, blankProgress(job.jobId, collected.files.length)],
        );
        entry.failures.push(...(await job.sent));
        entry.sent = true;
        if (!ended.current.has(job.jobId)) follow(job.jobId, false);
        if (entry.pending) finish(entry.pending);
      } catch (error) {
        if (jobId) {
          local.current.delete(jobId);
          setRunning((list) => list.filter((j) => j.jobId !== jobId));
        }
        const failed = collected.files.map(({ path }): ImportResult => ({
          ok: false,
          file: path,
          error: { code: 'io_error', message: `${path}: not sent (${errorText(error)})` },
        }));
        setReports((list) => [
          ...list,
          localReport({ jobId: jobId ?? 'job-none', state: 'failed', error: errorText(error) }, [
            ...collected.failures,
            ...failed,
          ]),
        ]);
      }
    },
    [finish, follow],
  );

  /** Imports by path if every file has one (desktop app); false if they must be uploaded. */
  const importByPath = useCallback(
    async (files: readonly File[]): Promise<boolean> => {
      const paths = pathsOf(files);
      if (!paths) return false;
      try {
        const { jobId } = await invokeDesktop('bulkImport.startPaths', { paths });
        byPath.current.add(jobId);
        follow(jobId, false);
        setRunning((list) =>
          list.some((j) => j.jobId === jobId)
            ? list
            : [...list, blankProgress(jobId, paths.length)],
        );
      } catch (error) {
        const failed = paths.map((path): ImportResult => ({
          ok: false,
          file: path,
          error: { code: 'io_error', message: `${path}: not imported (${errorText(error)})` },
        }));
        setReports((list) => [
          ...list,
          localReport({ jobId: 'job-none', state: 'failed', error: errorText(error) }, failed),
        ]);
      }
      return true;
    },
    [follow],
  );

  const importDropped = useCallback(
    async (dropped: Dropped) => {
      // A folder's path names it whole: the worker walks it (skipping the same clutter).
      if (await importByPath(dropped.files)) return;
      const collected = await collectDropped(dropped);
      if (
        !collected.hadFolder &&
        collected.failures.length === 0 &&
        collected.files.length <= BULK_THRESHOLD
      ) {
        return fallback(collected.files.map((f) => f.file));
      }
      await runJob(collected);
    },
    [fallback, runJob, importByPath],
  );

  const importPicked = useCallback(
    async (files: File[]) => {
      if (await importByPath(files)) return;
      if (files.length <= BULK_THRESHOLD) return fallback(files);
      await runJob({
        files: files.map((file) => ({ file, path: file.name })),
        failures: [],
        hadFolder: false,
      });
    },
    [fallback, runJob, importByPath],
  );

  const importFolder = useCallback(
    async (files: File[]) => {
      // The folder picker gives its files (not the folder): import those paths, clutter left out.
      const picked = pickedFolderFiles(files);
      if (await importByPath(picked.files.map((f) => f.file))) return;
      await runJob(picked);
    },
    [runJob, importByPath],
  );

  const dismissReport = useCallback(() => setReports((list) => list.slice(1)), []);

  return {
    running,
    report: reports[0] ?? null,
    dismissReport,
    cancel,
    importDropped,
    importPicked,
    importFolder,
  };
}

function blankProgress(jobId: string, total: number): JobProgress {
  return { jobId, done: 0, total, current: null, rate: 0, etaSeconds: null, cancelling: false };
}

/** A job's bar as its status tells it (after a reload or reconnect; events then take over). */
function upsertStatus(list: JobProgress[], status: BulkImportStatus): JobProgress[] {
  const previous = list.find((j) => j.jobId === status.jobId);
  const next: JobProgress = {
    ...(previous ?? blankProgress(status.jobId, status.total)),
    done: Math.max(previous?.done ?? 0, status.done),
    total: Math.max(previous?.total ?? 0, status.total),
  };
  return previous ? list.map((j) => (j === previous ? next : j)) : [...list, next];
}

function upsert(list: JobProgress[], e: ProgressEvent, localFailures: number): JobProgress[] {
  const previous = list.find((j) => j.jobId === e.jobId);
  const next: JobProgress = {
    jobId: e.jobId,
    done: e.done + localFailures,
    total: Math.max(e.total, e.done + localFailures),
    current: e.current,
    rate: e.rate,
    etaSeconds: e.etaSeconds,
    cancelling: previous?.cancelling ?? false,
  };
  return previous ? list.map((j) => (j === previous ? next : j)) : [...list, next];
}
