import type { Database, Statement } from 'better-sqlite3';
import { safeTagKey } from '../tags/names';
import { cachedStatement } from '../db/statements';
import { locate, makeLocator, type Locator } from './locate';
import {
  compileTextMatch,
  MAX_PREFIX_WORDS,
  type Expand,
  type ExpandPrefix,
  type TextMatch,
} from './match';
import type { SearchKind } from '../../model/search';
import { isEmptyQuery, parseQuery, type SearchQuery } from './query';
import { buildSnippet, mergeRanges, rangesFromHighlight, type Range } from './snippet';
import { foldForTrigram } from './scripts';
import { ARTICLE_COLUMNS } from './indexes';
import { compileKind, KIND_SQL, type IndexedKind, type KindStatements } from './sql';

export interface SearchOptions {
  /** Only hits of this kind (the counts still cover every kind the query allows). */
  kind?: SearchKind;
  /** Default 20, at most 200. */
  limit?: number;
  /** Default 0; offset + limit at most 10,000. */
  offset?: number;
  /** The most matches of a kind ranked by bm25 (default `RANK_CAP`; tests set it low). */
  rankCap?: number;
}

interface HitCommon {
  id: string;
  /** The article's title (for a passage, the title of its article), or the note's. */
  title: string;
  /** A window of the text with hits between U+0002 and U+0003 (see `snippet.ts`). */
  snippet: string;
  /** Relevance, higher is better (negated bm25); 0 for a query of filters only. */
  score: number;
  /**
   * Where to scroll in the article's canonical text: the first hit in the body for an article
   * (absent when only the title or other fields matched), the passage's range for a passage.
   */
  start?: number;
  end?: number;
  /**
   * The tags of a passage or note that the query's words matched, each with its hits marked as
   * in `snippet`: they show why an item matched when its text doesn't say. Absent when none.
   */
  matchedTags?: string[];
}

export type SearchHit =
  | (HitCommon & {
      kind: 'article' | 'passage';
      /** The passage's article; the article itself for an article hit. */
      articleId: string;
    })
  /** A note has no article; `start`/`end` are absent. */
  | (HitCommon & { kind: 'note' });

export interface SearchResult {
  /** Hits of every kind the query and `opts.kind` allow. */
  total: number;
  /** Hits per kind for the query, whatever `opts.kind` is. */
  counts: Record<SearchKind, number>;
  /**
   * Kinds whose count is an estimate ("about N"): more than `RANK_CAP` matches. Their hits are
   * ranked by tiers (see `compileKind`) instead of bm25, and `total` is then an estimate too.
   */
  estimated: SearchKind[];
  hits: SearchHit[];
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
const MAX_WINDOW = 10_000;
/** A short mixed-script term matching more distinct trigrams than this is cut to the first ones. */
export const MAX_EXPANSION = 4000;
/**
 * The most matches of one kind ranked with bm25. bm25 reads every match's position lists and
 * column sizes (5–10 µs a row for a word on every line): ranking the 100,000 articles that hold
 * "the" took 600 ms. A larger match is ranked by tiers — the matches whose title (a passage's
 * tags, a note's title) matches the query, newest first, then the others, newest first — read
 * newest first and stopped after the page, and its count is estimated from the density of the
 * first `RANK_CAP` matches counted.
 * Finding out that a match is that large costs reading `RANK_CAP` keys (~0.1 µs each for a word
 * on every line, counted inside SQLite), so the cap bounds both: 5,000 keeps bm25 for a phrase of
 * common words ("carbon tax", 3,500 of 100,000 articles) and ranks "the" (every article) by tiers.
 */
export const RANK_CAP = 5000;
/**
 * The first probe of a match counts at most `cap / SAMPLE_SHARE` matches, oldest first. Fewer:
 * that is the count, and bm25 ranks them. As many: their density over the keys they span
 * estimates the match, and one that looks small (at most the cap) is ranked and counted in one
 * pass (`ranked`); otherwise it is counted first, so that a large match never pays for bm25.
 * Counting first costs a small match a whole extra pass (5 ms of 18 for "carbon tax" at 100,000
 * articles). A sample that misjudges (a match crowded into some keys) costs one bm25 pass over at
 * most `cap` matches — about the bare FTS5 query's own cost — and never changes the result.
 */
const SAMPLE_SHARE = 8;

const INDEXED: readonly IndexedKind[] = ['article', 'passage', 'note'];

function clampInt(v: unknown, lo: number, hi: number, fallback: number): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
  return Math.min(hi, Math.max(lo, n));
}

/** The statements are prepared once per connection and query shape. */
const prepare = (db: Database, sql: string): Statement => cachedStatement(db, sql);

/** Whether the library's schema has the trash (migration 13), once per connection. */
const trashKnown = new WeakMap<Database, boolean>();
function hasTrash(db: Database): boolean {
  let known = trashKnown.get(db);
  if (known === undefined) {
    known =
      db
        .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'article_state'")
        .get() !== undefined;
    trashKnown.set(db, known);
  }
  return known;
}

function expander(db: Database, kind: IndexedKind): Expand {
  const vocab = `${KIND_SQL[kind].cjk}_vocab`;
  return (needle) =>
    prepare(db, `SELECT term FROM ${vocab} WHERE term >= ? AND term < ? LIMIT ${MAX_EXPANSION}`)
      .pluck()
      .all(needle, `${needle}\u{10ffff}`) as string[];
}

/** The word index's words starting with `prefix` (see `ExpandPrefix`): a range of its vocabulary. */
function prefixExpander(db: Database, kind: IndexedKind): ExpandPrefix {
  return (prefix) => {
    const words = prepare(
      db,
      `SELECT term FROM ${KIND_SQL[kind].wordVocab} WHERE term >= ? AND term < ? LIMIT ${MAX_PREFIX_WORDS + 1}`,
    )
      .pluck()
      .all(prefix, `${prefix}\u{10ffff}`) as string[];
    return words.length > MAX_PREFIX_WORDS ? null : words;
  };
}

type PageRow = Omit<Row, 'kind' | 'rank'>;

interface Plan {
  stmts: KindStatements;
  match: TextMatch;
  locator: Locator;
  /** How the page is read: ranked by bm25 (`page`), by tiers (`tiers`), or given (ranked already, or `short`). */
  order: 'bm25' | 'tiers' | PageRow[];
}

interface Row {
  kind: IndexedKind;
  key: number;
  score: number;
  date: string | null;
  /** Position in its kind's own order (the tie-break that keeps it). */
  rank: number;
}

function kindAllowed(q: SearchQuery, kind: SearchKind): boolean {
  return (q.kinds.length === 0 || q.kinds.includes(kind)) && !q.excludeKinds.includes(kind);
}

/** Two significant digits: an estimate should not look exact. */
function roughly(n: number): number {
  if (n < 100) return n;
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

interface KeyRange {
  lo: number;
  hi: number;
}

/**
 * The size of a match from the `sample` matches found between keys `from` and `to`: their
 * density there, scaled to the whole key range (deleted keys leave gaps that thin both alike).
 */
function estimateCount({ lo, hi }: KeyRange, sample: number, from: number, to: number): number {
  const estimate = (sample * (hi - lo + 1)) / Math.max(1, to - from + 1);
  return roughly(Math.round(Math.min(hi - lo + 1, Math.max(sample, estimate))));
}

interface Probe {
  n: number;
  last: number | null;
}

interface Sized {
  count: number;
  /** The count is an estimate: the match is larger than `cap`. */
  large: boolean;
  /** The page, when the match was ranked while being counted. */
  ranked?: PageRow[];
}

function keyRange(db: Database, kind: IndexedKind): KeyRange {
  const range = prepare(db, KIND_SQL[kind].keyRange).get() as {
    lo: number | null;
    hi: number | null;
  };
  return { lo: range.lo ?? 0, hi: range.hi ?? 0 };
}

/** How many matches there are, counting at most `max`, and the largest key counted. */
function probe(db: Database, stmts: KindStatements, max: number): Probe {
  return prepare(db, stmts.probe!).get({ ...stmts.params, cap: max }) as Probe;
}

/** Past the cap, the count is estimated from the density of the matches counted (from the first key). */
function large(db: Database, kind: IndexedKind, p: Probe): Sized {
  const keys = keyRange(db, kind);
  return { count: estimateCount(keys, p.n, keys.lo, p.last ?? keys.hi), large: true };
}

/** A match's count alone: exact up to `cap`, estimated past it. */
function countMatch(db: Database, kind: IndexedKind, stmts: KindStatements, cap: number): Sized {
  const whole = probe(db, stmts, cap + 1);
  return whole.n > cap ? large(db, kind, whole) : { count: whole.n, large: false };
}

/** Counts a match and, when it is small enough, ranks it (see `SAMPLE_SHARE`). */
function sizeMatch(
  db: Database,
  kind: IndexedKind,
  stmts: KindStatements,
  cap: number,
  pageSize: number,
): Sized {
  const rank = (): Sized => {
    const rows = prepare(db, stmts.ranked!).all({
      ...stmts.params,
      cap: cap + 1,
      limit: pageSize,
    }) as Array<{ key: number; score: number; n: number; last: number }>;
    const n = rows[0]?.n ?? 0;
    if (n > cap) return large(db, kind, { n, last: rows[0]!.last });
    return {
      count: n,
      large: false,
      ranked: rows.map((r) => ({ key: r.key, score: r.score, date: null })),
    };
  };
  // A required tag on few keys bounds the match: no sample needed.
  if (
    stmts.bound !== null &&
    (prepare(db, stmts.bound).get(stmts.params) as { n: number }).n <= cap
  )
    return rank();
  const size = Math.max(1, Math.floor(cap / SAMPLE_SHARE));
  const sample = probe(db, stmts, size);
  if (sample.n < size) return { count: sample.n, large: false };
  const { lo, hi } = keyRange(db, kind);
  if ((sample.n * (hi - lo + 1)) / Math.max(1, (sample.last ?? hi) - lo + 1) <= cap) return rank();
  return countMatch(db, kind, stmts, cap);
}

/**
 * More than the largest |bm25| of any row of a one-phrase match of `n` rows, in an index of at
 * most `rows` rows. FTS5's bm25 (fts5_aux.c) is, per phrase, idf · f·(k1 + 1) / (f + k1·(1 − b +
 * b·D/avgdl)) with k1 = 1.2, b = 0.75 and idf = ln((N − n + 0.5) / (n + 0.5)) floored at 1e-6:
 * below idf · (k1 + 1) whatever the frequency f and length D, and idf grows with N. For a word
 * in more than ~40% of the rows it is below 1, the score of the lower tier.
 */
function bm25Bound(n: number, rows: number): number {
  const idf = Math.log((rows - n + 0.5) / (n + 0.5));
  return 2.2 * (idf > 0 ? idf : 1e-6);
}

/** The keys whose defining fields (`tierColumns`) hold every one of the substrings, compared folded. */
function titledKeys(
  db: Database,
  kind: IndexedKind,
  keys: readonly number[],
  substrings: readonly string[],
): Set<number> {
  const needles = substrings.map(foldForTrigram);
  const out = new Set<number>();
  if (!keys.length || !needles.length) return out;
  const rows = prepare(db, KIND_SQL[kind].tierText).all({ keys: JSON.stringify(keys) }) as Array<{
    key: number;
    text: string | null;
  }>;
  for (const r of rows) {
    const text = foldForTrigram(r.text ?? '');
    if (needles.every((n) => text.includes(n))) out.add(r.key);
  }
  return out;
}

/**
 * The first `n` keys in tier order, tier 1 scored 2 and tier 2 scored 1 (stored negated, like
 * bm25). Each tier is read newest first and stops after the rows the page needs.
 */
function tierRows(db: Database, stmts: KindStatements, n: number): PageRow[] {
  const [first, second] = stmts.tiers!;
  const top = prepare(db, first)
    .pluck()
    .all({ ...stmts.params, limit: n }) as number[];
  const rest =
    top.length < n
      ? (prepare(db, second)
          .pluck()
          .all({ ...stmts.params, limit: n - top.length }) as number[])
      : [];
  return [
    ...top.map((key) => ({ key, score: -2, date: null })),
    ...rest.map((key) => ({ key, score: -1, date: null })),
  ];
}

/**
 * Searches articles, passages and notes with the query language of `query.ts`. Never
 * throws for any query text: a query that can match nothing returns no hits.
 */
export function search(db: Database, query: string, opts: SearchOptions = {}): SearchResult {
  const limit = clampInt(opts.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  const offset = clampInt(opts.offset, 0, MAX_WINDOW - limit, 0);
  const cap = clampInt(opts.rankCap, 1, RANK_CAP, RANK_CAP);
  const q = parseQuery(query, { tagKey: safeTagKey });
  const counts: Record<SearchKind, number> = { article: 0, passage: 0, note: 0 };
  const estimated: SearchKind[] = [];
  // Nothing to look for (no words, no filters; exclusions alone do not make a search).
  if (isEmptyQuery(q)) return { total: 0, counts, estimated, hits: [] };

  const plans = new Map<IndexedKind, Plan>();
  // Rows already known to score in a tier (-2 or -1) among the kinds shown: when they fill the
  // page, a kind whose bm25 cannot reach -1 (see `bm25Bound`) is counted but not ranked.
  let tierRowsAhead = 0;
  for (const kind of INDEXED) {
    if (!kindAllowed(q, kind)) continue;
    const match = compileTextMatch(q, expander(db, kind), prefixExpander(db, kind));
    if (match.impossible || (!match.positive && isEmptyQuery({ ...q, groups: [] }))) continue;
    const stmts = compileKind(kind, q, match, hasTrash(db));
    let order: Plan['order'] = 'bm25';
    if (stmts.short) {
      const all = prepare(db, stmts.short).pluck().all(stmts.params) as number[];
      const first = titledKeys(db, kind, all, match.highlight.substrings);
      counts[kind] = all.length;
      order = all
        .sort((a, b) => Number(first.has(b)) - Number(first.has(a)) || b - a)
        .map((key) => ({ key, score: first.has(key) ? -2 : -1, date: null }));
    } else if (stmts.probe) {
      const shown = opts.kind === undefined || opts.kind === kind;
      // A kind whose hits are not shown is only counted; so is one that may rank below the page.
      const outranked =
        shown && tierRowsAhead >= offset + limit && match.singlePhrase && !stmts.restricted;
      const sized =
        !shown || outranked
          ? countMatch(db, kind, stmts, cap)
          : sizeMatch(db, kind, stmts, cap, offset + limit);
      counts[kind] = sized.count;
      if (sized.large) {
        estimated.push(kind);
        order = 'tiers';
        if (shown) tierRowsAhead += cap + 1;
      } else if (sized.ranked) order = sized.ranked;
      else if (outranked) {
        const { lo, hi } = keyRange(db, kind);
        if (bm25Bound(sized.count, hi - lo + 1) < 1) order = [];
      }
    } else {
      counts[kind] = (prepare(db, stmts.count).get(stmts.params) as { n: number }).n;
    }
    plans.set(kind, {
      stmts,
      match,
      locator: makeLocator(match.highlight.wordTerms, match.highlight.substrings),
      order,
    });
  }

  const shown = INDEXED.filter((k) => plans.has(k) && (opts.kind === undefined || opts.kind === k));
  const total = shown.reduce((n, k) => n + counts[k], 0);
  const rows: Row[] = [];
  for (const kind of shown) {
    if (!counts[kind]) continue;
    const { stmts, order } = plans.get(kind)!;
    const page =
      order === 'bm25'
        ? (prepare(db, stmts.page).all({
            ...stmts.params,
            limit: offset + limit,
            offset: 0,
          }) as PageRow[])
        : order === 'tiers'
          ? tierRows(db, stmts, offset + limit)
          : order.slice(0, offset + limit);
    page.forEach((r, rank) => rows.push({ kind, key: r.key, score: r.score, date: r.date, rank }));
  }
  // Lower is better (bm25's sign); rows ordered by date (filters only) all score 0 and come
  // after; each kind keeps its own order among equals.
  rows.sort(
    (a, b) =>
      a.score - b.score ||
      (b.date ?? '').localeCompare(a.date ?? '') ||
      a.rank - b.rank ||
      INDEXED.indexOf(a.kind) - INDEXED.indexOf(b.kind),
  );
  const hits = rows.slice(offset, offset + limit).map((r) => hitDetails(db, r, plans.get(r.kind)!));
  return { total, counts, estimated, hits };
}

/**
 * Hit ranges in one column of a row: found in JavaScript (see `locate.ts`), else — when that
 * finds nothing and nothing else of the row (`explained`) showed why it matched — from FTS5's
 * own `highlight()` on the word and trigram indexes.
 */
function columnRanges(
  db: Database,
  kind: IndexedKind,
  key: number,
  column: number,
  raw: string,
  plan: Plan,
  explained = false,
): Range[] {
  const found = locate(raw, plan.locator);
  if (found.length || explained) return mergeRanges(found, raw.length);
  const k = KIND_SQL[kind];
  const ranges: Range[] = [];
  for (const [table, expr] of [
    [k.words, plan.match.highlight.word],
    [k.cjk, plan.match.highlight.cjk],
  ] as const) {
    if (expr === null) continue;
    // CAST: better-sqlite3 binds a JavaScript number as a REAL, and FTS5 ignores a REAL rowid
    // bound: `rowid = ?` would highlight whichever row matched first.
    const h = prepare(
      db,
      `SELECT highlight(${table}, ${column}, char(2), char(3)) FROM ${table} WHERE ${table} MATCH ? AND rowid = CAST(? AS INTEGER)`,
    )
      .pluck()
      .get(expr, key) as string | null | undefined;
    if (typeof h === 'string') ranges.push(...rangesFromHighlight(raw, h));
  }
  return mergeRanges(ranges, raw.length);
}

function hasHit(text: string, plan: Plan): boolean {
  return locate(text, plan.locator, 1).length > 0;
}

/** The tag names (of a passage or note, by `sql`) the query's words hit, marked; undefined when none. */
function matchedTags(db: Database, sql: string, id: string, plan: Plan): string[] | undefined {
  const names = prepare(db, sql).pluck().all(id) as string[];
  const marked = names.flatMap((name) => {
    const ranges = locate(name, plan.locator);
    return ranges.length ? [buildSnippet(name, mergeRanges(ranges, name.length))] : [];
  });
  return marked.length ? marked : undefined;
}
const PASSAGE_TAG_NAMES =
  'SELECT t.name FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = ? ORDER BY t.name_key';
const NOTE_TAG_NAMES =
  'SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = ? ORDER BY t.name_key';

function hitDetails(db: Database, r: Row, m: Plan): SearchHit {
  const score = r.score === 0 ? 0 : -r.score;
  if (r.kind === 'article') {
    const a = prepare(db, 'SELECT id, title, subtitle, text FROM articles WHERE rid = ?').get(
      r.key,
    ) as { id: string; title: string; subtitle: string | null; text: string };
    // A title hit explains the match: no highlight() of the body to find nothing there.
    const ranges = columnRanges(
      db,
      'article',
      r.key,
      ARTICLE_COLUMNS.indexOf('text'),
      a.text,
      m,
      hasHit(`${a.title}\n${a.subtitle ?? ''}`, m),
    );
    const first = ranges[0];
    return {
      kind: 'article',
      id: a.id,
      articleId: a.id,
      title: a.title,
      snippet: buildSnippet(a.text, ranges),
      score,
      ...(first ? { start: first[0], end: first[1] } : {}),
    };
  }
  if (r.kind === 'note') {
    const n = prepare(db, 'SELECT id, title, text FROM notes WHERE rid = ?').get(r.key) as {
      id: string;
      title: string;
      text: string;
    };
    const tags = matchedTags(db, NOTE_TAG_NAMES, n.id, m);
    const snippet = buildSnippet(
      n.text,
      columnRanges(db, 'note', r.key, 1, n.text, m, hasHit(n.title, m) || tags !== undefined),
    );
    return {
      kind: 'note',
      id: n.id,
      title: n.title,
      snippet,
      score,
      ...(tags ? { matchedTags: tags } : {}),
    };
  }
  const p = prepare(
    db,
    `SELECT p.id, p.article_id, a.title, p.exact, p.comment, p.start, p."end" FROM passage_search_ids s
       JOIN passages p ON p.id = s.passage_id JOIN articles a ON a.id = p.article_id WHERE s.rid = ?`,
  ).get(r.key) as {
    id: string;
    article_id: string;
    title: string;
    exact: string;
    comment: string;
    start: number;
    end: number;
  };
  // The quote with its hits; the comment when only the comment matched.
  const tags = matchedTags(db, PASSAGE_TAG_NAMES, p.id, m);
  const byTag = tags !== undefined;
  const inQuote = columnRanges(db, 'passage', r.key, 0, p.exact, m, byTag);
  let snippet = buildSnippet(p.exact, inQuote);
  if (!inQuote.length && p.comment) {
    const inComment = columnRanges(db, 'passage', r.key, 1, p.comment, m, byTag);
    if (inComment.length) snippet = buildSnippet(p.comment, inComment);
  }
  return {
    kind: 'passage',
    id: p.id,
    articleId: p.article_id,
    title: p.title,
    snippet,
    score,
    start: p.start,
    end: p.end,
    ...(tags ? { matchedTags: tags } : {}),
  };
}
