/**
 * The library's bulk actions running as jobs (a Select all on thousands of articles), from their
 * `bulk-progress` events: the ones running (for their progress bars, whoever started them), and
 * each one's end, awaited by the action that started it (its Undo is offered then).
 *
 * A job outlives the page and the event stream: the window asks `articles.bulkJobs` (each job's
 * latest event) when it starts and whenever the stream came back, so after a reload or a dropped
 * connection the bar is back with the right count, and an end missed meanwhile is taken. A bar
 * that hears nothing for a while asks again: what happened between the page's first question and
 * its stream opening is sent to no one, and a dropped stream can take seconds to say so.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BulkProgressEvent } from '../../../electron/model/library';
import { errorCode } from '../api/errors';
import { invoke } from '../api/client';
import { useReportError } from '../app/toasterContext';
import { useLibraryEvents } from '../app/useLibraryEvents';
import { useLibraryQuery } from '../app/useLibraryQuery';

export interface BulkJobs {
  running: readonly BulkProgressEvent[];
  /** Resolves with the job's last event when it ends (also if it ended before this was asked). */
  ended(jobId: string): Promise<BulkProgressEvent>;
  /** Stops the job after the batch in progress (any window's job). */
  cancel(jobId: string): void;
}

/** A job's newer state: an answer that left before the last event never takes the bar back. */
function newer(shown: BulkProgressEvent, next: BulkProgressEvent): BulkProgressEvent {
  if (next.done < shown.done) return shown;
  return { ...next, cancelling: next.cancelling || shown.cancelling };
}

/** Only an everything-changed event (the stream reconnected) asks again: jobs are no rows. */
const onReconnectOnly = () => false;

/** A batch takes well under a second: a bar this long without news asks where its job is. */
const SILENT_MS = 5000;

export function useBulkJobs(): BulkJobs {
  const reportError = useReportError();
  const [running, setRunning] = useState<readonly BulkProgressEvent[]>([]);
  const ends = useRef(new Map<string, BulkProgressEvent>());
  const waiters = useRef(new Map<string, (end: BulkProgressEvent) => void>());
  const lastHeard = useRef(0);

  const take = useCallback((event: BulkProgressEvent) => {
    const { jobId } = event;
    lastHeard.current = performance.now();
    // A late event of a job that already ended must not bring its bar back.
    if (ends.current.has(jobId)) return;
    if (event.state === 'running') {
      setRunning((list) =>
        list.some((j) => j.jobId === jobId)
          ? list.map((j) => (j.jobId === jobId ? newer(j, event) : j))
          : [...list, event],
      );
      return;
    }
    ends.current.set(jobId, event);
    setRunning((list) => list.filter((j) => j.jobId !== jobId));
    waiters.current.get(jobId)?.(event);
    waiters.current.delete(jobId);
  }, []);

  useLibraryEvents((event) => {
    if (event.type === 'bulk-progress') take(event);
  });

  const { data: listed, refresh } = useLibraryQuery('articles.bulkJobs', {}, onReconnectOnly);
  useEffect(() => {
    if (!listed) return;
    // A bar whose job the server no longer knows (it restarted) would never move again.
    const known = new Set(listed.map((j) => j.jobId));
    setRunning((list) => list.filter((j) => known.has(j.jobId)));
    for (const job of listed) take(job);
  }, [listed, take]);

  const shown = running.length > 0;
  useEffect(() => {
    if (!shown) return;
    const timer = setInterval(() => {
      if (performance.now() - lastHeard.current >= SILENT_MS) refresh();
    }, SILENT_MS);
    return () => clearInterval(timer);
  }, [shown, refresh]);

  const ended = useCallback((jobId: string) => {
    const end = ends.current.get(jobId);
    if (end) return Promise.resolve(end);
    return new Promise<BulkProgressEvent>((resolve) => waiters.current.set(jobId, resolve));
  }, []);

  const cancel = useCallback(
    (jobId: string) => {
      // Shown at once; the job's own event says so to every window.
      setRunning((list) => list.map((j) => (j.jobId === jobId ? { ...j, cancelling: true } : j)));
      invoke('articles.bulkCancel', { jobId }).then(take, (error: unknown) => {
        if (errorCode(error) === 'not_found')
          setRunning((list) => list.filter((j) => j.jobId !== jobId));
        else {
          setRunning((list) =>
            list.map((j) => (j.jobId === jobId ? { ...j, cancelling: false } : j)),
          );
          reportError(error);
        }
      });
    },
    [take, reportError],
  );

  return useMemo(() => ({ running, ended, cancel }), [running, ended, cancel]);
}
