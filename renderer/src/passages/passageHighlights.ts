/**
 * Passage runs painted as CSS Custom Highlights (`CSS.highlights`, Chromium 105+): no DOM change,
 * so painting every passage of an article costs a few milliseconds at open, against the
 * elements, styles and layout of thousands of marks. Ranges are kept per top-level block, so a
 * block's paint can be dropped the moment its MarkNodes take over. Styles: theme/passageHighlights.css.
 */
import type { PassageColor } from '../../../electron/model/passages';
import { markStyle } from './passageColors';

/** The parts of the browser's HighlightRegistry and Highlight used here (a Map and Sets in tests). */
export interface HighlightSet {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): boolean;
  forEach(callback: (range: AbstractRange) => void): void;
  readonly size: number;
}
export interface HighlightRegistryLike {
  set(name: string, highlight: HighlightSet): unknown;
  get(name: string): HighlightSet | undefined;
  delete(name: string): boolean;
}

export interface HighlightApi {
  registry: HighlightRegistryLike;
  create: () => HighlightSet;
}

/** The browser's highlight API, or null where there is none (then marks are made at once). */
export function browserHighlights(): HighlightApi | null {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight !== 'function')
    return null;
  return { registry: CSS.highlights, create: () => new Highlight() };
}

const FILL_PREFIX = 'passage-';

export function fillName(color: PassageColor, overlap: boolean): string {
  return `${FILL_PREFIX}${color}${overlap ? '-strong' : ''}`;
}

export function underName(color: PassageColor): string {
  return `${FILL_PREFIX}under-${color}`;
}

/** Whether a registered highlight's name is one of the passage fills (one per painted run). */
export function isFillName(name: string): boolean {
  return name.startsWith(FILL_PREFIX) && !name.startsWith(`${FILL_PREFIX}under-`);
}

interface PaintedRun {
  ids: readonly string[];
  range: AbstractRange;
  fill: string;
  under: string | null;
}

export class PassageHighlights {
  private readonly byBlock = new Map<number, PaintedRun[]>();
  private readonly sets = new Map<string, HighlightSet>();

  constructor(
    private readonly api: HighlightApi,
    private colorOf: (id: string) => PassageColor | undefined,
  ) {}

  /** Paints runs of `block` (ranges over its text). */
  add(block: number, runs: readonly { ids: readonly string[]; range: AbstractRange }[]): void {
    if (runs.length === 0) return;
    const painted = this.byBlock.get(block) ?? [];
    for (const { ids, range } of runs) {
      const { fill, under } = this.names(ids);
      this.setFor(fill).add(range);
      if (under) this.setFor(under).add(range);
      painted.push({ ids, range, fill, under });
    }
    this.byBlock.set(block, painted);
  }

  /** Stops painting `block` (its MarkNodes show it now, or it changed). */
  remove(block: number): void {
    for (const run of this.byBlock.get(block) ?? []) {
      this.sets.get(run.fill)?.delete(run.range);
      if (run.under) this.sets.get(run.under)?.delete(run.range);
    }
    this.byBlock.delete(block);
  }

  /** The painted runs' ranges of `block`, for tests and hit checks. */
  ranges(block: number): AbstractRange[] {
    return (this.byBlock.get(block) ?? []).map((run) => run.range);
  }

  /** Repaints every run with the passages' current colours. */
  recolor(colorOf: (id: string) => PassageColor | undefined): void {
    this.colorOf = colorOf;
    const all = [...this.byBlock];
    this.clear();
    for (const [block, runs] of all) this.add(block, runs);
  }

  /** Removes every highlight this instance registered. */
  clear(): void {
    for (const name of this.sets.keys()) this.api.registry.delete(name);
    this.sets.clear();
    this.byBlock.clear();
  }

  private names(ids: readonly string[]): { fill: string; under: string | null } {
    const style = markStyle(ids, this.colorOf);
    return {
      fill: fillName(style.fill, style.under !== null),
      under: style.under === null ? null : underName(style.under),
    };
  }

  private setFor(name: string): HighlightSet {
    let set = this.sets.get(name);
    if (!set) {
      set = this.api.create();
      this.sets.set(name, set);
      this.api.registry.set(name, set);
    }
    return set;
  }
}
