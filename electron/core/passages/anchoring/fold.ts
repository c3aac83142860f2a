/**
 * Folding for matching: the text a reader sees as "the same" even though the code units differ.
 * Runs of whitespace (including newlines, so a paragraph split leaves the text equal) become one
 * space; curly and straight quotes, the dash family, full-width ASCII forms and "…" vs "..." are
 * made equal; invisible characters (soft hyphen, zero-width space, BOM) are dropped.
 *
 * Matching happens on folded text; `rawStart`/`rawEnd` map every folded unit back to the raw
 * code units it came from, so results are always offsets in the real text.
 */

export interface FoldedText {
  readonly text: string;
  /** rawStart[i]: raw offset of the first code unit folded into unit i. */
  readonly rawStart: Int32Array;
  /** rawEnd[i]: raw offset just after the last code unit folded into unit i. */
  readonly rawEnd: Int32Array;
  /** fromRaw[r]: folded offset of the first unit that starts at or after raw offset r (length raw+1). */
  readonly fromRaw: Int32Array;
}

const SPACE = 0x20;

function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isInvisible(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff;
}

/** The folded code unit for `c` (whitespace, invisibles and "…" are handled by the caller). */
function foldUnit(c: number): number {
  if (c < 0x80) return c === 0x60 ? 0x27 : c; // backtick used as an apostrophe
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201a:
    case 0x201b:
    case 0x2032:
    case 0x02bc:
      return 0x27; // '
    case 0x201c:
    case 0x201d:
    case 0x201e:
    case 0x201f:
    case 0x2033:
    case 0xab:
    case 0xbb:
      return 0x22; // "
    case 0x2212:
    case 0xfe58:
    case 0xfe63:
      return 0x2d; // -
  }
  if (c >= 0x2010 && c <= 0x2015) return 0x2d;
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0; // full-width ASCII
  return c;
}

const ELLIPSIS = 0x2026;

/** Folded form of a string (no offset maps). */
export function foldString(raw: string): string {
  return fold(raw).text;
}

export function fold(raw: string): FoldedText {
  let capacity = raw.length;
  for (let i = raw.indexOf('\u2026'); i !== -1; i = raw.indexOf('\u2026', i + 1)) capacity += 2;
  const rawStart = new Int32Array(capacity);
  const rawEnd = new Int32Array(capacity);
  const fromRaw = new Int32Array(raw.length + 1);
  // The folded string is built from slices of raw text between changed units: most text needs
  // no folding, and slicing is far cheaper than rebuilding it unit by unit.
  let text = '';
  let copiedUpTo = 0;
  const replace = (r: number, by: string): void => {
    text += raw.slice(copiedUpTo, r) + by;
    copiedUpTo = r + 1;
  };
  let n = 0;
  let inSpace = false;
  for (let r = 0; r < raw.length; r++) {
    fromRaw[r] = n;
    const c = raw.charCodeAt(r);
    if (c > 0x20 && c < 0x7f && c !== 0x60) {
      // Printable ASCII other than the backtick folds to itself: the bulk of most texts.
      rawStart[n] = r;
      rawEnd[n] = r + 1;
      n++;
      inSpace = false;
      continue;
    }
    if (isSpace(c)) {
      if (inSpace) {
        rawEnd[n - 1] = r + 1; // widen the space this run already produced
        replace(r, '');
      } else {
        if (c !== SPACE) replace(r, ' ');
        rawStart[n] = r;
        rawEnd[n] = r + 1;
        n++;
        inSpace = true;
      }
      continue;
    }
    if (isInvisible(c)) {
      replace(r, '');
      continue;
    }
    inSpace = false;
    if (c === ELLIPSIS) {
      replace(r, '...');
      for (let k = 0; k < 3; k++) {
        rawStart[n] = r;
        rawEnd[n] = r + 1;
        n++;
      }
      continue;
    }
    const folded = foldUnit(c);
    if (folded !== c) replace(r, String.fromCharCode(folded));
    rawStart[n] = r;
    rawEnd[n] = r + 1;
    n++;
  }
  fromRaw[raw.length] = n;
  text = copiedUpTo === 0 ? raw : text + raw.slice(copiedUpTo);
  return { text, rawStart: rawStart.subarray(0, n), rawEnd: rawEnd.subarray(0, n), fromRaw };
}

/** The raw range [start, end) that the folded range [from, to) came from (from < to). */
export function toRawRange(
  folded: FoldedText,
  from: number,
  to: number,
): { start: number; end: number } {
  return { start: folded.rawStart[from]!, end: folded.rawEnd[to - 1]! };
}
