/**
 * Maps offsets of an old text to a new one through a line alignment (patience diff: lines that
 * occur once in each text anchor the alignment, their longest common order is kept, and runs of
 * equal lines around the anchors are matched too). In the canonical text a paragraph is a line,
 * so after scattered edits most passages sit in an unchanged paragraph and map exactly.
 */

interface Lines {
  text: readonly string[];
  start: readonly number[];
}

function splitLines(text: string): Lines {
  const lines: string[] = [];
  const start: number[] = [];
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    start.push(from);
    if (nl === -1) {
      lines.push(text.slice(from));
      break;
    }
    lines.push(text.slice(from, nl));
    from = nl + 1;
  }
  return { text: lines, start };
}

export interface MappedOffset {
  offset: number;
  /** True when the offset lies in a line that is unchanged (then the mapping is exact). */
  exact: boolean;
}

export class LineMap {
  private readonly old: Lines;
  private readonly neu: Lines;
  /** oldToNew[i]: index of the new line matched with old line i, or -1; newToOld the reverse. */
  private readonly oldToNew: Int32Array;
  private readonly newToOld: Int32Array;
  private readonly newLength: number;

  constructor(oldText: string, newText: string) {
    this.old = splitLines(oldText);
    this.neu = splitLines(newText);
    this.newLength = newText.length;
    this.oldToNew = align(this.old.text, this.neu.text);
    this.newToOld = new Int32Array(this.neu.text.length).fill(-1);
    this.oldToNew.forEach((j, i) => {
      if (j >= 0) this.newToOld[j] = i;
    });
  }

  /**
   * The old range that new[start, end) was copied from unchanged, when every line it touches is
   * an unchanged line (null when any of them is new or edited).
   */
  unchangedSource(start: number, end: number): { start: number; end: number } | null {
    const first = lineOf(this.neu.start, start);
    const last = lineOf(this.neu.start, Math.max(start, end - 1));
    for (let j = first; j <= last; j++) if (this.newToOld[j]! < 0) return null;
    const from = this.newToOld[first]!;
    const to = this.newToOld[last]!;
    return {
      start: this.old.start[from]! + (start - this.neu.start[first]!),
      end: this.old.start[to]! + (end - this.neu.start[last]!),
    };
  }

  /** Where old offset `at` is in the new text: exact inside unchanged lines, else an estimate. */
  map(at: number): MappedOffset {
    const line = lineOf(this.old.start, at);
    const inLine = at - this.old.start[line]!;
    const twin = this.oldToNew[line]!;
    if (twin >= 0) return { offset: this.neu.start[twin]! + inLine, exact: true };
    // Estimate from the nearest unchanged line before: text after it shifted by the same amount.
    for (let prev = line - 1; prev >= 0; prev--) {
      const t = this.oldToNew[prev]!;
      if (t < 0) continue;
      const oldEnd = this.old.start[prev]! + this.old.text[prev]!.length;
      const newEnd = this.neu.start[t]! + this.neu.text[t]!.length;
      return { offset: clamp(newEnd + (at - oldEnd), this.newLength), exact: false };
    }
    return { offset: clamp(at, this.newLength), exact: false };
  }
}

function clamp(at: number, length: number): number {
  return Math.max(0, Math.min(length, at));
}

/** Index of the line containing offset `at` (the last line starting at or before it). */
function lineOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function align(a: readonly string[], b: readonly string[]): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const taken = new Uint8Array(b.length);
  const pair = (i: number, j: number): void => {
    match[i] = j;
    taken[j] = 1;
  };
  // Equal heads and tails first: the common case of one edit somewhere in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    pair(head, head);
    head++;
  }
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    pair(a.length - 1 - tail, b.length - 1 - tail);
    tail++;
  }
  // Patience anchors in the middle: lines unique on both sides, kept in their common order.
  const seen = new Map<string, { i: number; ci: number; j: number; cj: number }>();
  for (let i = head; i < a.length - tail; i++) {
    const e = seen.get(a[i]!);
    if (e) e.ci++;
    else seen.set(a[i]!, { i, ci: 1, j: -1, cj: 0 });
  }
  for (let j = head; j < b.length - tail; j++) {
    const e = seen.get(b[j]!);
    if (e) {
      e.cj++;
      e.j = j;
    }
  }
  const anchors = [...seen.values()]
    .filter((e) => e.ci === 1 && e.cj === 1)
    .sort((x, y) => x.i - y.i);
  for (const k of longestIncreasing(anchors.map((e) => e.j))) pair(anchors[k]!.i, anchors[k]!.j);
  // Grow each matched line into the equal, unmatched lines around it (blank lines, repeats).
  for (let i = 0; i < a.length; i++) {
    const j = match[i]!;
    if (j < 0) continue;
    for (
      let x = i + 1, y = j + 1;
      x < a.length && y < b.length && match[x] === -1 && !taken[y] && a[x] === b[y];
      x++, y++
    )
      pair(x, y);
  }
  for (let i = a.length - 1; i >= 0; i--) {
    const j = match[i]!;
    if (j < 0) continue;
    for (
      let x = i - 1, y = j - 1;
      x >= 0 && y >= 0 && match[x] === -1 && !taken[y] && a[x] === b[y];
      x--, y--
    )
      pair(x, y);
  }
  return match;
}

/** Indexes of one longest strictly increasing subsequence of `values` (O(n log n)). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest tail of an increasing run of length k+1
  const back = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = back[k]!) out.push(k);
  return out.reverse();
}
