/**
 * Scripts the word index cannot search. `unicode61` splits words at spaces and punctuation, so a
 * run of Chinese or Japanese (no spaces between words) becomes one giant token, and a Korean word
 * carries its particle (푸틴은 = 푸틴 + 은). Text in these scripts is searched as substrings in a
 * trigram index instead. Thai, Lao, Khmer and Myanmar are written without spaces too.
 *
 * The same ranges decide things that must agree: which rows go into the trigram index (the
 * triggers of migrations 3 and 5 and the view behind `articles_cjk`, through `hasUnspacedScript`
 * since migration 8) and the gram index (`grams.ts`, migration 7), and which query
 * terms are looked up there. A term holding one of these characters can only occur in
 * a row holding one, so nothing is missed. Changing the list needs a migration that recreates
 * those triggers and views and rebuilds both indexes.
 */
export const UNSPACED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0e00, 0x0eff], // Thai, Lao
  [0x1000, 0x109f], // Myanmar
  [0x1100, 0x11ff], // Hangul Jamo
  [0x1780, 0x17ff], // Khmer
  [0x3040, 0x30ff], // Hiragana, Katakana
  [0x3130, 0x318f], // Hangul compatibility Jamo
  [0x31f0, 0x31ff], // Katakana phonetic extensions
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xac00, 0xd7af], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff66, 0xff9f], // half-width Katakana
  [0x20000, 0x323af], // CJK extensions B–H
];

const UNSPACED_RE = new RegExp(
  `[${UNSPACED_RANGES.map(([lo, hi]) => `\\u{${lo.toString(16)}}-\\u{${hi.toString(16)}}`).join('')}]`,
  'u',
);

export function hasUnspacedScript(s: string): boolean {
  return UNSPACED_RE.test(s);
}

/** Characters `unicode61` keeps in tokens (letters, numbers, private use); anything else separates. */
const TOKEN_CHAR_RE = /[\p{L}\p{N}\p{Co}]/u;

/** False for a term the word index could never match (only punctuation, emoji, symbols). */
export function hasWordChars(s: string): boolean {
  return TOKEN_CHAR_RE.test(s);
}

/**
 * Folds a short term the way the trigram tokenizer (`case_sensitive 0 remove_diacritics 1`)
 * folds indexed text, so it can be compared with terms from the index's vocabulary.
 */
export function foldForTrigram(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase();
}
