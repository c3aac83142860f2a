/**
 * A selection as the user means it: without the whitespace and block separators it happens to
 * start or end on, and never cutting an emoji (or any surrogate pair) in half.
 */
export interface TextRange {
  start: number;
  end: number;
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;
const LOW_SURROGATE = /[\udc00-\udfff]/;

export function trimRange(text: string, start: number, end: number): TextRange | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s >= e) return null;
  if (s > 0 && LOW_SURROGATE.test(text[s]!) && HIGH_SURROGATE.test(text[s - 1]!)) s--;
  if (e < text.length && LOW_SURROGATE.test(text[e]!) && HIGH_SURROGATE.test(text[e - 1]!)) e++;
  return { start: s, end: e };
}
