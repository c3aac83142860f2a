/**
 * The import worker runs at a lower CPU priority than the threads that draw the UI.
 *
 * A bulk import keeps one core busy for minutes. On a 2-core machine the app's main thread (which
 * answers the window and relays events) and the renderer share the other core, and any other load
 * makes them wait behind the worker: frames of 100 ms and more in which the page did nothing but
 * wait for a CPU (measured with the import bench's schedstat figures). At nice 10 the worker's
 * scheduler weight is about a tenth of a nice-0 thread's, so when they want the same CPU the UI
 * threads get it first; when a CPU is free the worker still runs flat out, so the import's
 * throughput hardly changes.
 *
 * Only on Linux, where the nice value belongs to each thread: setpriority(PRIO_PROCESS, 0, …), which
 * `os.setPriority(n)` calls, changes the calling thread alone (setpriority(2), "nice value is a
 * per-thread attribute"). On macOS and Windows the same call renices the whole process, UI included,
 * so there it is left alone.
 */
import { getPriority, setPriority } from 'node:os';

export const IMPORT_WORKER_NICE = 10;

/** Lowers the calling thread's priority; false where that can't be done for one thread only. */
export function lowerThreadPriority(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    // Never raise it: a thread started already niced (a niced app) keeps its lower priority.
    if (getPriority() < IMPORT_WORKER_NICE) setPriority(IMPORT_WORKER_NICE);
    return true;
  } catch {
    // A sandbox may refuse; the import still works, only at the normal priority.
    return false;
  }
}
