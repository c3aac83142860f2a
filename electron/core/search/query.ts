/**
 * The search box's query language, parsed into a structure. Pure and total: any string, however
 * malformed or hostile, gives a query object and never an exception, and no user text ever
 * reaches FTS5 except as a quoted string (see `fts.ts`).
 *
 *   climate policy        both words (in any order, anywhere)
 *   "carbon tax"          the exact phrase
 *   tax OR levy           either word (binds tighter than the implicit AND)
 *   -coal  NOT coal       without the word (also -"a phrase"; also -tag:x, -site:x, -lang:x, -kind:x)
 *   econom*               words starting with "econom"
 *   tag:energy            tagged "energy" (also tag:"two words"); several tag: filters must all hold
 *   kind:article|passage|note   only these kinds (several kind: filters add up)
 *   site:nytimes.com      from this site (site name contains it, or the URL's host is it or ends in .it)
 *   lang:ko               in this language (ko matches ko-KR)
 *   before:2024-06-01     dated before that day (YYYY, YYYY-MM or YYYY-MM-DD), after:… on or after it;
 *                         an article's date is its publication date, else its import date; a
 *                         passage's is the day it was made
 *
 * Degrading rules: a `field:` the language does not know, or a known field with an unusable value
 * (before:yesterday), is searched as plain words; an unbalanced quote is dropped and the rest read
 * as words; `OR`/`AND`/`NOT` that do not sit between/before terms are plain words; `-` inside an OR
 * group is ignored (a OR -b reads as a OR b). Overlong input is cut (see the limits below).
 */
import { LONE_SURROGATE } from '../../model/unicode';
import type { SearchKind } from '../../model/search';

export interface TextTerm {
  /** The user's text, cleaned of control characters; never empty. */
  text: string;
  /** Written in double quotes. */
  phrase: boolean;
  /** Written with a trailing `*`. */
  prefix: boolean;
}

export interface SearchQuery {
  /** Every group must match; a group matches when any of its terms does. */
  groups: TextTerm[][];
  /** No result may match any of these. */
  exclude: TextTerm[];
  /** Tag keys (as `tagKey` makes them) a result must all carry / may not carry. */
  tags: string[];
  excludeTags: string[];
  /** Kinds to search; every kind when empty. */
  kinds: SearchKind[];
  excludeKinds: SearchKind[];
  /** Any of these sites / languages (lower-cased); none of the excluded ones. */
  sites: string[];
  excludeSites: string[];
  langs: string[];
  excludeLangs: string[];
  /** Date bounds as written (YYYY[-MM[-DD]]): before is exclusive, after inclusive. */
  before: string | null;
  after: string | null;
}

/** Longest query read, in UTF-16 units; the rest is ignored. */
export const MAX_QUERY_LENGTH = 1000;
/** Most text terms (words and phrases) kept; later ones are ignored. */
export const MAX_TERMS = 32;

export function emptyQuery(): SearchQuery {
  return {
    groups: [],
    exclude: [],
    tags: [],
    excludeTags: [],
    kinds: [],
    excludeKinds: [],
    sites: [],
    excludeSites: [],
    langs: [],
    excludeLangs: [],
    before: null,
    after: null,
  };
}

/** True when the query asks for nothing: no words and no filters (its result is empty). */
export function isEmptyQuery(q: SearchQuery): boolean {
  return (
    q.groups.length === 0 &&
    q.tags.length === 0 &&
    q.excludeTags.length === 0 &&
    q.kinds.length === 0 &&
    q.excludeKinds.length === 0 &&
    q.sites.length === 0 &&
    q.excludeSites.length === 0 &&
    q.langs.length === 0 &&
    q.excludeLangs.length === 0 &&
    q.before === null &&
    q.after === null
  );
}

/** Control characters become spaces, lone surrogates U+FFFD: the query is well-formed text. */
export function cleanQueryText(raw: string): string {
  let s = raw.length > MAX_QUERY_LENGTH ? raw.slice(0, MAX_QUERY_LENGTH) : raw;
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
  s = s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd');
  return s.normalize('NFC');
}

type Token =
  | { type: 'term'; term: TextTerm; negated: boolean; raw: string }
  | { type: 'field'; field: string; value: string; negated: boolean; raw: string; quoted: boolean };

const WHITESPACE = /\s/u;
const FIELD_RE = /^([A-Za-z]+):(.*)$/s;

/** Splits into terms and `field:value` tokens; quotes group words; an unmatched quote is dropped. */
function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  // Quotes pair up left to right; an odd one out is treated as a space.
  const quoteAt: number[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] === '"') quoteAt.push(i);
  const strayQuote = quoteAt.length % 2 === 1 ? quoteAt[quoteAt.length - 1] : -1;
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (WHITESPACE.test(ch) || i === strayQuote) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === '-' && i + 1 < s.length && !WHITESPACE.test(s[i + 1]!) && i + 1 !== strayQuote) {
      negated = true;
      i++;
    }
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1);
      const text = s.slice(i + 1, close).trim();
      i = close + 1;
      if (text)
        tokens.push({
          type: 'term',
          term: { text, phrase: true, prefix: false },
          negated,
          raw: text,
        });
      continue;
    }
    // A bare word runs to the next space or quote; `field:"…"` takes the quoted value with it.
    let j = i;
    while (j < s.length && !WHITESPACE.test(s[j]!) && (s[j] !== '"' || j === strayQuote)) j++;
    let word = s.slice(i, j).replaceAll('"', '');
    const field = FIELD_RE.exec(word);
    if (field && field[2] === '' && s[j] === '"' && j !== strayQuote) {
      const close = s.indexOf('"', j + 1);
      const value = s.slice(j + 1, close).trim();
      tokens.push({
        type: 'field',
        field: field[1]!.toLowerCase(),
        value,
        negated,
        raw: `${field[1]} ${value}`,
        quoted: true,
      });
      i = close + 1;
      continue;
    }
    i = j;
    if (field && field[2] !== '') {
      tokens.push({
        type: 'field',
        field: field[1]!.toLowerCase(),
        value: field[2]!,
        negated,
        raw: word,
        quoted: false,
      });
      continue;
    }
    let prefix = false;
    if (word.endsWith('*')) {
      word = word.replace(/\*+$/, '');
      prefix = true;
    }
    if (!word) continue; // a lone "*" (or "-*"): nothing to search for
    tokens.push({ type: 'term', term: { text: word, phrase: false, prefix }, negated, raw: word });
  }
  return tokens;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD with a real month and day; null otherwise. */
export function parseDateBound(value: string): string | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return null;
  if (d !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > days) return null;
  }
  return value;
}

const KIND_WORDS: Record<string, SearchKind> = {
  article: 'article',
  articles: 'article',
  passage: 'passage',
  passages: 'passage',
  highlight: 'passage',
  highlights: 'passage',
  note: 'note',
  notes: 'note',
};

/** Applies a known `field:value`; false when the field is unknown or the value unusable. */
function applyField(
  q: SearchQuery,
  field: string,
  rawValue: string,
  negated: boolean,
  tagKeyOf: (name: string) => string | null,
): boolean {
  const value = rawValue.trim();
  if (!value) return false;
  switch (field) {
    case 'tag': {
      const key = tagKeyOf(value);
      if (key === null) return false;
      (negated ? q.excludeTags : q.tags).push(key);
      return true;
    }
    case 'kind': {
      const kind = KIND_WORDS[value.toLowerCase()];
      if (!kind) return false;
      (negated ? q.excludeKinds : q.kinds).push(kind);
      return true;
    }
    case 'site': {
      const site = value
        .toLowerCase()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/.*$/, '');
      if (!site) return false;
      (negated ? q.excludeSites : q.sites).push(site);
      return true;
    }
    case 'lang': {
      if (!/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) return false;
      (negated ? q.excludeLangs : q.langs).push(value.toLowerCase());
      return true;
    }
    case 'before':
    case 'after': {
      const date = parseDateBound(value);
      if (date === null) return false;
      // -before:D is "on or after D"; -after:D is "before D".
      const bound = negated ? (field === 'before' ? 'after' : 'before') : field;
      if (bound === 'before') q.before = q.before === null || date < q.before ? date : q.before;
      else q.after = q.after === null || date > q.after ? date : q.after;
      return true;
    }
    default:
      return false;
  }
}

export interface ParseOptions {
  /** Turns a tag name into its key; null when the name cannot be a tag (then it is searched as words). */
  tagKey: (name: string) => string | null;
}

/** Parses a query. Never throws. */
export function parseQuery(raw: string, opts: ParseOptions): SearchQuery {
  const q = emptyQuery();
  const tokens = tokenize(cleanQueryText(typeof raw === 'string' ? raw : ''));

  // Fields first: a usable one becomes a filter, anything else a plain term.
  const items: Array<{ term: TextTerm; negated: boolean; raw: string }> = [];
  for (const t of tokens) {
    if (t.type === 'field') {
      if (applyField(q, t.field, t.value, t.negated, opts.tagKey)) continue;
      items.push({
        term: { text: t.raw, phrase: t.quoted, prefix: false },
        negated: t.negated,
        raw: t.raw,
      });
    } else {
      items.push(t);
    }
  }

  // Then operators: OR joins its neighbours, AND is implicit, NOT negates the next term.
  let lastGroup: TextTerm[] | null = null;
  let pendingNot = false;
  let joinNext = false;
  let termCount = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const bare = !it.term.phrase && !it.term.prefix && !it.negated;
    const hasNext = k + 1 < items.length;
    const free = !pendingNot && !joinNext;
    if (bare && it.raw === 'OR' && hasNext && lastGroup && free) {
      joinNext = true;
      continue;
    }
    if (bare && it.raw === 'AND' && hasNext && lastGroup && free) continue;
    if (bare && it.raw === 'NOT' && hasNext && free) {
      pendingNot = true;
      continue;
    }
    if (termCount >= MAX_TERMS) break;
    termCount++;
    if (joinNext && lastGroup) {
      joinNext = false;
      lastGroup.push(it.term);
      continue;
    }
    if (it.negated || pendingNot) {
      pendingNot = false;
      q.exclude.push(it.term);
      lastGroup = null;
      continue;
    }
    lastGroup = [it.term];
    q.groups.push(lastGroup);
  }

  q.kinds = [...new Set(q.kinds)];
  q.excludeKinds = [...new Set(q.excludeKinds)];
  q.tags = [...new Set(q.tags)];
  q.excludeTags = [...new Set(q.excludeTags)];
  q.sites = [...new Set(q.sites)];
  q.excludeSites = [...new Set(q.excludeSites)];
  q.langs = [...new Set(q.langs)];
  q.excludeLangs = [...new Set(q.excludeLangs)];
  return q;
}
