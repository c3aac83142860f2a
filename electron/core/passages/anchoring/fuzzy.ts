/**
 * Approximate search (Myers' bit-parallel algorithm, via approx-string-match) restricted to a
 * window of the text, with the library's many overlapping answers reduced to one per location.
 *
 * Cost is O(⌈maxErrors / 32⌉ · window length) per search, so callers keep `maxErrors` and the
 * window bounded: that is what keeps re-anchoring 1,000 passages inside a frame or two.
 */
import search from 'approx-string-match';

export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The lowest-error matches of `pattern` in text[from, to) with at most `maxErrors` errors, one
 * per location (overlapping answers collapse to the one whose length is nearest the pattern's),
 * in text order. Offsets are in `text`.
 */
export function bestMatches(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): ApproxMatch[] {
  if (pattern.length === 0 || to <= from) return [];
  const raw = search(
    from === 0 && to === text.length ? text : text.slice(from, to),
    pattern,
    Math.max(0, Math.floor(maxErrors)),
  );
  raw.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: ApproxMatch[] = [];
  let group: ApproxMatch | null = null;
  let groupEnd = -1;
  for (const m of raw) {
    const cand = { start: m.start + from, end: m.end + from, errors: m.errors };
    if (group && cand.start < groupEnd) {
      if (
        Math.abs(cand.end - cand.start - pattern.length) <
        Math.abs(group.end - group.start - pattern.length)
      ) {
        out[out.length - 1] = cand;
        group = cand;
      }
      groupEnd = Math.max(groupEnd, cand.end);
      continue;
    }
    out.push(cand);
    group = cand;
    groupEnd = cand.end;
  }
  return out;
}

/** The `limit` items nearest `to` by `at(item)`, nearest first. */
export function nearest<T>(
  items: readonly T[],
  at: (item: T) => number,
  to: number,
  limit: number,
): T[] {
  return [...items].sort((a, b) => Math.abs(at(a) - to) - Math.abs(at(b) - to)).slice(0, limit);
}
