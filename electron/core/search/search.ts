import type { Database, Statement } from 'better-sqlite3';
import { safeTagKey } from '../tags/names';
import { locate, makeLocator, type Locator } from './locate';
import { compileTextMatch, type Expand, type TextMatch } from './match';
import { isEmptyQuery, parseQuery, type SearchKind, type SearchQuery } from './query';
import { buildSnippet, mergeRanges, rangesFromHighlight, type Range } from './snippet';
import { foldForTrigram } from './scripts';
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
/** A 1–2 character CJK term matching more distinct trigrams than this is cut to the first ones. */
export const MAX_EXPANSION = 4000;
/**
 * The most matches of one kind ranked with bm25. bm25 reads every match's position lists and
 * column sizes (5–10 µs a row for a word on every line): ranking the 100,000 articles that hold
 * "the" took 600 ms. A larger match is ranked by tiers — the matches whose title (a passage's
 * tags, a note's title) matches the query, newest first, then the others, newest first — read
 * newest first and stopped after the page, and its count is estimated from the newest matches.
 * Finding out that a match is that large costs reading `RANK_CAP` keys (~1 µs each for a word on
 * every line), so the cap bounds both: 5,000 keeps bm25 for a phrase of common words ("carbon
 * tax", 3,500 of 100,000 articles) and ranks "the" (every article) by tiers.
 */
export const RANK_CAP = 5000;

const INDEXED: readonly IndexedKind[] = ['article', 'passage', 'note'];

function clampInt(v: unknown, lo: number, hi: number, fallback: number): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
  return Math.min(hi, Math.max(lo, n));
}

/** The statements are prepared once per connection and query shape. */
const statementCache = new WeakMap<Database, Map<string, Statement>>();
function prepare(db: Database, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (cache.size > 500) cache.clear();
    cache.set(sql, stmt);
  }
  return stmt;
}

function expander(db: Database, kind: IndexedKind): Expand {
  const vocab = `${KIND_SQL[kind].cjk}_vocab`;
  return (needle) =>
    prepare(db, `SELECT term FROM ${vocab} WHERE term >= ? AND term < ? LIMIT ${MAX_EXPANSION}`)
      .pluck()
      .all(needle, `${needle}\u{10ffff}`) as string[];
}

interface Plan {
  stmts: KindStatements;
  match: TextMatch;
  locator: Locator;
  /** How the page is read: ranked by bm25 (`page`), by tiers (`tiers`, with the newest keys), or given (`short`). */
  order: 'bm25' | { newest: number[] } | Array<Omit<Row, 'kind' | 'rank'>>;
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

/**
 * The size of a match from its newest `sample` keys, the oldest of which is `oldest`: the share
 * of the key range they span, scaled to the whole range (keys grow with time; deleted keys leave
 * gaps that thin both sides alike).
 */
function estimateCount(db: Database, kind: IndexedKind, sample: number, oldest: number): number {
  const { lo, hi } = prepare(db, KIND_SQL[kind].keyRange).get() as { lo: number | null; hi: number | null };
  if (lo === null || hi === null || hi <= oldest) return sample;
  const estimate = (sample * (hi - lo + 1)) / (hi - oldest + 1);
  return roughly(Math.round(Math.min(hi - lo + 1, Math.max(sample, estimate))));
}

/** The keys whose defining fields (`tierColumns`) hold every one of the substrings, compared folded. */
function titledKeys(db: Database, kind: IndexedKind, keys: readonly number[], substrings: readonly string[]): Set<number> {
  const needles = substrings.map(foldForTrigram);
  const out = new Set<number>();
  if (!keys.length || !needles.length) return out;
  const rows = prepare(db, KIND_SQL[kind].tierText).all({ keys: JSON.stringify(keys) }) as Array<{ key: number; text: string | null }>;
  for (const r of rows) {
    const text = foldForTrigram(r.text ?? '');
    if (needles.every((n) => text.includes(n))) out.add(r.key);
  }
  return out;
}

/**
 * The first `n` keys in tier order, tier 1 scored 2 and tier 2 scored 1 (stored negated, like
 * bm25). `newest` are the match's newest keys, newest first: when tier 1 has fewer than `n` keys
 * (so all of them are known), tier 2 is the rest of `newest` — no second pass over the match,
 * which for a prefix term means merging every word's doclist again.
 */
function tierRows(db: Database, stmts: KindStatements, n: number, newest: readonly number[]): Array<Omit<Row, 'kind' | 'rank'>> {
  const [first, second] = stmts.tiers!;
  const top = prepare(db, first).pluck().all({ ...stmts.params, limit: n }) as number[];
  let rest: number[] = [];
  if (top.length < n) {
    const inTop = new Set(top);
    rest = newest.filter((k) => !inTop.has(k)).slice(0, n - top.length);
    if (top.length + rest.length < n) rest = prepare(db, second).pluck().all({ ...stmts.params, limit: n - top.length }) as number[];
  }
  return [...top.map((key) => ({ key, score: -2, date: null })), ...rest.map((key) => ({ key, score: -1, date: null }))];
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
  for (const kind of INDEXED) {
    if (!kindAllowed(q, kind)) continue;
    const match = compileTextMatch(q, expander(db, kind));
    if (match.impossible || (!match.positive && isEmptyQuery({ ...q, groups: [] }))) continue;
    const stmts = compileKind(kind, q, match);
    let order: Plan['order'] = 'bm25';
    if (stmts.short) {
      const all = prepare(db, stmts.short).pluck().all(stmts.params) as number[];
      const first = titledKeys(db, kind, all, match.highlight.substrings);
      counts[kind] = all.length;
      order = all
        .sort((a, b) => Number(first.has(b)) - Number(first.has(a)) || b - a)
        .map((key) => ({ key, score: first.has(key) ? -2 : -1, date: null }));
    } else if (stmts.newest) {
      // The newest matches, up to one more than can be ranked: their number is the count, or
      // the sign that the match is too large to rank and count exactly.
      const keys = prepare(db, stmts.newest).pluck().all({ ...stmts.params, cap: cap + 1 }) as number[];
      if (keys.length <= cap) counts[kind] = keys.length;
      else {
        counts[kind] = estimateCount(db, kind, keys.length, keys.at(-1)!);
        estimated.push(kind);
        order = { newest: keys };
      }
    } else {
      counts[kind] = (prepare(db, stmts.count).get(stmts.params) as { n: number }).n;
    }
    plans.set(kind, { stmts, match, locator: makeLocator(match.highlight.wordTerms, match.highlight.substrings), order });
  }

  const shown = INDEXED.filter((k) => plans.has(k) && (opts.kind === undefined || opts.kind === k));
  const total = shown.reduce((n, k) => n + counts[k], 0);
  const rows: Row[] = [];
  for (const kind of shown) {
    if (!counts[kind]) continue;
    const { stmts, order } = plans.get(kind)!;
    const page =
      order === 'bm25'
        ? (prepare(db, stmts.page).all({ ...stmts.params, limit: offset + limit, offset: 0 }) as Array<Omit<Row, 'kind' | 'rank'>>)
        : Array.isArray(order)
          ? order.slice(0, offset + limit)
          : tierRows(db, stmts, offset + limit, order.newest);
    page.forEach((r, rank) => rows.push({ kind, key: r.key, score: r.score, date: r.date, rank }));
  }
  // Lower is better (bm25's sign); rows ordered by date (filters only) all score 0 and come
  // after; each kind keeps its own order among equals.
  rows.sort((a, b) => a.score - b.score || (b.date ?? '').localeCompare(a.date ?? '') || a.rank - b.rank || INDEXED.indexOf(a.kind) - INDEXED.indexOf(b.kind));
  const hits = rows.slice(offset, offset + limit).map((r) => hitDetails(db, r, plans.get(r.kind)!));
  return { total, counts, estimated, hits };
}

/**
 * Hit ranges in one column of a row: found in JavaScript (see `locate.ts`), else — when that
 * finds nothing — from FTS5's own `highlight()` on the word and trigram indexes.
 */
function columnRanges(db: Database, kind: IndexedKind, key: number, column: number, raw: string, plan: Plan): Range[] {
  const found = locate(raw, plan.locator);
  if (found.length) return mergeRanges(found, raw.length);
  const k = KIND_SQL[kind];
  const ranges: Range[] = [];
  for (const [table, expr] of [
    [k.words, plan.match.highlight.word],
    [k.cjk, plan.match.highlight.cjk],
  ] as const) {
    if (expr === null) continue;
    const h = prepare(db, `SELECT highlight(${table}, ${column}, char(2), char(3)) FROM ${table} WHERE ${table} MATCH ? AND rowid = ?`)
      .pluck()
      .get(expr, key) as string | null | undefined;
    if (typeof h === 'string') ranges.push(...rangesFromHighlight(raw, h));
  }
  return mergeRanges(ranges, raw.length);
}

function hitDetails(db: Database, r: Row, m: Plan): SearchHit {
  const score = r.score === 0 ? 0 : -r.score;
  if (r.kind === 'article') {
    const a = prepare(db, 'SELECT id, title, text FROM articles WHERE rid = ?').get(r.key) as { id: string; title: string; text: string };
    const ranges = columnRanges(db, 'article', r.key, 4, a.text, m);
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
    const n = prepare(db, 'SELECT id, title, text FROM notes WHERE rid = ?').get(r.key) as { id: string; title: string; text: string };
    return { kind: 'note', id: n.id, title: n.title, snippet: buildSnippet(n.text, columnRanges(db, 'note', r.key, 1, n.text, m)), score };
  }
  const p = prepare(
    db,
    `SELECT p.id, p.article_id, a.title, p.exact, p.comment, p.start, p."end" FROM passage_search_ids s
       JOIN passages p ON p.id = s.passage_id JOIN articles a ON a.id = p.article_id WHERE s.rid = ?`,
  ).get(r.key) as { id: string; article_id: string; title: string; exact: string; comment: string; start: number; end: number };
  // The quote with its hits; the comment when only the comment matched.
  const inQuote = columnRanges(db, 'passage', r.key, 0, p.exact, m);
  let snippet = buildSnippet(p.exact, inQuote);
  if (!inQuote.length && p.comment) {
    const inComment = columnRanges(db, 'passage', r.key, 1, p.comment, m);
    if (inComment.length) snippet = buildSnippet(p.comment, inComment);
  }
  return { kind: 'passage', id: p.id, articleId: p.article_id, title: p.title, snippet, score, start: p.start, end: p.end };
}
