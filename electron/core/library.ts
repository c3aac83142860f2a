import type { Database } from 'better-sqlite3';
import type { LibraryEvent } from '../model/events';
import { ChangeFeed } from './changes/feed';
import { schemaVersion } from './db/migrate';
import { openDatabase, type OpenDatabaseOptions } from './db/open';

export interface OpenOptions extends OpenDatabaseOptions {
  /** How often to look for commits by other processes; 0 turns the watcher off. */
  watchIntervalMs?: number;
}

type Listener = (event: LibraryEvent) => void;

/** An open library: the database plus the events every client subscribes to. */
export class Library {
  private readonly listeners = new Set<Listener>();
  private readonly feed: ChangeFeed;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly path: string,
    readonly db: Database,
    watchIntervalMs: number,
  ) {
    this.feed = new ChangeFeed(db);
    if (watchIntervalMs > 0) {
      this.timer = setInterval(() => this.publish(this.feed.pollIfOthersWrote()), watchIntervalMs);
      this.timer.unref();
    }
  }

  get schemaVersion(): number {
    return schemaVersion(this.db);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: LibraryEvent): void {
    this.publish(event);
  }

  /**
   * Publishes what this process just committed (called after every mutating API call); returns
   * the change log position its event reaches, or null when nothing changed.
   */
  flushChanges(): number | null {
    const event = this.feed.poll();
    this.publish(event);
    return event?.seq ?? null;
  }

  private publish(event: LibraryEvent | null): void {
    if (!event) return;
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (e) {
        console.error('library event listener failed:', e);
      }
    }
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
    if (this.db.open) this.db.close();
  }
}

export function openLibrary(file: string, opts: OpenOptions = {}): Library {
  const db = openDatabase(file, opts);
  return new Library(file, db, opts.watchIntervalMs ?? 500);
}
