/**
 * A lazily filled, page-cached window onto a long list (the library's articles, the notes,
 * search results). The view asks for the rows it can see; only those pages are fetched, at most
 * MAX_IN_FLIGHT at a time, and pages scrolled past before their turn are never fetched.
 * `invalidate()` (after a change event) refetches what is wanted while the stale rows stay on
 * screen, so the list doesn't flash empty. Used through `usePagedLibraryQuery`.
 */
import { Latest } from './latest';

export interface Page<T> {
  total: number;
  items: T[];
}
export type FetchPage<P> = (offset: number, limit: number) => Promise<P>;

const MAX_IN_FLIGHT = 2;
/** A page that failed is not retried sooner than this, so a dead server isn't hammered. */
const RETRY_AFTER_MS = 3000;

interface CachedPage<T> {
  items: T[];
  /** Fetched since the last invalidate(). */
  fresh: () => boolean;
}

type ItemOf<P> = P extends Page<infer T> ? T : never;

export class PageStore<P extends Page<unknown>> {
  private readonly pages = new Map<number, CachedPage<ItemOf<P>>>();
  private readonly inFlight = new Set<number>();
  private readonly failedAt = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private wanted: number[] = [0];
  private readonly latest = new Latest();
  private version = 0;
  private lastAnswer: P | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly fetchPage: FetchPage<P>,
    readonly pageSize = 100,
    private readonly now: () => number = Date.now,
  ) {}

  /** Rows in the list, or null before the first page arrived. */
  get total(): number | null {
    return this.lastAnswer?.total ?? null;
  }

  /** The latest page's whole answer: the total and whatever else the call answers (counts). */
  get answer(): P | null {
    return this.lastAnswer;
  }

  get error(): string | null {
    return this.lastError;
  }

  /** Whether a page is on its way. */
  get loading(): boolean {
    return this.inFlight.size > 0;
  }

  /** Changes whenever anything visible changed (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  item(index: number): ItemOf<P> | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.items[index % this.pageSize];
  }

  /** Rows fetched without a gap from the top (a list that grows by "Load more"). */
  loadedCount(): number {
    let count = 0;
    for (let page = 0; ; page++) {
      const cached = this.pages.get(page);
      if (!cached) return count;
      count += cached.items.length;
      if (cached.items.length < this.pageSize) return count;
    }
  }

  /** Index of a cached row, or -1 if it isn't in any page fetched so far. */
  findIndex(test: (item: ItemOf<P>) => boolean): number {
    for (const [page, cached] of this.pages) {
      const at = cached.items.findIndex(test);
      if (at >= 0) return page * this.pageSize + at;
    }
    return -1;
  }

  /** Rows [start, end] are on screen: fetch the pages they fall in. Replaces the previous wish. */
  want(start: number, end: number): void {
    const first = Math.max(0, Math.floor(start / this.pageSize));
    const last = Math.max(first, Math.floor(Math.max(start, end) / this.pageSize));
    const wanted: number[] = [];
    for (let page = first; page <= last; page++) wanted.push(page);
    this.wanted = wanted;
    this.pump();
  }

  /** Fetches the wanted pages not yet fetched (at the start: the first page, for the total). */
  start(): void {
    this.pump();
  }

  /** The list changed: every cached page is stale. Refetch the wanted ones (and the total). */
  invalidate(): void {
    this.latest.next();
    this.inFlight.clear();
    this.failedAt.clear();
    if (!this.wanted.includes(0)) this.wanted = [0, ...this.wanted];
    this.pump();
  }

  private pump(): void {
    const now = this.now();
    const total = this.total;
    for (const page of this.wanted) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (this.pages.get(page)?.fresh() || this.inFlight.has(page)) continue;
      if (total !== null && page > 0 && page * this.pageSize >= total) continue;
      const failed = this.failedAt.get(page);
      if (failed !== undefined && now - failed < RETRY_AFTER_MS) continue;
      this.load(page);
    }
  }

  private load(page: number): void {
    // An answer from before an invalidate() is dropped: its page's own fetch is under way.
    const fresh = this.latest.join();
    this.inFlight.add(page);
    this.fetchPage(page * this.pageSize, this.pageSize).then(
      (result) => {
        if (!fresh()) return;
        this.inFlight.delete(page);
        this.failedAt.delete(page);
        this.lastError = null;
        this.pages.set(page, { items: result.items as ItemOf<P>[], fresh });
        this.lastAnswer = result;
        this.dropPastEnd(result.total);
        this.changed();
        this.pump();
      },
      (error: unknown) => {
        if (!fresh()) return;
        this.inFlight.delete(page);
        this.failedAt.set(page, this.now());
        this.lastError = error instanceof Error ? error.message : String(error);
        this.changed();
        this.retryLater();
      },
    );
  }

  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  private retryLater(): void {
    if (this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.pump();
    }, RETRY_AFTER_MS);
  }

  private dropPastEnd(total: number): void {
    // Pages past the end hold rows that no longer exist.
    for (const page of this.pages.keys()) {
      if (page > 0 && page * this.pageSize >= total) this.pages.delete(page);
    }
  }

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
