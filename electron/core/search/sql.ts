/**
 * SQL for one kind of searchable item, compiled from a parsed query and its text match. Pure.
 * One pair of indexes per kind (word + trigram); a new kind (notes) adds an entry to `KIND_SQL`
 * and its filters below, and `search` merges the kinds by score.
 */
import type { SearchQuery } from './query';
import type { IndexSets, TextMatch } from './match';

export type IndexedKind = 'article' | 'passage';
export type Params = Record<string, string | number>;

interface KindSql {
  words: string;
  cjk: string;
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
    weights: [10, 5, 2, 2, 1], // title, subtitle, byline, site_name, text
    base: 'articles a',
    key: 'a.rid',
    join: (index, need) => (need ? `JOIN articles a ON a.rid = ${index}.rowid` : ''),
    live: '1',
    date: 'coalesce(a.published, a.created_at)',
  },
  passage: {
    words: 'passages_fts',
    cjk: 'passages_cjk',
    weights: [1, 2, 8], // exact, comment, tags
    base: 'passages p JOIN passage_search_ids s ON s.passage_id = p.id JOIN articles a ON a.id = p.article_id',
    key: 's.rid',
    join: (index) => `JOIN passage_search_ids s ON s.rid = ${index}.rowid JOIN passages p ON p.id = s.passage_id JOIN articles a ON a.id = p.article_id`,
    live: 'p.deleted_at IS NULL',
    date: 'p.created_at',
  },
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
export function filterConditions(kind: IndexedKind, q: SearchQuery, params: Params, rowKey: string): { where: string[]; needsRow: boolean } {
  const where: string[] = [];
  let n = 0;
  const param = (value: string): string => {
    const name = `f${n++}`;
    params[name] = value;
    return `@${name}`;
  };
  const tagged = (key: string): string => {
    const k = param(key);
    return kind === 'article'
      ? `+${rowKey} IN (SELECT a2.rid FROM articles a2 WHERE a2.id IN (
           SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name_key = ${k}
           UNION SELECT p2.article_id FROM passages p2 JOIN passage_tags pt ON pt.passage_id = p2.id JOIN tags t2 ON t2.id = pt.tag_id
             WHERE t2.name_key = ${k} AND p2.deleted_at IS NULL))`
      : `p.id IN (SELECT pt.passage_id FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE t.name_key = ${k})`;
  };
  for (const t of q.tags) where.push(tagged(t));
  for (const t of q.excludeTags) where.push(`NOT ${tagged(t)}`);
  const tagConditions = where.length;

  const site = (s: string): string =>
    `(instr(lower(coalesce(a.site_name, '')), ${param(s)}) > 0 OR ${HOST} = ${param(s)} OR ${HOST} LIKE ${param(`%.${likeEscape(s)}`)} ESCAPE '\\')`;
  if (q.sites.length) where.push(`(${q.sites.map(site).join(' OR ')})`);
  for (const s of q.excludeSites) where.push(`NOT ${site(s)}`);

  const lang = (l: string): string => `(lower(coalesce(a.lang, '')) = ${param(l)} OR lower(coalesce(a.lang, '')) LIKE ${param(`${l}-%`)})`;
  if (q.langs.length) where.push(`(${q.langs.map(lang).join(' OR ')})`);
  for (const l of q.excludeLangs) where.push(`NOT ${lang(l)}`);

  const date = KIND_SQL[kind].date;
  if (q.before !== null) where.push(`${date} < ${param(q.before)}`);
  if (q.after !== null) where.push(`${date} >= ${param(q.after)}`);
  return { where, needsRow: kind === 'passage' || where.length > tagConditions };
}

function inSets(k: KindSql, sets: IndexSets, params: Params, name: string): string {
  const parts: string[] = [];
  if (sets.word !== null) {
    params[`${name}w`] = sets.word;
    parts.push(`SELECT rowid FROM ${k.words} WHERE ${k.words} MATCH @${name}w`);
  }
  if (sets.cjk !== null) {
    params[`${name}c`] = sets.cjk;
    parts.push(`SELECT rowid FROM ${k.cjk} WHERE ${k.cjk} MATCH @${name}c`);
  }
  return parts.join(' UNION ');
}

export interface KindStatements {
  /** Rows: { key, score, date } — best first; bind `limit` and `offset` besides `params`. */
  page: string;
  /** One row: { n }. */
  count: string;
  params: Params;
  /** Page rows carry `total` (the count statement is then not needed). */
  pageCounts?: boolean;
}

/**
 * The page and count statements for one kind. The index that drives the scan is the word index
 * when the query has word terms, else the trigram index, else the kind's table (filters only);
 * everything else is a rowid condition on it.
 */
export function compileKind(kind: IndexedKind, q: SearchQuery, m: TextMatch): KindStatements {
  const k = KIND_SQL[kind];
  const params: Params = {};
  const driver = m.word !== null ? k.words : m.cjk !== null ? k.cjk : null;
  const key = driver ? `${driver}.rowid` : k.key;
  const filters = filterConditions(kind, q, params, key);
  const where: string[] = [];
  if (m.word !== null) {
    params.w = m.word;
    where.push(`${k.words} MATCH @w`);
  }
  if (m.cjk !== null) {
    params.c = m.cjk;
    where.push(driver === k.cjk ? `${k.cjk} MATCH @c` : `+${key} IN (SELECT rowid FROM ${k.cjk} WHERE ${k.cjk} MATCH @c)`);
  }
  // "+key IN (…)": evaluated against the subquery's result, built once. A bare `rowid IN (…)`
  // on an FTS5 table is pushed into the index as one MATCH per value: 1.9 s instead of 60 ms for
  // a tag filter over 100,000 articles.
  m.anyOf.forEach((sets, i) => where.push(`+${key} IN (${inSets(k, sets, params, `any${i}_`)})`));
  m.noneOf.forEach((sets, i) => where.push(`+${key} NOT IN (${inSets(k, sets, params, `none${i}_`)})`));
  where.push(...filters.where);
  if (!driver) where.push(k.live);

  const from = driver ? `${driver} ${k.join(driver, filters.needsRow)}` : k.base;
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  if (driver === k.cjk && m.cjkExpanded) {
    // A 1–2 character term is the OR of every trigram it starts (hundreds for a common
    // character), and bm25 first counts the documents of each of those phrases: slower than the
    // search itself. Rank instead by where the terms occur — an article's title first — then
    // newest first; and count in the same pass.
    const inTitle = kind === 'article' ? m.highlight.substrings.map((t, i) => {
      params[`t${i}`] = t.toLowerCase();
      return `instr(lower(a.title), @t${i}) > 0`;
    }) : [];
    const score = inTitle.length ? `CASE WHEN ${inTitle.join(' OR ')} THEN -10 ELSE -1 END` : '-1';
    return {
      page: `SELECT ${key} AS key, ${score} AS score, ${k.date} AS date, count(*) OVER () AS total FROM ${driver} ${k.join(driver, true)} ${cond}
        ORDER BY score, date DESC, key DESC LIMIT @limit OFFSET @offset`,
      count: `SELECT count(*) AS n FROM ${from} ${cond}`,
      params,
      pageCounts: true,
    };
  }
  if (driver) {
    const score = `bm25(${driver}, ${k.weights.join(', ')})`;
    return {
      page: `SELECT ${key} AS key, ${score} AS score, NULL AS date FROM ${from} ${cond} ORDER BY score, key LIMIT @limit OFFSET @offset`,
      count: `SELECT count(*) AS n FROM ${from} ${cond}`,
      params,
    };
  }
  return {
    page: `SELECT ${key} AS key, 0 AS score, ${k.date} AS date FROM ${from} ${cond} ORDER BY date DESC, key DESC LIMIT @limit OFFSET @offset`,
    count: `SELECT count(*) AS n FROM ${from} ${cond}`,
    params,
  };
}
