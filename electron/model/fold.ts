/**
 * Case folding for the library's title and author order and its filter: "Émile" and "émile",
 * "İstanbul" and "istanbul", "ΟΔΟΣ" and "οδός"'s case, "STRASSE" and "straße" compare equal.
 * SQLite's NOCASE and LIKE fold ASCII only. Close to Unicode full case folding: compatibility
 * forms unified (NFKC), upper then lower case (ß → ss, final ς → σ), and the dot above that
 * lower-casing "İ" leaves on its "i" dropped. Accents stay: "é" is not "e".
 *
 * Frozen by the indexes built on it (migration 18: `commonplace_fold`): a change to what it
 * returns needs a new migration that rebuilds them (REINDEX), or ordered reads go wrong.
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
