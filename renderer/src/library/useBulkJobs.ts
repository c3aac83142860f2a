/**
 * The library's bulk actions running as jobs (a Select all on thousands of articles), from their
 * `bulk-progress` events: the ones running (for their progress bars, whoever started them), and
 * each one's end, awaited by the action that started it (its Undo is offered then).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { BulkProgressEvent } from '../../../electron/model/library';
import { useLibraryEvents } from '../app/useLibraryEvents';

export interface BulkJobs {
  running: readonly BulkProgressEvent[];
  /** Resolves with the job's last event when it ends (also if it ended before this was asked). */
  ended(jobId: string): Promise<BulkProgressEvent>;
}

export function useBulkJobs(): BulkJobs {
  const [running, setRunning] = useState<readonly BulkProgressEvent[]>([]);
  const ends = useRef(new Map<string, BulkProgressEvent>());
  const waiters = useRef(new Map<string, (end: BulkProgressEvent) => void>());

  useLibraryEvents((event) => {
    if (event.type !== 'bulk-progress') return;
    const { jobId } = event;
    if (event.state === 'running') {
      // A late event of a job that already ended must not bring its bar back.
      if (ends.current.has(jobId)) return;
      setRunning((list) =>
        list.some((j) => j.jobId === jobId)
          ? list.map((j) => (j.jobId === jobId ? event : j))
          : [...list, event],
      );
      return;
    }
    ends.current.set(jobId, event);
    setRunning((list) => list.filter((j) => j.jobId !== jobId));
    waiters.current.get(jobId)?.(event);
    waiters.current.delete(jobId);
  });

  const ended = useCallback((jobId: string) => {
    const end = ends.current.get(jobId);
    if (end) return Promise.resolve(end);
    return new Promise<BulkProgressEvent>((resolve) => waiters.current.set(jobId, resolve));
  }, []);

  return useMemo(() => ({ running, ended }), [running, ended]);
}
