/**
 * Debounced saving that never drops a change. Changes mark the note dirty and (re)start a short
 * timer; one save runs at a time and takes whatever is current when it starts, so changes made
 * while it runs are saved by the next one. A failed save keeps the note dirty and retries.
 * The payload is built lazily (`build`) so a keystroke never serializes a long document.
 */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface AutosaverOptions<P> {
  /** The payload of everything unsaved (`parts`: what changed since the last successful save). */
  build(parts: ReadonlySet<string>): P;
  save(payload: P): Promise<void>;
  delayMs?: number;
  retryMs?: number;
  timers?: Timers;
  /** Whether a failed save is worth retrying (not when the note is gone or the input refused). */
  retryable?: (error: unknown) => boolean;
}

export class Autosaver<P> {
  private dirtyParts = new Set<string>();
  private timer: unknown = null;
  private held = false;
  private running: Promise<void> | null = null;
  private stateNow: SaveState = 'saved';
  private lastErrorNow: unknown = null;
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private readonly retryMs: number;
  private readonly timers: Timers;

  constructor(private readonly options: AutosaverOptions<P>) {
    this.delayMs = options.delayMs ?? 400;
    this.retryMs = options.retryMs ?? 2000;
    this.timers = options.timers ?? realTimers;
  }

  get state(): SaveState {
    return this.stateNow;
  }
  get lastError(): unknown {
    return this.lastErrorNow;
  }
  get isDirty(): boolean {
    return this.dirtyParts.size > 0;
  }

  getState = (): SaveState => this.stateNow;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Something changed (`part`: e.g. 'title' or 'doc'): save it after a pause in typing. */
  change(part: string): void {
    this.dirtyParts.add(part);
    if (this.stateNow !== 'saving') this.setState('dirty');
    this.schedule(this.delayMs);
  }

  /**
   * Saves now, and again if more changed meanwhile; resolves when nothing is unsaved (or a save
   * failed: the retry is scheduled and the error is in `lastError`).
   */
  async flush(): Promise<void> {
    this.cancelTimer();
    for (;;) {
      if (this.running) {
        await this.running;
        continue;
      }
      if (this.dirtyParts.size === 0) return;
      const ok = await this.runOnce();
      if (!ok) return;
    }
  }

  /** Resolves when no save is running (changes may still be waiting for their timer). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Everything unsaved, marked as saved, for a last synchronous send as the page goes away
   * (keepalive fetch or Electron's sync IPC). Null when nothing is unsaved.
   */
  takePending(): P | null {
    if (this.dirtyParts.size === 0) return null;
    this.cancelTimer();
    const payload = this.options.build(this.dirtyParts);
    this.dirtyParts = new Set();
    this.setState('saving');
    return payload;
  }

  /** The last-chance send arrived (the page stayed after all): show the note as saved. */
  confirmSent(): void {
    if (this.dirtyParts.size === 0 && !this.running) this.setState('saved');
  }

  /** The last-chance send failed: the changes are unsaved again. */
  restorePending(parts: Iterable<string>): void {
    for (const part of parts) this.dirtyParts.add(part);
    this.setState('dirty');
    this.schedule(this.retryMs);
  }

  /** Gives up everything unsaved (the user chose another version of the note). */
  discard(): void {
    this.cancelTimer();
    this.dirtyParts = new Set();
    if (!this.running) this.setState('saved');
  }

  dispose(): void {
    this.cancelTimer();
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      if (!this.held) void this.flush();
    }, ms);
  }

  /**
   * While held, changes wait instead of saving after a pause (e.g. while the user decides between
   * their edits and a version saved elsewhere). An explicit `flush` (closing the note) still saves.
   */
  hold(on: boolean): void {
    this.held = on;
    if (!on && this.dirtyParts.size > 0) this.schedule(0);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private async runOnce(): Promise<boolean> {
    const parts = this.dirtyParts;
    this.dirtyParts = new Set();
    let payload: P;
    try {
      payload = this.options.build(parts);
    } catch (error) {
      this.fail(parts, error);
      return false;
    }
    this.setState('saving');
    let ok = true;
    const run = this.options.save(payload).then(
      () => {
        this.lastErrorNow = null;
      },
      (error: unknown) => {
        ok = false;
        this.fail(parts, error);
      },
    );
    this.running = run;
    try {
      await run;
    } finally {
      this.running = null;
    }
    if (ok) this.setState(this.dirtyParts.size > 0 ? 'dirty' : 'saved');
    return ok;
  }

  private fail(parts: ReadonlySet<string>, error: unknown): void {
    for (const part of parts) this.dirtyParts.add(part);
    this.lastErrorNow = error;
    this.setState('error');
    if (this.options.retryable?.(error) ?? true) this.schedule(this.retryMs);
  }

  private setState(state: SaveState): void {
    if (state === this.stateNow) return;
    this.stateNow = state;
    for (const listener of [...this.listeners]) listener();
  }
}
