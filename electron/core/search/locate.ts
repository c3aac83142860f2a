/**
 * Finds query terms in a hit's text in JavaScript, for snippets and scroll offsets. FTS5's
 * `highlight()` re-tokenizes the whole column of every hit (~0.3 ms for 8 KB, more for trigram
 * text), which made snippets the largest cost of a search; a regular expression that matches the
 * way `unicode61 remove_diacritics 2` does finds the first hits in microseconds. When it finds
 * nothing (a tokenizer corner case it does not copy), the caller falls back to `highlight()`.
 *
 * Word terms: tokens are runs of letters, numbers and private-use characters; each token matches
 * case-insensitively and with Latin diacritics folded (cafe = café = CAFÉ); a phrase's tokens
 * may be separated by any non-token characters; a prefix term leaves its last token open.
 * Unspaced-script terms (CJK…) are substrings, compared lower-cased.
 */
import type { TextTerm } from './query';
import { foldForTrigram } from './scripts';
import { findAll, type Range } from './snippet';

const TOKEN = String.raw`[\p{L}\p{N}\p{Co}]`;
const NOT_TOKEN = String.raw`[^\p{L}\p{N}\p{Co}]`;
const LATIN = /\p{Script=Latin}/u;

function foldChar(c: string): string {
  const lower = c.toLowerCase();
  return LATIN.test(c) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

let classes: Map<string, string> | null = null;

/** For each folded Latin letter, a regex class of every letter that folds to it (é, É, è… for e). */
function foldClasses(): Map<string, string> {
  if (classes) return classes;
  const groups = new Map<string, Set<string>>();
  const ranges: Array<[number, number]> = [
    [0x41, 0x24f],
    [0x1e00, 0x1eff],
    [0x2c60, 0x2c7f],
    [0xa720, 0xa7ff],
  ];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!LATIN.test(ch)) continue;
      const f = foldChar(ch);
      if (Array.from(f).length !== 1) continue;
      let g = groups.get(f);
      if (!g) groups.set(f, (g = new Set([f])));
      g.add(ch);
    }
  }
  classes = new Map(
    [...groups].map(([f, set]) => [f, `[${[...set].map(escapeClassChar).join('')}]`]),
  );
  return classes;
}

function escapeClassChar(c: string): string {
  return /[\\\][^-]/.test(c) ? `\\${c}` : c;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/-]/.test(c) ? `\\${c}` : c;
}

/** A regular expression finding a word-index term in text, or null when it has no token. */
export function wordTermRegex(t: TextTerm): RegExp | null {
  const tokens = t.text.match(new RegExp(`${TOKEN}+`, 'gu'));
  if (!tokens) return null;
  const table = foldClasses();
  const tokenPattern = (tok: string) =>
    Array.from(tok)
      .map((c) => table.get(foldChar(c)) ?? escapeChar(c))
      .join('');
  const body = tokens.map(tokenPattern).join(`${NOT_TOKEN}+`);
  const end = t.prefix ? `${TOKEN}*` : `(?!${TOKEN})`;
  return new RegExp(`(?<!${TOKEN})${body}${end}`, 'giu');
}

export interface Locator {
  patterns: readonly RegExp[];
  /** Folded substrings (unspaced-script terms). */
  needles: readonly string[];
}

export function makeLocator(
  wordTerms: readonly TextTerm[],
  substrings: readonly string[],
): Locator {
  const patterns = wordTerms.map(wordTermRegex).filter((r) => r !== null);
  return { patterns, needles: [...new Set(substrings.map(foldForTrigram))] };
}

/** Hit ranges of every term in `text` (at most `max` per term). */
export function locate(text: string, loc: Locator, max = 100): Range[] {
  const out: Range[] = [];
  for (const re of loc.patterns) {
    re.lastIndex = 0;
    let count = 0;
    for (let m = re.exec(text); m && count < max; m = re.exec(text), count++) {
      out.push([m.index, m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  for (const needle of loc.needles) out.push(...findAll(text, needle, max));
  return out;
}
