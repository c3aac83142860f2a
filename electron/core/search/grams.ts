/**
 * The CJK gram indexes (`*_grams`, migration 7): for each row, the runs of unspaced-script text
 * (see `scripts.ts`) written as their 1- and 2-character grams, space-separated. A 1–2 character
 * query is then one term of that index instead of the OR of every trigram it starts (up to
 * thousands of terms for a common character: 200–500 ms at 100,000 articles).
 *
 * The grams are made here, in JavaScript, by an SQL function the triggers call
 * (`GRAMS_FUNCTION`). SQLite has no such function of its own and a trigger cannot loop over a
 * string, so every connection that writes to a library must register it: `openDatabase` does.
 * Articles' grams are not stored (migration 9): an article leaves the index with the grams this
 * function makes of its old text, so a change to what it returns needs a migration that rebuilds
 * `articles_grams`.
 */
import type { Database } from 'better-sqlite3';
import { hasUnspacedScript, UNSPACED_RANGES } from './scripts';

/** The SQL name of `cjkGrams`, called by the triggers of migration 7. */
export const GRAMS_FUNCTION = 'commonplace_cjk_grams';
/**
 * The SQL name of `hasUnspacedScript` (1 or 0), which tells the triggers whether a row has grams.
 * Migration 3's GLOB over the same ranges reads ~2.4 ms per 8 KB of Latin text (4 minutes for
 * 100,000 articles); the regular expression takes microseconds.
 */
export const HAS_UNSPACED_FUNCTION = 'commonplace_has_unspaced';

const CLASS = UNSPACED_RANGES.map(
  ([lo, hi]) => `\\u{${lo.toString(16)}}-\\u{${hi.toString(16)}}`,
).join('');
const RUN_RE = new RegExp(`[${CLASS}]+`, 'gu');
const ONLY_UNSPACED_RE = new RegExp(`^[${CLASS}]+$`, 'u');

/**
 * A run normalised as a query is (NFC, lower case): compatibility ideographs become their
 * unified forms and Hangul jamo sequences syllables, on both sides.
 */
function foldRun(run: string): string {
  return run.normalize('NFC').toLowerCase();
}

/**
 * The distinct 1- and 2-character grams of the unspaced-script runs of `text`, space-separated
 * ('' when it has none). Characters are code points; a gram never spans two runs, so "平壤" in
 * "平壤 Pyongyang 平" gives 平, 壤, 平壤 and nothing across the Latin word.
 */
export function cjkGrams(text: string | null | undefined): string {
  if (!text) return '';
  const grams = new Set<string>();
  for (const m of text.matchAll(RUN_RE)) {
    let prev = '';
    for (const ch of foldRun(m[0])) {
      grams.add(ch);
      if (prev) grams.add(prev + ch);
      prev = ch;
    }
  }
  return [...grams].join(' ');
}

/**
 * A folded query term the gram index answers: 1–2 characters, every one of an unspaced script.
 * (A short term mixing scripts, like "a平", is left to the trigram index.)
 */
export function isGramTerm(folded: string): boolean {
  const n = Array.from(folded).length;
  return n >= 1 && n <= 2 && ONLY_UNSPACED_RE.test(folded);
}

/** Registers the SQL functions the search triggers call, on one connection. */
export function registerSearchFunctions(db: Database): void {
  db.function(GRAMS_FUNCTION, { deterministic: true }, (text: unknown) =>
    cjkGrams(typeof text === 'string' ? text : null),
  );
  db.function(HAS_UNSPACED_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' && hasUnspacedScript(text) ? 1 : 0,
  );
}
