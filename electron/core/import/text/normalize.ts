/**
 * Character-level helpers for pasted text. Loops instead of regexes where a regex could backtrack
 * quadratically on hostile input (a 100k-character line of spaces must stay linear).
 */

/** Zero-width space/non-joiner/joiner, word joiner, BOM: invisible, so they never make a line non-blank. */
export function isInvisible(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/** Whitespace as `String.prototype.trim` sees it (includes NBSP and the Unicode spaces). */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function isEdgeFiller(code: number): boolean {
  return isSpace(code) || isInvisible(code);
}

/**
 * Directional marks (LRM, RLM, embeddings, isolates) carry no text. They are kept in stored text,
 * where they steer how RTL lines render, but a line of nothing else is blank.
 */
function isBidiMark(code: number): boolean {
  return (
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Trims whitespace and invisible characters at both ends; inner characters are untouched. */
export function trimVisible(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isEdgeFiller(s.charCodeAt(start))) start++;
  while (end > start && isEdgeFiller(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (!isEdgeFiller(code) && !isBidiMark(code)) return false;
  }
  return true;
}

/** CRLF and lone CR become LF; nothing else changes. */
export function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Most lines need no folding: single ASCII spaces inside, nothing invisible, nothing at the edges. */
function isComparable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x20) {
      if (i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 0x20) return false;
    } else if (isSpace(code) || isInvisible(code) || isBidiMark(code)) {
      return false;
    }
  }
  return true;
}

let lastComparableInput = '';
let lastComparableOutput = '';

/**
 * A comparison form for classifying short lines: invisible characters removed, every run of
 * whitespace (NBSP included) folded to one space, trimmed. Never used for stored text, and only
 * called on lines already known to be short.
 */
export function comparable(s: string): string {
  // Several classifiers look at the same line in turn; remembering the last answer saves the rework.
  if (s === lastComparableInput) return lastComparableOutput;
  if (isComparable(s)) return s;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isInvisible(code) || isBidiMark(code)) continue;
    if (isSpace(code)) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += s[i];
  }
  lastComparableInput = s;
  lastComparableOutput = out;
  return out;
}

/** Ends like a finished sentence: . ! ? … (or CJK equivalents), optionally inside closing quotes/brackets. */
export function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && `"'”’»)]`.includes(s[i] ?? '')) i--;
  const ch = s[i];
  return ch !== undefined && '.!?…。！？'.includes(ch);
}

const LETTER = /\p{L}/u;

export function hasLetter(s: string): boolean {
  return LETTER.test(s);
}
