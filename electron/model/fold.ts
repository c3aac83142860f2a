/**
 * Case folding for the library's title and author order and its filter: "Émile" and "émile",
 * "İstanbul" and "istanbul", "ΟΔΟΣ" and "οδός"'s case, "STRASSE" and "straße" compare equal.
 * SQLite's NOCASE and LIKE fold ASCII only. Close to Unicode full case folding: compatibility
 * forms unified (NFKC), upper then lower case (ß → ss, final ς → σ), and the dot above that
 * lower-casing "İ" leaves on its "i" dropped. Accents stay: "é" is not "e".
 *
 * Migration 18 built indexes on it (`commonplace_fold`) and still runs when an old library is
 * upgraded, until migration 22 drops them; the order now reads `sortKey`'s stored keys.
 */
export function foldCase(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/i\u0307/g, 'i')
    .normalize('NFC');
}

/** Marks (accents) and what precedes the first letter or digit ("“", "(", "...", "¿"). */
const MARKS = /\p{M}/gu;
const LEADING = /^[^\p{L}\p{N}]+/u;

/**
 * The library's order key for a title or author: accents and leading punctuation ignored first,
 * so "Émile" and "“Emile”" file under E beside "emile" (not after "Zebra", where code points put
 * them), then ties broken by the folded text itself. \u0001 sorts below every character a key
 * holds, so a shorter primary key comes first ("e" before "ea"). Not a full Unicode collation
 * (per-language rules such as Swedish "ö" after "z" are not applied).
 *
 * Frozen by the keys stored from it (migration 22: `commonplace_sort_key`, table article_order):
 * a change to what it returns needs a migration that recomputes them, or ordered reads go wrong.
 */
export function sortKey(text: string): string {
  const folded = foldCase(text);
  const primary = folded.normalize('NFD').replace(MARKS, '').replace(LEADING, '').normalize('NFC');
  return `${primary}\u0001${folded}`;
}
