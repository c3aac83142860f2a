/**
 * Cleaning of short metadata fields (titles, bylines, tag names) coming from imported files:
 * Unicode NFC, control characters and line breaks folded to spaces, whitespace collapsed,
 * bounded length. Body text is never passed through here.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function cleanField(value: string | null | undefined, maxLength = 1000): string | null {
  if (value == null) return null;
  const cleaned = value.normalize('NFC').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!cleaned) return null;
  return truncate(cleaned, maxLength);
}

/** Cuts at a code-point boundary (never splits a surrogate pair) and marks the cut. */
export function truncate(value: string, maxLength: number): string {
  if (value.length <= maxLength) return value;
  const chars = Array.from(value);
  let out = '';
  for (const ch of chars) {
    if (out.length + ch.length > maxLength - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}

export const MAX_COMMENT_LENGTH = 100_000;

/** Comments keep their line breaks; only NFC, trimming and a generous bound. */
export function cleanComment(value: string): string {
  return truncate(value.normalize('NFC').replace(/\r\n?/g, '\n').trim(), MAX_COMMENT_LENGTH);
}
