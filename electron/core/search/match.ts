/**
 * Which index answers each term, and the FTS5 expressions that result. Pure: the one database
 * fact it needs (which trigrams start with a 1–2 character term) comes in through `expand`.
 *
 *  - A term in a script written with spaces (Latin, Cyrillic, Greek, Hebrew, Arabic…) goes to the
 *    word index (`unicode61 remove_diacritics 2`: café = cafe), as a quoted phrase, `*` kept.
 *  - A term holding an unspaced-script character (see `scripts.ts`) of 3+ characters goes to the
 *    trigram index, which matches it as a substring (北京访问 inside 普京北京访问朝鲜).
 *  - A 1–2 character unspaced term cannot be a trigram query. The trigram index's text is padded
 *    with two spaces at the end of every column, so every occurrence of such a term starts some
 *    indexed trigram; `expand` lists those trigrams from the index's vocabulary (a range lookup)
 *    and the term becomes their OR. Exact, index-only, no scan of the text.
 */
import { ftsAll, ftsAny, ftsExcept, ftsString, ftsTerm } from './fts';
import type { SearchQuery, TextTerm } from './query';
import { foldForTrigram, hasUnspacedScript, hasWordChars } from './scripts';

export type Routed = { route: 'word'; fts: string } | { route: 'cjk'; fts: string } | { route: 'short'; needle: string };

export function routeTerm(t: TextTerm): Routed | null {
  if (hasUnspacedScript(t.text)) {
    if (Array.from(t.text).length >= 3) return { route: 'cjk', fts: ftsString(t.text) };
    return { route: 'short', needle: foldForTrigram(t.text) };
  }
  if (!hasWordChars(t.text)) return null; // only punctuation/emoji: the word index has no token for it
  return { route: 'word', fts: ftsTerm(t.text, t.prefix) };
}

/** Rows that must be in (any of) these index matches / in none of them. */
export interface IndexSets {
  word: string | null;
  cjk: string | null;
}

export interface TextMatch {
  /** Expression for the word index that every result matches, when any. */
  word: string | null;
  /** Expression for the trigram index that every result matches, when any. */
  cjk: string | null;
  /** OR groups that mix both indexes: a result is in the union of each. */
  anyOf: IndexSets[];
  /** Exclusions that could not be written as NOT inside `word`/`cjk`. */
  noneOf: IndexSets[];
  /** A required term can match nothing here (a 1–2 character term the index has never seen). */
  impossible: boolean;
  /** Some text condition must hold (false when every term was only punctuation or emoji). */
  positive: boolean;
  /** A required group holds a 1–2 character term (its trigram OR can be long: see `sql.ts`). */
  cjkExpanded: boolean;
  /**
   * What to mark in snippets: every positive term, as terms for `locate.ts` and as FTS5
   * expressions for the `highlight()` fallback.
   */
  highlight: { wordTerms: TextTerm[]; substrings: string[]; word: string | null; cjk: string | null };
}

/** Trigrams of an index that start with a folded 1–2 character string (empty when none). */
export type Expand = (needle: string) => readonly string[];

interface Resolved {
  term: TextTerm;
  route: 'word' | 'cjk';
  fts: string;
  /** A 1–2 character term written as the OR of its trigrams. */
  expanded: boolean;
}

/** null: the index has nothing for this term. */
function resolve(term: TextTerm, r: Routed, expand: Expand): Resolved | null {
  if (r.route !== 'short') return { term, route: r.route, fts: r.fts, expanded: false };
  const grams = expand(r.needle);
  if (!grams.length) return null;
  return { term, route: 'cjk', fts: ftsAny(grams.map(ftsString)), expanded: true };
}

export function compileTextMatch(q: SearchQuery, expand: Expand): TextMatch {
  const wordGroups: string[] = [];
  const cjkGroups: string[] = [];
  const anyOf: IndexSets[] = [];
  const hlWord: string[] = [];
  const hlCjk: string[] = [];
  const wordTerms: TextTerm[] = [];
  const substrings: string[] = [];
  let impossible = false;
  let expanded = false;

  for (const group of q.groups) {
    // Terms without any searchable character (emoji, punctuation) are left out, not failed.
    const routed = group.flatMap((t) => {
      const r = routeTerm(t);
      return r ? [{ t, r }] : [];
    });
    if (!routed.length) continue;
    const members = routed.map(({ t, r }) => resolve(t, r, expand)).filter((m) => m !== null);
    if (!members.length) {
      impossible = true;
      continue;
    }
    const words = members.filter((m) => m.route === 'word');
    const cjks = members.filter((m) => m.route === 'cjk');
    hlWord.push(...words.map((m) => m.fts));
    wordTerms.push(...words.map((m) => m.term));
    substrings.push(...cjks.map((m) => m.term.text));
    hlCjk.push(...cjks.filter((m) => !m.expanded).map((m) => m.fts));
    if (cjks.some((m) => m.expanded)) expanded = true;
    const wordFts = words.map((m) => m.fts);
    const cjkFts = cjks.map((m) => m.fts);
    if (!cjkFts.length) wordGroups.push(ftsAny(wordFts));
    else if (!wordFts.length) cjkGroups.push(ftsAny(cjkFts));
    else anyOf.push({ word: ftsAny(wordFts), cjk: ftsAny(cjkFts) });
  }

  const wordNot: string[] = [];
  const cjkNot: string[] = [];
  for (const t of q.exclude) {
    const r = routeTerm(t);
    const m = r && resolve(t, r, expand);
    if (m) (m.route === 'word' ? wordNot : cjkNot).push(m.fts);
  }
  const noneOf: IndexSets[] = [];
  let word: string | null = null;
  let cjk: string | null = null;
  if (wordGroups.length) word = ftsExcept(ftsAll(wordGroups), wordNot);
  else if (wordNot.length) noneOf.push({ word: ftsAny(wordNot), cjk: null });
  if (cjkGroups.length) cjk = ftsExcept(ftsAll(cjkGroups), cjkNot);
  else if (cjkNot.length) noneOf.push({ word: null, cjk: ftsAny(cjkNot) });

  return {
    word,
    cjk,
    anyOf,
    noneOf,
    impossible,
    positive: word !== null || cjk !== null || anyOf.length > 0,
    cjkExpanded: expanded,
    highlight: {
      wordTerms,
      substrings,
      word: hlWord.length ? ftsAny([...new Set(hlWord)]) : null,
      cjk: hlCjk.length ? ftsAny([...new Set(hlCjk)]) : null,
    },
  };
}
