/**
 * Snippets: a short window of an item's text with every hit wrapped in a marker pair.
 *
 * Markers: U+0002 (START OF TEXT) opens a hit and U+0003 (END OF TEXT) closes it. The renderer
 * splits the snippet on them and renders the pieces as text nodes (hit pieces inside <mark>), so
 * no HTML is ever parsed. Any U+0002/U+0003 in the source text is replaced by U+FFFD in snippets,
 * so the markers in a snippet are always ours and always balanced. Line breaks and runs of
 * whitespace are shown as one space.
 */
import { SNIPPET_HIT_CLOSE as HIT_CLOSE, SNIPPET_HIT_OPEN as HIT_OPEN } from '../../model/search';

export type Range = readonly [start: number, end: number];

/**
 * Hit ranges (UTF-16 offsets into `raw`) from FTS5 `highlight(…, HIT_OPEN, HIT_CLOSE)` output of
 * the same text. Walks both strings: a character of `highlighted` that is not the next character
 * of `raw` is a marker (or trailing index padding). Exact when `raw` has no U+0002/U+0003 of its
 * own, off by at most one character around such a character otherwise.
 */
export function rangesFromHighlight(raw: string, highlighted: string): Range[] {
  const out: Array<[number, number]> = [];
  let j = 0;
  let open = -1;
  for (let i = 0; i < highlighted.length; i++) {
    const c = highlighted.charCodeAt(i);
    if (j < raw.length && c === raw.charCodeAt(j)) {
      j++;
    } else if (c === 2) {
      open = j;
    } else if (c === 3) {
      if (open >= 0 && j > open) out.push([open, j]);
      open = -1;
    }
  }
  return out;
}

/** Occurrences of `needle` in `raw`, ignoring case where lower-casing keeps offsets (at most `max`). */
export function findAll(raw: string, needle: string, max = 200): Range[] {
  if (!needle) return [];
  const lower = raw.toLowerCase();
  const hay = lower.length === raw.length ? lower : raw;
  const out: Array<[number, number]> = [];
  for (
    let at = hay.indexOf(needle);
    at >= 0 && out.length < max;
    at = hay.indexOf(needle, at + needle.length)
  ) {
    out.push([at, at + needle.length]);
  }
  return out;
}

/** Sorted, overlapping and touching ranges merged, clipped to [0, length]. */
export function mergeRanges(ranges: readonly Range[], length: number): Range[] {
  const sorted = ranges
    .map(
      ([s, e]) =>
        [Math.max(0, Math.min(s, length)), Math.max(0, Math.min(e, length))] as [number, number],
    )
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Moves an offset off the middle of a surrogate pair. */
function onBoundary(s: string, at: number, forward: boolean): number {
  if (at > 0 && at < s.length && isLow(s.charCodeAt(at)) && isHigh(s.charCodeAt(at - 1)))
    return forward ? at + 1 : at - 1;
  return at;
}

export interface SnippetOptions {
  /** Length of the window in UTF-16 units. */
  width?: number;
  /** Text shown before the first hit of the window. */
  lead?: number;
}

/**
 * The window of `raw` holding the most hits (starting a little before one of them, at a word
 * boundary when there is one nearby), with markers around the hits; the start of the text
 * when there are none. `ranges` must be merged (see `mergeRanges`).
 */
export function buildSnippet(
  raw: string,
  ranges: readonly Range[],
  opts: SnippetOptions = {},
): string {
  const width = opts.width ?? 200;
  const lead = opts.lead ?? 50;
  let anchor = 0;
  if (ranges.length) {
    let best = 0;
    let bestCount = 0;
    const considered = Math.min(ranges.length, 200);
    for (let k = 0; k < considered; k++) {
      const limit = ranges[k]![0] + width - lead;
      let count = 0;
      for (let m = k; m < considered && ranges[m]![1] <= limit; m++) count++;
      if (count > bestCount) {
        bestCount = count;
        best = k;
      }
    }
    anchor = ranges[best]![0];
  }
  let start = Math.max(0, anchor - lead);
  if (start > 0) {
    // Start after a space near the wanted start, so the snippet does not open mid-word.
    const space = raw.slice(start, anchor).search(/\s/u);
    if (space >= 0 && space < 20) start += space + 1;
  }
  start = onBoundary(raw, start, true);
  let end = Math.min(raw.length, start + width);
  if (end < raw.length) {
    const tail = raw.slice(Math.max(start, end - 20), end);
    const lastSpace = tail.search(/\s\S*$/u);
    if (lastSpace >= 0) end = Math.max(start, end - 20) + lastSpace;
  }
  end = onBoundary(raw, end, false);

  let out = start > 0 ? '…' : '';
  let r = 0;
  while (r < ranges.length && ranges[r]![1] <= start) r++;
  let inHit = false;
  let lastSpace = true;
  for (let i = start; i < end; i++) {
    const range = ranges[r];
    if (!inHit && range && i >= range[0] && i < range[1]) {
      out += HIT_OPEN;
      inHit = true;
    }
    const ch = raw[i]!;
    if (/\s/u.test(ch)) {
      if (!lastSpace || inHit) out += ' ';
      lastSpace = true;
    } else {
      out += ch === HIT_OPEN || ch === HIT_CLOSE ? '\ufffd' : ch;
      lastSpace = false;
    }
    if (inHit && range && i + 1 >= range[1]) {
      out += HIT_CLOSE;
      inHit = false;
      r++;
    }
  }
  if (inHit) out += HIT_CLOSE;
  out = out.trimEnd();
  if (end < raw.length) out += '…';
  return out;
}
