/**
 * What the note knows about the passages it quotes: each one's current text and citation, or
 * that it is gone. Filled in batches (one `passages.lookup` for every id asked for in the same
 * tick), so a note with 200 quotes makes one call, not 200.
 */
import type { PassageCitation } from '../../../electron/model/passages';

/** `gone`: the passage no longer exists at all (not even soft-deleted). */
export type QuoteSource = PassageCitation | 'gone';
export type LookupPassages = (ids: string[]) => Promise<PassageCitation[]>;

/** The contract's limit on ids per lookup. */
const BATCH = 5000;

export class QuoteLookup {
  private readonly sources = new Map<string, QuoteSource>();
  private readonly queued = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  private version = 0;

  constructor(
    private readonly lookup: LookupPassages,
    private readonly onLoaded: (sources: ReadonlyMap<string, QuoteSource>) => void = () => {},
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  get(id: string): QuoteSource | undefined {
    return this.sources.get(id);
  }

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Ids seen in the note: looked up unless known already (`refresh`: look up again anyway). */
  want(ids: Iterable<string>, refresh = false): void {
    for (const id of ids) if (refresh || !this.sources.has(id)) this.queued.add(id);
    if (this.queued.size === 0 || this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => void this.run());
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    const ids = [...this.queued];
    this.queued.clear();
    const loaded = new Map<string, QuoteSource>();
    try {
      for (let i = 0; i < ids.length; i += BATCH) {
        const chunk = ids.slice(i, i + BATCH);
        const found = await this.lookup(chunk);
        const byId = new Map(found.map((p) => [p.id, p]));
        for (const id of chunk) loaded.set(id, byId.get(id) ?? 'gone');
      }
    } catch (error) {
      this.onError(error);
      return;
    }
    for (const [id, source] of loaded) this.sources.set(id, source);
    this.version++;
    for (const listener of [...this.listeners]) listener();
    this.onLoaded(loaded);
  }
}

/** A passage that is deleted (soft or hard): the quote keeps its last text. */
export function isGone(source: QuoteSource | undefined): boolean {
  return source === 'gone' || (source !== undefined && source.deleted);
}
