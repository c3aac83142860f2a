/**
 * What one parse of an untrusted file may cost: the only place these budgets are defined (the
 * README's "Hostile files" section quotes them).
 *
 * Every parse runs in a worker thread (pool.ts) that is terminated when it runs past its time, and
 * dies when its V8 heap passes its memory limit. Both scale with the file's size, within caps:
 * an article or a book of a few MB parses in a second or two and a few hundred MB of heap, so a
 * file that needs much more than its size justifies is refused, named, before it can stall the
 * machine — a 12 KB DOCX that inflates to megabytes of paragraphs, deeply nested HTML, one
 * endless Markdown paragraph.
 *
 * ZIP containers (DOCX, EPUB) are also bounded before parsing: the text parts we inflate may be
 * at most ZIP_INFLATE_RATIO times the file's size (real documents compress their XML 3–20 times),
 * with a floor for small files and the fixed caps of DEFAULT_ZIP_LIMITS above.
 */
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../zip/directory';

const MB = 1024 * 1024;

export const PARSE_BUDGET = {
  /** Wall-clock time for any file, plus more per MB of file, up to the cap. */
  baseSeconds: 10,
  secondsPerMb: 4,
  maxSeconds: 120,
  /**
   * V8 heap for any file up to 16 MB; beyond, 64 MB of heap per MB of file, up to the cap. Not
   * lower: V8 collects garbage far more often under a small limit (its heap growing factor falls
   * to 1.1 near 256 MB), and a bulk import of 1,000 files took 41 s at 256 MB against 18 s at 1 GB
   * (and 18 s before parses moved to this thread).
   */
  baseMemoryMb: 1024,
  memoryMbPerMb: 64,
  maxMemoryMb: 2048,
  /**
   * The process's resident memory may grow by the heap limit plus this much plus bufferMbPerMb per
   * MB of file while a file parses: the heap limit doesn't cover typed-array buffers (a 1.8 MB PDF
   * whose content stream inflates to 1.8 GB grew the process by 1.9 GB under a 1 GB heap limit).
   */
  bufferMb: 256,
  bufferMbPerMb: 4,
  /** Starting the parser thread (loading pdf.js, jsdom, mammoth) is not the file's fault: its own, generous limit. */
  startSeconds: 60,
} as const;

/** Inflated text parts of a ZIP: at most this many times the file's size… */
export const ZIP_INFLATE_RATIO = 100;
/** …but small files may always inflate this much. */
export const ZIP_INFLATE_FLOOR_BYTES = 2 * MB;

export interface ParseBudget {
  timeMs: number;
  /** maxOldGenerationSizeMb of the parsing thread. */
  memoryMb: number;
  /** How much the process's RSS may grow while the file parses (heap and buffers together). */
  rssMb: number;
  startMs: number;
}

/** Fixed budgets that replace the computed ones (tests lower them to stay fast). */
export type ParseBudgetOverride = Partial<ParseBudget>;

let processOverride: ParseBudgetOverride | null = null;

/** Sets (or clears, with null) budgets for every parse in this process and the import workers it starts. */
export function overrideParseBudget(override: ParseBudgetOverride | null): void {
  processOverride = override;
}

export function currentParseBudgetOverride(): ParseBudgetOverride | null {
  return processOverride;
}

/**
 * The budget for a file of `size` bytes. Memory goes up in powers of two so that files of similar
 * sizes share one warm parser thread (its heap limit is fixed when it starts).
 */
export function parseBudgetFor(
  size: number,
  override: ParseBudgetOverride | null = processOverride,
): ParseBudget {
  const mb = size / MB;
  const seconds = Math.min(
    PARSE_BUDGET.maxSeconds,
    PARSE_BUDGET.baseSeconds + PARSE_BUDGET.secondsPerMb * mb,
  );
  const wanted = Math.max(PARSE_BUDGET.baseMemoryMb, PARSE_BUDGET.memoryMbPerMb * mb);
  let memoryMb = PARSE_BUDGET.baseMemoryMb;
  while (memoryMb < wanted && memoryMb < PARSE_BUDGET.maxMemoryMb) memoryMb *= 2;
  const budget: ParseBudget = {
    timeMs: Math.round(seconds * 1000),
    memoryMb: Math.min(memoryMb, PARSE_BUDGET.maxMemoryMb),
    rssMb: 0,
    startMs: PARSE_BUDGET.startSeconds * 1000,
  };
  const merged = { ...budget, ...(override ?? {}) };
  // Follows the heap limit actually in force unless set itself.
  if (override?.rssMb === undefined)
    merged.rssMb = Math.round(
      merged.memoryMb + PARSE_BUDGET.bufferMb + PARSE_BUDGET.bufferMbPerMb * mb,
    );
  return merged;
}

/** ZIP limits for a container of `size` bytes: inflating is bounded by the file's size too. */
export function zipLimitsFor(size: number): ZipLimits {
  const proportional = Math.max(ZIP_INFLATE_FLOOR_BYTES, size * ZIP_INFLATE_RATIO);
  if (proportional >= DEFAULT_ZIP_LIMITS.maxTotalBytes) return DEFAULT_ZIP_LIMITS;
  const totalReason =
    proportional === ZIP_INFLATE_FLOOR_BYTES
      ? 'the most a file this small may hold'
      : `${ZIP_INFLATE_RATIO} times the file's size`;
  return { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: proportional, totalReason };
}

/**
 * Citing in a user's style gets the budget of the style file's size plus this much per citation
 * and per reference entry: a long export cites thousands of passages, each a few milliseconds in
 * citeproc, and a style whose macros explode costs seconds for the first one.
 */
export const CITE_MS_PER_ENTRY = 25;

/** The budget for rendering `entries` citations and references with a style of `styleBytes`. */
export function citeBudgetFor(
  styleBytes: number,
  entries: number,
  override: ParseBudgetOverride | null = processOverride,
): ParseBudget {
  // Not capped: the time grows with the work asked, never with what the style makes of it.
  const timeMs = parseBudgetFor(styleBytes, null).timeMs + CITE_MS_PER_ENTRY * entries;
  return parseBudgetFor(styleBytes, { timeMs, ...(override ?? {}) });
}
