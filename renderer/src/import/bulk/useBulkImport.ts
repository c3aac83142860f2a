/**
 * Bulk imports as the window sees them: starts upload jobs for dropped folders and big drops,
 * follows every job's progress events (also jobs started from the desktop app's menu), cancels,
 * and keeps the end report of each job for the report dialog.
 */
import { useCallback, useRef, useState } from 'react';
import type { ImportResult, LibraryEvent } from '../../../../electron/api/contract';
import { invoke } from '../../api/client';
import { errorText } from '../../api/errors';
import { useLibraryEvents } from '../../app/useLibraryEvents';
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

export function useBulkImport({ fallback, onFinished }: { fallback: (files: File[]) => Promise<void>; onFinished: () => void }): BulkImport {
  const [running, setRunning] = useState<JobProgress[]>([]);
  const [reports, setReports] = useState<BulkReport[]>([]);
  /** Failures found in this window before upload, merged into the job's report; and jobs cancelled here. */
  const local = useRef(new Map<string, { failures: ImportResult[]; sent: boolean; pending: ReportEvent | null }>());
  const cancelled = useRef(new Set<string>());

  const finish = useCallback(
    (event: ReportEvent) => {
      const mine = local.current.get(event.jobId);
      // An upload job's report waits for the failures found while reading the files.
      if (mine && !mine.sent) {
        mine.pending = event;
        return;
      }
      local.current.delete(event.jobId);
      setRunning((list) => list.filter((j) => j.jobId !== event.jobId));
      setReports((list) => [...list, reportFromEvent(event, mine?.failures ?? [])]);
      onFinished();
    },
    [onFinished],
  );

  useLibraryEvents((event) => {
    if (event.type === 'import-progress') {
      const failures = local.current.get(event.jobId)?.failures.length ?? 0;
      setRunning((list) => upsert(list, event, failures));
    } else if (event.type === 'import-report') finish(event);
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
            add: async (id, files, last) => void (await invoke('bulkImport.addFiles', { jobId: id, files, last })),
          },
          () => jobId !== null && cancelled.current.has(jobId),
        );
        jobId = job.jobId;
        const entry = { failures: [...collected.failures], sent: false, pending: null as ReportEvent | null };
        local.current.set(jobId, entry);
        setRunning((list) => (list.some((j) => j.jobId === job.jobId) ? list : [...list, blankProgress(job.jobId, collected.files.length)]));
        entry.failures.push(...(await job.sent));
        entry.sent = true;
        if (entry.pending) finish(entry.pending);
      } catch (error) {
        if (jobId) {
          local.current.delete(jobId);
          setRunning((list) => list.filter((j) => j.jobId !== jobId));
        }
        const failed = collected.files.map(({ path }): ImportResult => ({ ok: false, file: path, error: { code: 'io_error', message: `${path}: not sent (${errorText(error)})` } }));
        setReports((list) => [...list, localReport({ jobId: jobId ?? 'job-none', state: 'failed', error: errorText(error) }, [...collected.failures, ...failed])]);
      }
    },
    [finish],
  );

  const importDropped = useCallback(
    async (dropped: Dropped) => {
      const collected = await collectDropped(dropped);
      if (!collected.hadFolder && collected.failures.length === 0 && collected.files.length <= BULK_THRESHOLD) {
        return fallback(collected.files.map((f) => f.file));
      }
      await runJob(collected);
    },
    [fallback, runJob],
  );

  const importPicked = useCallback(
    async (files: File[]) => {
      if (files.length <= BULK_THRESHOLD) return fallback(files);
      await runJob({ files: files.map((file) => ({ file, path: file.name })), failures: [], hadFolder: false });
    },
    [fallback, runJob],
  );

  const importFolder = useCallback(async (files: File[]) => runJob(pickedFolderFiles(files)), [runJob]);

  const cancel = useCallback((jobId: string) => {
    cancelled.current.add(jobId);
    setRunning((list) => list.map((j) => (j.jobId === jobId ? { ...j, cancelling: true } : j)));
    invoke('bulkImport.cancel', { jobId }).catch(() => undefined);
  }, []);

  const dismissReport = useCallback(() => setReports((list) => list.slice(1)), []);

  return { running, report: reports[0] ?? null, dismissReport, cancel, importDropped, importPicked, importFolder };
}

function blankProgress(jobId: string, total: number): JobProgress {
  return { jobId, done: 0, total, current: null, rate: 0, etaSeconds: null, cancelling: false };
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
