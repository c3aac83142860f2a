/**
 * Splits possibly overlapping ranges into disjoint segments, each carrying the ids of every
 * range covering it. One MarkNode per segment (with several ids where passages overlap) keeps the
 * tree flat, so marks never nest and render the same way every time.
 */
export interface IdRange {
  id: string;
  start: number;
  end: number;
}

export interface Segment {
  start: number;
  end: number;
  /** Outermost first: by start, then longest, then id (the last one is the innermost). */
  ids: string[];
}

/** O((n + s) log n) plus the size of the output; ranges outside [0, length] are clipped. */
export function markSegments(ranges: readonly IdRange[], length: number): Segment[] {
  const valid = ranges
    .map((r) => ({ id: r.id, start: Math.max(0, r.start), end: Math.min(length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (valid.length === 0) return [];

  // Boundary events: where ranges open and close, in offset order.
  const opens = new Map<number, number[]>();
  const closes = new Map<number, number[]>();
  valid.forEach((r, rank) => {
    (opens.get(r.start) ?? opens.set(r.start, []).get(r.start)!).push(rank);
    (closes.get(r.end) ?? closes.set(r.end, []).get(r.end)!).push(rank);
  });
  const boundaries = [...new Set([...opens.keys(), ...closes.keys()])].sort((a, b) => a - b);

  const segments: Segment[] = [];
  let active: number[] = []; // ranks, sorted
  for (let i = 0; i < boundaries.length - 1; i++) {
    const at = boundaries[i] as number;
    const closing = closes.get(at);
    if (closing) {
      const gone = new Set(closing);
      active = active.filter((rank) => !gone.has(rank));
    }
    for (const rank of opens.get(at) ?? []) insertSorted(active, rank);
    if (active.length > 0) {
      segments.push({
        start: at,
        end: boundaries[i + 1] as number,
        ids: active.map((rank) => (valid[rank] as IdRange).id),
      });
    }
  }
  return segments;
}

function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}
