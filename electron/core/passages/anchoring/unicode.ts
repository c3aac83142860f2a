/**
 * UTF-16 boundary helpers. Offsets everywhere are UTF-16 code units (what JavaScript strings and
 * DOM selections use), so a range must never start or end between the two halves of a surrogate
 * pair: the half-character would render as U+FFFD and break a later exact comparison.
 */

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between a high and a low surrogate of `text`. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Moves an offset that splits a pair back to the start of that character. */
export function snapBackward(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset - 1 : offset;
}

/** Moves an offset that splits a pair forward past the end of that character. */
export function snapForward(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset + 1 : offset;
}
