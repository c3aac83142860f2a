/**
 * A printed page's text items (as pdf.js lays them out on the page) aligned with the article's
 * canonical text for that page, so a passage's range can be painted on the page and a selection
 * on the page becomes a canonical range. Runtime-neutral: the page view uses it, tests run it on
 * Node.
 *
 * The two differ where the import reflowed the page: line breaks became spaces, line-end hyphens
 * were joined ("inter-" + "national"), running heads, footers and the title block were dropped.
 * So only non-space characters are compared, and where they disagree the alignment skips ahead
 * on one side to the nearest place where both agree again for a run of characters (a bounded
 * search: a dropped footer is a few dozen characters, never the whole page).
 */

/** How many characters must agree again after a skip for the alignment to resume there. */
const RESYNC_RUN = 5;
/** How far ahead (in non-space characters) either side is searched for agreement. */
const RESYNC_WINDOW = 600;

export interface PageTextMap {
  /** Start of each item in the items joined without separators. */
  readonly itemStarts: readonly number[];
  /** For each character of the joined items: its canonical offset, or -1 where it has none. */
  readonly toCanonical: Int32Array;
}

const SPACE = /\s|\u00ad/u;

interface Compact {
  chars: string[];
  /** Index in the source string of each compact character. */
  at: number[];
}

function compact(text: string): Compact {
  const chars: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (SPACE.test(c)) continue;
    chars.push(c.toLowerCase());
    at.push(i);
  }
  return { chars, at };
}

function agree(a: string[], i: number, b: string[], j: number): boolean {
  for (let k = 0; k < RESYNC_RUN; k++) {
    if (i + k >= a.length || j + k >= b.length) return i + k >= a.length && j + k >= b.length;
    if (a[i + k] !== b[j + k]) return false;
  }
  return true;
}

/**
 * Aligns a page's text items with `canonical`, the page's slice of the canonical text, which
 * starts at canonical offset `base`.
 */
export function alignPageText(
  items: readonly string[],
  canonical: string,
  base: number,
): PageTextMap {
  const itemStarts: number[] = [];
  let joined = '';
  for (const item of items) {
    itemStarts.push(joined.length);
    joined += item;
  }
  const toCanonical = new Int32Array(joined.length).fill(-1);
  const a = compact(joined);
  const b = compact(canonical);
  let i = 0;
  let j = 0;
  while (i < a.chars.length && j < b.chars.length) {
    if (a.chars[i] === b.chars[j]) {
      toCanonical[a.at[i]!] = base + b.at[j]!;
      i++;
      j++;
      continue;
    }
    // Skip the fewest characters (on either side, or both for a changed character) that lead
    // to a run of agreement.
    let resumed = false;
    for (let d = 1; d <= RESYNC_WINDOW && !resumed; d++) {
      if (agree(a.chars, i + d, b.chars, j)) {
        i += d;
        resumed = true;
      } else if (agree(a.chars, i, b.chars, j + d)) {
        j += d;
        resumed = true;
      } else if (agree(a.chars, i + d, b.chars, j + d)) {
        i += d;
        j += d;
        resumed = true;
      }
    }
    // Nothing agrees nearby: this item character has no counterpart.
    if (!resumed) i++;
  }
  return { itemStarts, toCanonical };
}

/** A stretch of one item: characters [from, to) of item `item`. */
export interface ItemSpan {
  item: number;
  from: number;
  to: number;
}

function itemOf(map: PageTextMap, index: number): number {
  let lo = 0;
  let hi = map.itemStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.itemStarts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The stretches of items that show canonical range [start, end) on the page (the spaces
 * between its characters included, items the text has nothing of left out); empty when none of
 * it is on this page.
 */
export function itemSpansFor(map: PageTextMap, start: number, end: number): ItemSpan[] {
  const t = map.toCanonical;
  let first = -1;
  let last = -1;
  for (let k = 0; k < t.length; k++) {
    const c = t[k]!;
    if (c < 0) continue;
    if (c >= end) break;
    if (c >= start) {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first < 0) return [];
  const spans: ItemSpan[] = [];
  for (let item = itemOf(map, first); item < map.itemStarts.length; item++) {
    const itemStart = map.itemStarts[item]!;
    const itemEnd = map.itemStarts[item + 1] ?? t.length;
    if (itemStart > last) break;
    const from = Math.max(first, itemStart) - itemStart;
    const to = Math.min(last + 1, itemEnd) - itemStart;
    // An item the text has nothing of (a footer the import dropped) is not painted.
    let mapped = false;
    for (let k = itemStart + from; k < itemStart + to && !mapped; k++) mapped = t[k]! >= 0;
    if (mapped) spans.push({ item, from, to });
  }
  return spans;
}

/**
 * The canonical offset of a point between characters of an item: as a range's start, the first
 * mapped character at or after it; as an end, just past the last mapped character before it.
 * Null when the page has no mapped character on that side.
 */
export function canonicalAt(
  map: PageTextMap,
  item: number,
  offset: number,
  edge: 'start' | 'end',
): number | null {
  const t = map.toCanonical;
  const at = (map.itemStarts[item] ?? t.length) + offset;
  if (edge === 'start') {
    for (let k = Math.max(0, at); k < t.length; k++) if (t[k]! >= 0) return t[k]!;
    return null;
  }
  for (let k = Math.min(at, t.length) - 1; k >= 0; k--) if (t[k]! >= 0) return t[k]! + 1;
  return null;
}
