/**
 * A lazily filled, page-cached window onto the library's article list (newest first).
 * The list pane asks for the rows it can see; only those pages are fetched, at most
 * MAX_IN_FLIGHT at a time, and pages scrolled past before their turn are never fetched.
 * `invalidate()` (after a change event) refetches what is visible while the stale rows stay on
 * screen, so the list doesn't flash empty.
 */
import type { ArticleSummary } from '../../../electron/model/articles';

export interface Page {
  total: number;
  items: ArticleSummary[];
}
export type FetchPage = (offset: number, limit: number) => Promise<Page>;

const MAX_IN_FLIGHT = 2;
/** A page that failed is not retried sooner than this, so a dead server isn't hammered. */
const RETRY_AFTER_MS = 3000;

interface CachedPage {
  items: ArticleSummary[];
  generation: number;
}

export class ArticlePages {
  private readonly pages = new Map<number, CachedPage>();
  private readonly inFlight = new Set<number>();
  private readonly failedAt = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private wanted: number[] = [0];
  private generation = 0;
  private version = 0;
  private totalCount: number | null = null;
  private lastError: string | null = null;

  constructor(
    private readonly fetchPage: FetchPage,
    readonly pageSize = 100,
    private readonly now: () => number = Date.now,
  ) {}

  /** Rows in the library, or null before the first page arrived. */
  get total(): number | null {
    return this.totalCount;
  }

  get error(): string | null {
    return this.lastError;
  }

  /** Changes whenever anything visible changed (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  item(index: number): ArticleSummary | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.items[index % this.pageSize];
  }

  /** Index of a cached article, or -1 if it isn't in any page fetched so far. */
  indexOf(id: string): number {
    for (const [page, cached] of this.pages) {
      const at = cached.items.findIndex((item) => item.id === id);
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

  /** The library changed: every cached page is stale. Refetch the visible ones (and the total). */
  invalidate(): void {
    this.generation++;
    this.inFlight.clear();
    this.failedAt.clear();
    if (!this.wanted.includes(0)) this.wanted = [0, ...this.wanted];
    this.pump();
  }

  private isFresh(page: number): boolean {
    return this.pages.get(page)?.generation === this.generation;
  }

  private pump(): void {
    const now = this.now();
    for (const page of this.wanted) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (this.isFresh(page) || this.inFlight.has(page)) continue;
      if (this.totalCount !== null && page > 0 && page * this.pageSize >= this.totalCount) continue;
      const failed = this.failedAt.get(page);
      if (failed !== undefined && now - failed < RETRY_AFTER_MS) continue;
      this.load(page);
    }
  }

  private load(page: number): void {
    const generation = this.generation;
    this.inFlight.add(page);
    this.fetchPage(page * this.pageSize, this.pageSize).then(
      (result) => {
        if (generation !== this.generation) return; // superseded by invalidate(); its own fetch is under way
        this.inFlight.delete(page);
        this.failedAt.delete(page);
        this.lastError = null;
        this.pages.set(page, { items: result.items, generation });
        this.setTotal(result.total);
        this.changed();
        this.pump();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
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

  private setTotal(total: number): void {
    this.totalCount = total;
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
