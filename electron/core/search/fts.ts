/**
 * FTS5 query strings. User text only ever enters one as a double-quoted FTS5 string with inner
 * quotes doubled, so `(`, `)`, `:`, `*`, `^`, `NEAR`, `AND`, `OR`, `NOT` in it are literal text and
 * cannot make a syntax error; the operators between strings are written here.
 */

/** An FTS5 string literal: the tokenizer splits it into a phrase. */
export function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** A word or phrase term; `prefix` makes its last token a prefix. */
export function ftsTerm(text: string, prefix = false): string {
  return prefix ? `${ftsString(text)}*` : ftsString(text);
}

/** `a OR b`, parenthesised when it has more than one member. */
export function ftsAny(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** `a AND b AND …`. */
export function ftsAll(parts: readonly string[]): string {
  return parts.length === 1 ? parts[0]! : parts.join(' AND ');
}

/** `positive NOT n1 NOT n2 …` (FTS5's NOT is binary and needs a positive side). */
export function ftsExcept(positive: string, negatives: readonly string[]): string {
  if (!negatives.length) return positive;
  return `(${positive})${negatives.map((n) => ` NOT ${n}`).join('')}`;
}
