/**
 * SQL for one kind of searchable item, compiled from a parsed query and its text match. Pure.
 * Three indexes per kind (word, trigram, CJK grams); a new kind (notes) adds an entry to
 * `KIND_SQL` and its filters below, and `search` merges the kinds by score.
 */
import type { SearchQuery } from './query';
import { ROUTES, type IndexSets, type Route, type TextMatch } from './match';

export type IndexedKind = 'article' | 'passage' | 'note';
export type Params = Record<string, string | number>;

interface KindSql {
  words: string;
  cjk: string;
  /** The CJK 1–2 character gram index (migration 7), same columns as the others. */
  grams: string;
  /** The word index's vocabulary (fts5vocab, migration 7): prefix terms are expanded from it. */
  wordVocab: string;
  /** bm25 column weights, in the index's column order. */
  weights: readonly number[];
  /** Rows of the kind joined so that `a` (article) and, for passages, `p` are in scope; `key` is the index rowid. */
  base: string;
  key: string;
  /** Joins from an index row (`<index>.rowid`) to `base`'s aliases; '' when no columns are needed. */
  join(index: string, needColumns: boolean): string;
  /** Only rows that are in the indexes (live passages). */
  live: string;
  /** The item's date for before:/after: and for ordering results that have no text score. */
  date: string;
  /**
   * The columns whose hits put a result in the first tier when a match is ranked by tiers
   * (see `compileKind`): the fields that name what an item is about.
   */
  tierColumns: string;
  /** One row { lo, hi }: the smallest and largest index key, to estimate a count from a sample. */
  keyRange: string;
  /** Rows { key, text }: the `tierColumns` text of the keys in the JSON array `@keys`. */
  tierText: string;
}

/**
 * Weights: a hit in an article's title (10) or subtitle (5) outranks any number of hits in the
 * body (1): bm25 saturates term frequency at (k1 + 1) = 2.2 times the weight. A passage's tags (8)
 * name what it is about; its comment (2) is the reader's own words; the quote is the body.
 */
export const KIND_SQL: Record<IndexedKind, KindSql> = {
  article: {
    words: 'articles_fts',
    cjk: 'articles_cjk',
    grams: 'articles_grams',
    wordVocab: 'articles_fts_vocab',
    weights: [1, 10, 5, 2, 2], // text, title, subtitle, byline, site_name (ARTICLE_COLUMNS)
    base: 'articles a',
    key: 'a.rid',
    join: (index, need) => (need ? `JOIN articles a ON a.rid = ${index}.rowid` : ''),
    live: '1',
    date: 'coalesce(a.published, a.created_at)',
    tierColumns: '{title subtitle}',
    keyRange: 'SELECT (SELECT min(rid) FROM articles) AS lo, (SELECT max(rid) FROM articles) AS hi',
    tierText:
      "SELECT rid AS key, title || ' ' || coalesce(subtitle, '') AS text FROM articles WHERE rid IN (SELECT value FROM json_each(@keys))",
  },
  passage: {
    words: 'passages_fts',
    cjk: 'passages_cjk',
    grams: 'passages_grams',
    wordVocab: 'passages_fts_vocab',
    weights: [1, 2, 8], // exact, comment, tags
    base: 'passages p JOIN passage_search_ids s ON s.passage_id = p.id JOIN articles a ON a.id = p.article_id',
    key: 's.rid',
    // The indexes hold live passages only (see migration 3): a join is needed for filters on columns alone.
    join: (index, need) =>
      need
        ? `JOIN passage_search_ids s ON s.rid = ${index}.rowid JOIN passages p ON p.id = s.passage_id JOIN articles a ON a.id = p.article_id`
        : '',
    live: 'p.deleted_at IS NULL',
    date: 'p.created_at',
    tierColumns: '{tags}',
    keyRange:
      'SELECT (SELECT min(rid) FROM passage_search_ids) AS lo, (SELECT max(rid) FROM passage_search_ids) AS hi',
    tierText:
      'SELECT rowid AS key, tags AS text FROM passages_fts WHERE rowid IN (SELECT value FROM json_each(@keys))',
  },
  // A note's title names it (10); its tags (8) as a passage's; its text is the body (1). See migration 5.
  note: {
    words: 'notes_fts',
    cjk: 'notes_cjk',
    grams: 'notes_grams',
    wordVocab: 'notes_fts_vocab',
    weights: [10, 1, 8], // title, text, tags
    base: 'notes n',
    key: 'n.rid',
    join: (index, need) => (need ? `JOIN notes n ON n.rid = ${index}.rowid` : ''),
    live: 'n.deleted_at IS NULL',
    date: 'n.created_at',
    tierColumns: '{title}',
    keyRange: 'SELECT (SELECT min(rid) FROM notes) AS lo, (SELECT max(rid) FROM notes) AS hi',
    tierText:
      'SELECT rid AS key, title AS text FROM notes WHERE rid IN (SELECT value FROM json_each(@keys))',
  },
};

/**
 * The keys of the rows in the trash per kind (articles put in the trash and their passages), read
 * from the small partial index of trashed articles (migration 13).
 */
const TRASHED_KEYS: Record<IndexedKind, string | null> = {
  article: `SELECT a3.rid FROM article_state st JOIN articles a3 ON a3.id = st.article_id WHERE st.deleted_at IS NOT NULL`,
  passage: `SELECT s3.rid FROM article_state st JOIN passages p3 ON p3.article_id = st.article_id
    JOIN passage_search_ids s3 ON s3.passage_id = p3.id WHERE st.deleted_at IS NOT NULL`,
  note: null,
};

/** Escapes LIKE's wildcards for `ESCAPE '\'`. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The host of an http(s) URL in `a.source`, lower-cased ('' for a file path). */
const HOST = `lower(CASE WHEN instr(a.source, '://') > 0
  THEN substr(substr(a.source, instr(a.source, '://') + 3), 1, instr(substr(a.source, instr(a.source, '://') + 3) || '/', '/') - 1)
  ELSE '' END)`;

/**
 * Conditions from the query's filters (tags, sites, languages, dates) on rows of `base`; tag
 * conditions of articles test `rowKey` alone, so a tag filter needs no read of the article row.
 * `needsRow` says whether any condition reads the row's columns.
 */
export function filterConditions(
  kind: IndexedKind,
  q: SearchQuery,
  params: Params,
  rowKey: string,
): { where: string[]; needsRow: boolean; taggedKeys: string[] } {
  const where: string[] = [];
  let n = 0;
  const param = (value: string): string => {
    const name = `f${n++}`;
    params[name] = value;
    return `@${name}`;
  };
  // A tag condition is the set of keys the tag's rows name (a few hundred), built once from the
  // tag index and tested against each key of the index scan: no row of the kind is read. Written
  // `p.id IN (…)` instead, the planner looked every listed passage up again for each FTS row.
  /** The keys carrying a tag, from the tag's rows. */
  const taggedKeys = (key: string): string => {
    const k = param(key);
    if (kind === 'article') {
      return `SELECT a2.rid FROM articles a2 WHERE a2.id IN (
           SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ${k}
           UNION SELECT p2.article_id FROM passages p2 JOIN passage_tags pt ON pt.passage_id = p2.id JOIN tags t2 ON t2.id = pt.tag_id
             WHERE t2.name_key = ${k} AND p2.deleted_at IS NULL)`;
    }
    if (kind === 'note')
      return `SELECT n2.rid FROM tags t JOIN note_tags nt ON nt.tag_id = t.id JOIN notes n2 ON n2.id = nt.note_id WHERE t.name_key = ${k}`;
    return `SELECT s2.rid FROM tags t JOIN passage_tags pt ON pt.tag_id = t.id JOIN passage_search_ids s2 ON s2.passage_id = pt.passage_id
           WHERE t.name_key = ${k}`;
  };
  const required = q.tags.map(taggedKeys);
  for (const keys of required) where.push(`+${rowKey} IN (${keys})`);
  for (const t of q.excludeTags) where.push(`NOT +${rowKey} IN (${taggedKeys(t)})`);
  const tagConditions = where.length;

  if (kind === 'note') {
    // A note has no site or language: site:/lang: leave no note, -site:/-lang: every one.
    if (q.sites.length || q.langs.length) where.push('0');
    const date = KIND_SQL.note.date;
    if (q.before !== null) where.push(`${date} < ${param(q.before)}`);
    if (q.after !== null) where.push(`${date} >= ${param(q.after)}`);
    return { where, needsRow: q.before !== null || q.after !== null, taggedKeys: required };
  }

  const site = (s: string): string =>
    `(instr(lower(coalesce(a.site_name, '')), ${param(s)}) > 0 OR ${HOST} = ${param(s)} OR ${HOST} LIKE ${param(`%.${likeEscape(s)}`)} ESCAPE '\\')`;
  if (q.sites.length) where.push(`(${q.sites.map(site).join(' OR ')})`);
  for (const s of q.excludeSites) where.push(`NOT ${site(s)}`);

  const lang = (l: string): string =>
    `(lower(coalesce(a.lang, '')) = ${param(l)} OR lower(coalesce(a.lang, '')) LIKE ${param(`${l}-%`)})`;
  if (q.langs.length) where.push(`(${q.langs.map(lang).join(' OR ')})`);
  for (const l of q.excludeLangs) where.push(`NOT ${lang(l)}`);

  const date = KIND_SQL[kind].date;
  if (q.before !== null) where.push(`${date} < ${param(q.before)}`);
  if (q.after !== null) where.push(`${date} >= ${param(q.after)}`);
  return { where, needsRow: where.length > tagConditions, taggedKeys: required };
}

/** The index answering each route, and the letter its parameters are named by. */
function routeTable(k: KindSql, route: Route): { table: string; letter: string } {
  return route === 'word'
    ? { table: k.words, letter: 'w' }
    : route === 'cjk'
      ? { table: k.cjk, letter: 'c' }
      : { table: k.grams, letter: 'g' };
}

function inSets(k: KindSql, sets: IndexSets, params: Params, name: string): string {
  const parts: string[] = [];
  for (const route of ROUTES) {
    const expr = sets[route];
    if (expr === null) continue;
    const { table, letter } = routeTable(k, route);
    params[`${name}${letter}`] = expr;
    parts.push(`SELECT rowid FROM ${table} WHERE ${table} MATCH @${name}${letter}`);
  }
  return parts.join(' UNION ');
}

export interface KindStatements {
  params: Params;
  /** Some condition besides the driving MATCH narrows the rows (another index, a filter). */
  restricted: boolean;
  /**
   * One row { n }: how many keys carry the least used of the required tags — at least as many
   * as the match has, read from the tag's rows alone. Null without a required tag.
   */
  bound: string | null;
  /**
   * One row { n, last }: how many matches there are, counting at most `cap` (in key order), and
   * the largest key counted; bind `cap`. Stopping after `cap` rows and returning one row, it
   * counts a match cheaply, tells whether it is small enough to rank, and samples its density
   * (see `search.ts`). Null for a query of filters only.
   */
  probe: string | null;
  /**
   * Rows { key, score, n, last }, best first, of the first `cap` matches (in key order) ranked by
   * bm25, each row also carrying their number and largest key; bind `cap` and `limit`. One pass
   * ranks and counts a match known to be small; `n` = `cap` says it was not. Null for filters only.
   */
  ranked: string | null;
  /** Rows { key, score, date }, best first; bind `limit` and `offset`. */
  page: string;
  /** One row { n }: the number of matches (a query of filters only; `probe` counts the others). */
  count: string;
  /**
   * The match in two tiers, rows { key } newest first, bind `limit`: the rows whose defining
   * fields (`tierColumns`) match the query, then the others. Both stop after `limit` rows, so
   * their cost does not grow with the size of the match. Null for a query of filters only.
   */
  tiers: readonly [string, string] | null;
  /**
   * Set for a match driven by short mixed-script terms expanded to trigrams, which bm25 cannot
   * rank cheaply: rows { key } of every match in index order, always ranked by tiers in
   * JavaScript. (An OR of hundreds of trigrams: read newest first it cost FTS5 4× more, and a
   * second pass for the title tier as much again as reading the matches' titles; see `search.ts`.)
   */
  short: string | null;
}

/**
 * The statements for one kind. The index that drives the scan is the word index when the query
 * has word terms, else the trigram index, else the gram index, else the kind's table (filters
 * only); everything else is a rowid condition on it.
 */
export function compileKind(
  kind: IndexedKind,
  q: SearchQuery,
  m: TextMatch,
  /** The library has a trash (migration 13); older schemas, read by their migrations' tests, don't. */
  hasTrash = true,
): KindStatements {
  const k = KIND_SQL[kind];
  const params: Params = {};
  const driverRoute: Route | null =
    m.word !== null ? 'word' : m.cjk !== null ? 'cjk' : m.gram !== null ? 'gram' : null;
  const driver = driverRoute ? routeTable(k, driverRoute).table : null;
  const key = driver ? `${driver}.rowid` : k.key;
  const filters = filterConditions(kind, q, params, key);
  // Conditions besides the driving MATCH, shared by every statement below.
  const rest: string[] = [];
  for (const route of ROUTES) {
    const expr = m[route];
    if (expr === null) continue;
    const { table, letter } = routeTable(k, route);
    params[letter] = expr;
    // "+key IN (…)": evaluated against the subquery's result, built once. A bare `rowid IN (…)`
    // on an FTS5 table is pushed into the index as one MATCH per value: 1.9 s instead of 60 ms
    // for a tag filter over 100,000 articles.
    if (route !== driverRoute)
      rest.push(`+${key} IN (SELECT rowid FROM ${table} WHERE ${table} MATCH @${letter})`);
  }
  m.anyOf.forEach((sets, i) => rest.push(`+${key} IN (${inSets(k, sets, params, `any${i}_`)})`));
  m.noneOf.forEach((sets, i) =>
    rest.push(`+${key} NOT IN (${inSets(k, sets, params, `none${i}_`)})`),
  );
  rest.push(...filters.where);
  // Articles in the trash, and their passages, are never found. Rarely many rows: it doesn't count
  // as narrowing the match.
  const restricted = rest.length > 0;
  const trashed = hasTrash ? TRASHED_KEYS[kind] : null;
  if (trashed) rest.push(`+${key} NOT IN (${trashed})`);

  if (!driver || !driverRoute) {
    const cond = `WHERE ${[...rest, k.live].join(' AND ')}`;
    return {
      params,
      restricted: true,
      bound: null,
      probe: null,
      ranked: null,
      page: `SELECT ${key} AS key, 0 AS score, ${k.date} AS date FROM ${k.base} ${cond} ORDER BY date DESC, key DESC LIMIT @limit OFFSET @offset`,
      count: `SELECT count(*) AS n FROM ${k.base} ${cond}`,
      tiers: null,
      short: null,
    };
  }

  const expr = `@${routeTable(k, driverRoute).letter}`;
  const driving = m[driverRoute]!;
  const from = `${driver} ${k.join(driver, filters.needsRow)}`;
  const where = (match: string) => `WHERE ${[`${driver} MATCH ${match}`, ...rest].join(' AND ')}`;
  // The tiers: hits of the whole expression in the defining columns, then the rest. Without a
  // NOT, the column filter alone implies the expression, and FTS5 evaluates it once (a prefix
  // term builds its merged doclist once per occurrence). ") NOT " can also come from a quoted
  // user string: then the longer, equally correct form is used.
  params.tier1 = driving.includes(') NOT ')
    ? `(${driving}) AND ${k.tierColumns} : (${driving})`
    : `${k.tierColumns} : (${driving})`;
  params.tier2 = `(${driving}) NOT ${k.tierColumns} : (${driving})`;
  const tier = (match: string) =>
    `SELECT ${key} AS key FROM ${from} ${where(match)} ORDER BY key DESC LIMIT @limit`;
  const score = `bm25(${driver}, ${k.weights.join(', ')})`;
  // Counting and ranking read the match in ascending key order, FTS5's own: a phrase read in
  // descending order cost twice as much ("carbon tax": 18 vs 9 ms for 3,400 matches of 100,000).
  const counted = `SELECT ${key} AS key FROM ${from} ${where(expr)} ORDER BY key LIMIT @cap`;
  const scored = `SELECT ${key} AS key, ${score} AS score FROM ${from} ${where(expr)} ORDER BY key LIMIT @cap`;
  return {
    params,
    restricted,
    bound: filters.taggedKeys.length
      ? `SELECT min(n) AS n FROM (${filters.taggedKeys.map((keys) => `SELECT count(*) AS n FROM (${keys})`).join(' UNION ALL ')})`
      : null,
    probe: `SELECT count(*) AS n, max(key) AS last FROM (${counted})`,
    // Materialized once, read three times: cheaper than window functions over it (13 vs 16 ms
    // for "carbon tax" at 100,000 articles; the bare ranked query took 13).
    ranked: `WITH m AS MATERIALIZED (${scored})
      SELECT key, score, (SELECT count(*) FROM m) AS n, (SELECT max(key) FROM m) AS last FROM m ORDER BY score, key LIMIT @limit`,
    page: `SELECT ${key} AS key, ${score} AS score, NULL AS date FROM ${from} ${where(expr)} ORDER BY score, key LIMIT @limit OFFSET @offset`,
    count: `SELECT count(*) AS n FROM ${from} ${where(expr)}`,
    tiers: [tier('@tier1'), tier('@tier2')],
    // A short mixed-script term is the OR of every trigram it starts (hundreds for a common
    // character), and bm25 first counts the documents of each of those phrases: slower than the
    // search itself.
    short:
      driverRoute === 'cjk' && m.cjkExpanded
        ? `SELECT ${key} AS key FROM ${from} ${where(expr)}`
        : null,
  };
}
