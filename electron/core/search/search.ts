import type { Database, Statement } from 'better-sqlite3';
import { safeTagKey } from '../tags/names';
import { locate, makeLocator, type Locator } from './locate';
import { compileTextMatch, type Expand, type TextMatch } from './match';
import { isEmptyQuery, parseQuery, type SearchKind, type SearchQuery } from './query';
import { buildSnippet, mergeRanges, rangesFromHighlight, type Range } from './snippet';
import { compileKind, KIND_SQL, type IndexedKind, type KindStatements } from './sql';

export interface SearchOptions {
  /** Only hits of this kind (the counts still cover every kind the query allows). */
  kind?: SearchKind;
  /** Default 20, at most 200. */
  limit?: number;
  /** Default 0; offset + limit at most 10,000. */
  offset?: number;
}

export interface SearchHit {
  kind: 'article' | 'passage';
  id: string;
  /** The passage's article; the article itself for an article hit. */
  articleId: string;
  /** The article's title (for a passage, the title of its article). */
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

export interface SearchResult {
  /** Hits of every kind the query and `opts.kind` allow. */
  total: number;
  /** Hits per kind for the query, whatever `opts.kind` is (notes: 0 until notes exist). */
  counts: Record<SearchKind, number>;
  hits: SearchHit[];
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
const MAX_WINDOW = 10_000;
/** A 1–2 character CJK term matching more distinct trigrams than this is cut to the first ones. */
export const MAX_EXPANSION = 4000;

const INDEXED: readonly IndexedKind[] = ['article', 'passage'];

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
}

interface Row {
  kind: IndexedKind;
  key: number;
  score: number;
  date: string | null;
}

function kindAllowed(q: SearchQuery, kind: SearchKind): boolean {
  return (q.kinds.length === 0 || q.kinds.includes(kind)) && !q.excludeKinds.includes(kind);
}

/**
 * Searches articles and passages (notes later) with the query language of `query.ts`. Never
 * throws for any query text: a query that can match nothing returns no hits.
 */
export function search(db: Database, query: string, opts: SearchOptions = {}): SearchResult {
  const limit = clampInt(opts.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  const offset = clampInt(opts.offset, 0, MAX_WINDOW - limit, 0);
  const q = parseQuery(query, { tagKey: safeTagKey });
  const counts: Record<SearchKind, number> = { article: 0, passage: 0, note: 0 };
  // Nothing to look for (no words, no filters; exclusions alone do not make a search).
  if (isEmptyQuery(q)) return { total: 0, counts, hits: [] };

  const plans = new Map<IndexedKind, Plan>();
  const pages = new Map<IndexedKind, Array<Omit<Row, 'kind'> & { total?: number }>>();
  for (const kind of INDEXED) {
    if (!kindAllowed(q, kind)) continue;
    const match = compileTextMatch(q, expander(db, kind));
    if (match.impossible || (!match.positive && isEmptyQuery({ ...q, groups: [] }))) continue;
    const stmts = compileKind(kind, q, match);
    plans.set(kind, { stmts, match, locator: makeLocator(match.highlight.wordTerms, match.highlight.substrings) });
    const shownKind = opts.kind === undefined || opts.kind === kind;
    if (stmts.pageCounts) {
      const page = prepare(db, stmts.page).all({ ...stmts.params, limit: shownKind ? offset + limit : 1, offset: 0 }) as Array<Omit<Row, 'kind'> & { total: number }>;
      counts[kind] = page[0]?.total ?? 0;
      if (shownKind) pages.set(kind, page);
    } else {
      counts[kind] = (prepare(db, stmts.count).get(stmts.params) as { n: number }).n;
    }
  }

  const shown = INDEXED.filter((k) => plans.has(k) && (opts.kind === undefined || opts.kind === k));
  const total = shown.reduce((n, k) => n + counts[k], 0);
  const rows: Row[] = [];
  for (const kind of shown) {
    if (!counts[kind]) continue;
    const { stmts } = plans.get(kind)!;
    const page = pages.get(kind) ?? (prepare(db, stmts.page).all({ ...stmts.params, limit: offset + limit, offset: 0 }) as Array<Omit<Row, 'kind'>>);
    for (const r of page) rows.push({ kind, key: r.key, score: r.score, date: r.date });
  }
  // bm25 is lower-is-better; rows ordered by date (filters only) all score 0 and come after.
  rows.sort((a, b) => a.score - b.score || (b.date ?? '').localeCompare(a.date ?? '') || a.key - b.key);
  const hits = rows.slice(offset, offset + limit).map((r) => hitDetails(db, r, plans.get(r.kind)!));
  return { total, counts, hits };
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
