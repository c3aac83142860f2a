/**
 * Live sync for a running app or web server: the sync folder is watched (fs.watch, recursive; no
 * polling), and a file another device's engine delivered is applied shortly after it lands; local
 * changes (the library's change events) are written out shortly after they happen. Applied
 * changes reach open windows as the library's change events; progress and failures as `sync`
 * events. The work runs a segment (up to 5,000 changes) at a time, so the process keeps answering
 * meanwhile and the progress bar moves with each.
 */
import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { LibraryEvent } from '../../model/events';
import type { SyncEvent } from '../../model/sync';
import { errorMessage } from '../errors';
import type { Library } from '../library';
import type { SyncProgress } from './engine';
import { isLayoutPath } from './folder';
import { readIdentity } from './identity';

export interface LiveSyncOptions {
  /** Quiet time after a file lands before applying (an engine delivers files in bursts). */
  incomingDelayMs?: number;
  /** Quiet time after a local change before writing it out (typing makes many changes). */
  outgoingDelayMs?: number;
  /** While something waits for a file still in transit, look again after this long. */
  retryMs?: number;
  /** Segments written or applied per step between which the process answers other work. */
  stepSegments?: number;
}

export class LiveSync {
  private watcher: FSWatcher | null = null;
  private watching: string | null = null;
  private selfDir: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private due = Infinity;
  private running: Promise<void> | null = null;
  private again = false;
  private ownFlush = false;
  private stopped = false;
  private readonly unsubscribe: () => void;
  private readonly opts: Required<LiveSyncOptions>;

  constructor(
    private readonly library: Library,
    options: LiveSyncOptions = {},
  ) {
    this.opts = {
      incomingDelayMs: 300,
      outgoingDelayMs: 1000,
      retryMs: 30_000,
      stepSegments: 1,
      ...options,
    };
    this.unsubscribe = library.onEvent((e) => this.onLibraryEvent(e));
    this.refresh();
  }

  /** (Re)reads the sync setup and watches its folder; called after `sync.init`. */
  refresh(): void {
    if (this.stopped) return;
    const id = readIdentity(this.library.db);
    if (!id) return this.unwatch();
    this.selfDir = `devices${sep}${id.deviceId}${sep}`;
    if (this.watching === id.folder) return;
    this.unwatch();
    try {
      this.watcher = watch(id.folder, { recursive: true }, (_event, name) =>
        this.onFileEvent(name === null ? null : String(name)),
      );
      this.watcher.on('error', (e) => {
        this.unwatch();
        this.publish({
          state: 'idle',
          error: `${id.folder}: can't watch the folder (${errorMessage(e)})`,
        });
      });
      this.watching = id.folder;
    } catch (e) {
      this.publish({
        state: 'idle',
        error: `${id.folder}: can't watch the folder (${errorMessage(e)})`,
      });
    }
    // What arrived while nothing watched.
    this.schedule(0);
  }

  /** Stops watching and waits for a sync in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    this.unwatch();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private unwatch(): void {
    this.watcher?.close();
    this.watcher = null;
    this.watching = null;
  }

  private onFileEvent(name: string | null): void {
    if (name !== null) {
      // Engines' temp files, partial downloads and markers: the final rename is the delivery.
      if (!isLayoutPath(name)) return;
      // This device's own files: written by us.
      if (this.selfDir && name.startsWith(this.selfDir)) return;
    }
    this.schedule(this.opts.incomingDelayMs);
  }

  private onLibraryEvent(e: LibraryEvent): void {
    // Our own applying's events are not local changes to send.
    if (e.type !== 'changed' || this.ownFlush || !this.watching) return;
    this.schedule(this.opts.outgoingDelayMs);
  }

  /** Runs a sync `ms` from now, unless one is already due sooner. */
  private schedule(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (this.timer && at >= this.due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.due = Infinity;
      this.run();
    }, ms);
    this.timer.unref();
  }

  private run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.work().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.run();
      }
    });
  }

  private async work(): Promise<void> {
    const { db } = this.library;
    // The engine (and Yjs under it) loads on the first sync: a CLI run that makes these services
    // and never syncs does not pay for it at start-up (issue #17).
    const { syncNow } = await import('./engine');
    // Each step counts from zero; the bar counts from the start of this run.
    const base = { sending: 0, receiving: 0 };
    const step = { sending: 0, receiving: 0 };
    const shown: { last: SyncProgress | null } = { last: null };
    try {
      for (;;) {
        if (this.stopped || !db.open || !readIdentity(db)) return;
        const report = syncNow(db, {
          maxSegments: this.opts.stepSegments,
          onProgress: (p) => {
            step[p.phase] = p.done;
            shown.last = { ...p, done: base[p.phase] + p.done, total: base[p.phase] + p.total };
          },
        });
        this.flush();
        if (!report.more) {
          this.publish({ state: 'idle', error: null });
          // An original still in transit: look again later even if no file event says it landed.
          if (report.parked > 0 || report.problems.length) this.schedule(this.opts.retryMs);
          return;
        }
        if (shown.last) this.publish({ state: 'syncing', ...shown.last, error: null });
        for (const k of ['sending', 'receiving'] as const) {
          base[k] += step[k];
          step[k] = 0;
        }
        await yieldToLoop();
      }
    } catch (e) {
      this.flush();
      this.publish({ state: 'idle', error: errorMessage(e) });
    }
  }

  /** Publishes what applying changed, as the library's change events, without re-triggering us. */
  private flush(): void {
    this.ownFlush = true;
    try {
      this.library.flushChanges();
    } finally {
      this.ownFlush = false;
    }
  }

  private publish(
    e: { state: SyncEvent['state']; error: string | null } & Partial<SyncProgress>,
  ): void {
    this.library.emit({
      type: 'sync',
      state: e.state,
      phase: e.phase ?? null,
      done: e.done ?? 0,
      total: e.total ?? 0,
      error: e.error,
    });
  }
}
