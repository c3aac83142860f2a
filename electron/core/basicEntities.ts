/**
 * The character references that generated HTML holds (citeproc's citations, marked's text): numeric
 * ones and the five XML names plus `&nbsp;`. Anything else, and a number that is no character,
 * stays as written. Imported documents need the full HTML table: import/markdown/entities.ts.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeBasicEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)
        ? String.fromCodePoint(cp)
        : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}
