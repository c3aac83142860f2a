/**
 * Find-in-article matching: case- and diacritics-insensitive, over the reader's canonical text.
 * The text is folded one code point at a time (lower case, NFD, combining marks dropped, NFC
 * again so Hangul syllables stay whole), keeping for every folded code unit the original range
 * it came from, so a match in the folded text maps back to exact UTF-16 offsets in the original.
 */

export interface TextMatch {
  start: number;
  end: number;
}

export interface FoldedText {
  folded: string;
  /** For folded code unit i: the original offset where its code point starts. */
  starts: number[];
  /** For folded code unit i: the original offset just past its code point (and any marks dropped after it). */
  ends: number[];
}

// Combining marks, except the kana voicing marks: か and が are different letters, not an accent.
const MARKS = /(?![\u3099\u309a])\p{M}/gu;

function foldCodePoint(cp: string): string {
  return cp.toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
}

export function foldText(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const cp of text) {
    const f = foldCodePoint(cp);
    const next = i + cp.length;
    if (f === '') {
      // A lone mark (decomposed input): it belongs to the character before it.
      if (ends.length > 0) ends[ends.length - 1] = next;
    } else {
      for (let k = 0; k < f.length; k++) {
        starts.push(i);
        ends.push(next);
      }
      folded += f;
    }
    i = next;
  }
  return { folded, starts, ends };
}

/** The query as matched: folded like the text. */
export function foldQuery(query: string): string {
  return foldText(query).folded;
}

/** Non-overlapping matches of `query` in `text`, in order, as original offsets. */
export function findMatches(text: string | FoldedText, query: string, limit = 10_000): TextMatch[] {
  const needle = foldQuery(query);
  if (query.trim() === '' || needle === '') return [];
  const hay = typeof text === 'string' ? foldText(text) : text;
  const matches: TextMatch[] = [];
  let from = 0;
  while (matches.length < limit) {
    const at = hay.folded.indexOf(needle, from);
    if (at < 0) break;
    const last = at + needle.length - 1;
    matches.push({ start: hay.starts[at]!, end: hay.ends[last]! });
    from = at + needle.length;
  }
  return matches;
}
