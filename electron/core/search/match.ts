/**
 * Which index answers each term, and the FTS5 expressions that result. Pure: the database facts
 * it needs (index vocabularies) come in through `expand` and `expandPrefix`.
 *
 *  - A term in a script written with spaces (Latin, Cyrillic, Greek, Hebrew, Arabic…) goes to the
 *    word index (`unicode61 remove_diacritics 2`: café = cafe), as a quoted phrase, `*` kept. A
 *    prefix term whose last word starts with 3+ ASCII letters or digits becomes the OR of the
 *    index's words with that start when there are few (`expandPrefix`): the same rows, but read
 *    lazily (see migration 7).
 *  - A term holding an unspaced-script character (see `scripts.ts`) of 3+ characters goes to the
 *    trigram index, which matches it as a substring (北京访问 inside 普京北京访问朝鲜).
 *  - A 1–2 character term of unspaced-script characters only goes to the gram index (see
 *    `grams.ts`): one term there, exact.
 *  - A 1–2 character term mixing scripts ("a平") cannot be a trigram query. The trigram index's
 *    text is padded with two spaces at the end of every column, so every occurrence of such a
 *    term starts some indexed trigram; `expand` lists those trigrams from the index's vocabulary
 *    (a range lookup) and the term becomes their OR. Exact, index-only, no scan of the text.
 */
import { ftsAll, ftsAny, ftsExcept, ftsString, ftsTerm } from './fts';
import type { SearchQuery, TextTerm } from './query';
import { isGramTerm } from './grams';
import { foldForTrigram, hasUnspacedScript, hasWordChars } from './scripts';

export type Routed =
  | { route: 'word'; fts: string }
  | { route: 'cjk'; fts: string }
  | { route: 'gram'; fts: string }
  | { route: 'short'; needle: string };

export type Route = 'word' | 'cjk' | 'gram';
export const ROUTES: readonly Route[] = ['word', 'cjk', 'gram'];

export function routeTerm(t: TextTerm): Routed | null {
  if (hasUnspacedScript(t.text)) {
    if (Array.from(t.text).length >= 3) return { route: 'cjk', fts: ftsString(t.text) };
    const needle = foldForTrigram(t.text);
    return isGramTerm(needle)
      ? { route: 'gram', fts: ftsString(needle) }
      : { route: 'short', needle };
  }
  if (!hasWordChars(t.text)) return null; // only punctuation/emoji: the word index has no token for it
  return { route: 'word', fts: ftsTerm(t.text, t.prefix) };
}

/** Rows that must be in (any of) these index matches / in none of them. */
export type IndexSets = Record<Route, string | null>;

export interface TextMatch {
  /** Expression for the word index that every result matches, when any. */
  word: string | null;
  /** Expression for the trigram index that every result matches, when any. */
  cjk: string | null;
  /** Expression for the gram index that every result matches, when any. */
  gram: string | null;
  /** OR groups that mix indexes: a result is in the union of each. */
  anyOf: IndexSets[];
  /** Exclusions that could not be written as NOT inside `word`/`cjk`/`gram`. */
  noneOf: IndexSets[];
  /** A required term can match nothing here (a short term or prefix the index has never seen). */
  impossible: boolean;
  /** Some text condition must hold (false when every term was only punctuation or emoji). */
  positive: boolean;
  /** A required group holds a short mixed-script term (its trigram OR can be long: see `sql.ts`). */
  cjkExpanded: boolean;
  /**
   * The whole match is one FTS5 phrase of one index (one term, not expanded, nothing excluded):
   * bm25's document count for it is then the match's own count (see `search.ts`).
   */
  singlePhrase: boolean;
  /**
   * What to mark in snippets: every positive term, as terms for `locate.ts` and as FTS5
   * expressions for the `highlight()` fallback.
   */
  highlight: {
    wordTerms: TextTerm[];
    substrings: string[];
    word: string | null;
    cjk: string | null;
  };
}

/** Trigrams of an index that start with a folded 1–2 character string (empty when none). */
export type Expand = (needle: string) => readonly string[];
/**
 * Words of the word index that start with a lower-case ASCII prefix: at most `MAX_PREFIX_WORDS`,
 * or null when there are more (the term then stays an FTS5 prefix query).
 */
export type ExpandPrefix = (prefix: string) => readonly string[] | null;

/** The most words a prefix term is expanded to; past it, FTS5's own prefix query is cheaper. */
export const MAX_PREFIX_WORDS = 50;
/** Shorter prefixes are left to FTS5: they start too many words to list cheaply. */
const MIN_EXPANDED_PREFIX = 3;

const TOKEN_RE = /[\p{L}\p{N}\p{Co}]+/gu;
const ASCII_WORD_RE = /^[A-Za-z0-9]+$/;

interface Resolved {
  term: TextTerm;
  route: Route;
  fts: string;
  /** A short mixed-script term written as the OR of its trigrams. */
  expanded: boolean;
  /** `fts` is one FTS5 phrase (not an OR of a prefix's words or of trigrams). */
  single: boolean;
}

/** A prefix term as the OR of the words it can end with; unchanged when that is not cheaper; null when no word has that start. */
function expandPrefixTerm(
  term: TextTerm,
  fts: string,
  expandPrefix: ExpandPrefix | undefined,
): string | null {
  if (!term.prefix || !expandPrefix) return fts;
  const tokens = term.text.match(TOKEN_RE) ?? [];
  const last = tokens.at(-1);
  if (last === undefined || last.length < MIN_EXPANDED_PREFIX || !ASCII_WORD_RE.test(last))
    return fts;
  const words = expandPrefix(last.toLowerCase());
  if (words === null) return fts;
  if (!words.length) return null;
  const head = tokens.slice(0, -1).join(' ');
  return ftsAny(words.map((w) => ftsString(head ? `${head} ${w}` : w)));
}

/** null: the index has nothing for this term. */
function resolve(
  term: TextTerm,
  r: Routed,
  expand: Expand,
  expandPrefix: ExpandPrefix | undefined,
): Resolved | null {
  if (r.route === 'word') {
    const fts = expandPrefixTerm(term, r.fts, expandPrefix);
    return fts === null
      ? null
      : { term, route: 'word', fts, expanded: false, single: fts === r.fts };
  }
  if (r.route !== 'short')
    return { term, route: r.route, fts: r.fts, expanded: false, single: true };
  const grams = expand(r.needle);
  if (!grams.length) return null;
  return {
    term,
    route: 'cjk',
    fts: ftsAny(grams.map(ftsString)),
    expanded: true,
    single: grams.length === 1,
  };
}

export function compileTextMatch(
  q: SearchQuery,
  expand: Expand,
  expandPrefix?: ExpandPrefix,
): TextMatch {
  // Each required group that one index answers alone joins that index's AND; a group spanning
  // indexes becomes a union of rowid sets (`anyOf`).
  const groupsOf: Record<Route, string[]> = { word: [], cjk: [], gram: [] };
  const anyOf: IndexSets[] = [];
  const hlWord: string[] = [];
  const hlCjk: string[] = [];
  const wordTerms: TextTerm[] = [];
  const substrings: string[] = [];
  let impossible = false;
  let expanded = false;
  const resolved: Resolved[] = [];

  for (const group of q.groups) {
    // Terms without any searchable character (emoji, punctuation) are left out, not failed.
    const routed = group.flatMap((t) => {
      const r = routeTerm(t);
      return r ? [{ t, r }] : [];
    });
    if (!routed.length) continue;
    const members = routed
      .map(({ t, r }) => resolve(t, r, expand, expandPrefix))
      .filter((m) => m !== null);
    if (!members.length) {
      impossible = true;
      continue;
    }
    for (const m of members) {
      resolved.push(m);
      if (m.route === 'word') {
        // The term as written: `highlight()` marks a prefix's words without listing them.
        hlWord.push(ftsTerm(m.term.text, m.term.prefix));
        wordTerms.push(m.term);
      } else {
        substrings.push(m.term.text);
        if (m.route === 'cjk' && !m.expanded) hlCjk.push(m.fts);
        if (m.expanded) expanded = true;
      }
    }
    const sets: IndexSets = { word: null, cjk: null, gram: null };
    for (const r of ROUTES) {
      const fts = members.filter((m) => m.route === r).map((m) => m.fts);
      if (fts.length) sets[r] = ftsAny(fts);
    }
    const used = ROUTES.filter((r) => sets[r] !== null);
    if (used.length === 1) groupsOf[used[0]!].push(sets[used[0]!]!);
    else anyOf.push(sets);
  }

  const notOf: Record<Route, string[]> = { word: [], cjk: [], gram: [] };
  for (const t of q.exclude) {
    const r = routeTerm(t);
    const m = r && resolve(t, r, expand, expandPrefix);
    if (m) notOf[m.route].push(m.fts);
  }
  const noneOf: IndexSets[] = [];
  const required: IndexSets = { word: null, cjk: null, gram: null };
  for (const r of ROUTES) {
    if (groupsOf[r].length) required[r] = ftsExcept(ftsAll(groupsOf[r]), notOf[r]);
    else if (notOf[r].length)
      noneOf.push({ word: null, cjk: null, gram: null, [r]: ftsAny(notOf[r]) });
  }
  const { word, cjk, gram } = required;

  return {
    word,
    cjk,
    gram,
    anyOf,
    noneOf,
    impossible,
    positive: word !== null || cjk !== null || gram !== null || anyOf.length > 0,
    cjkExpanded: expanded,
    singlePhrase:
      resolved.length === 1 && resolved[0]!.single && !impossible && q.exclude.length === 0,
    highlight: {
      wordTerms,
      substrings,
      word: hlWord.length ? ftsAny([...new Set(hlWord)]) : null,
      cjk: hlCjk.length ? ftsAny([...new Set(hlCjk)]) : null,
    },
  };
}
