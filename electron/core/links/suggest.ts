/**
 * What `[[` and the link pickers offer as the user types: articles (by title), notes (by title,
 * or first line when untitled) and passages (by quote), case- and diacritics-insensitive.
 *
 * Ranking: the whole label equal, then label starting with the query, then every query word
 * starting a word of the label, then the query inside the label, then (titles only) its letters
 * in order ("ptnkr" finds "Putin … North Korea"). Articles are found through indexes: the FTS5 word
 * index (every query word as a prefix), then a trigram index of titles (substrings); passages
 * through their word index. Only when those give too few does a bounded scan (the covering title
 * index; live quotes) add short substrings and subsequences, stopping once it has enough.
 */
import type { Database } from 'better-sqlite3';
import type { EntityKind, EntityRef, LinkEnd } from '../../model/links';
import { ftsString, ftsTerm } from '../search/fts';
import { describeEnds, endKey, noteLabel } from './ends';

/** Folded for comparison: no case, no diacritics, compatibility forms unified, spaces single. */
export function fold(s: string): string {
  // ASCII needs only lower-casing: the common case, kept fast for scans.
  if (!/[^\x00-\x7f]/.test(s))
    return /\s\s|^\s|\s$|[\t\n\r]/.test(s)
      ? s.toLowerCase().replace(/\s+/g, ' ').trim()
      : s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

const WORDS = /[\p{L}\p{N}]+/gu;

enum Rank {
  Exact,
  Prefix,
  WordPrefix,
  Substring,
  Subsequence,
}

/** How well a label matches (lower is better), or null. */
export function matchRank(
  label: string,
  query: string,
  words: readonly string[],
  allowSubsequence: boolean,
): Rank | null {
  const l = fold(label);
  if (l === query) return Rank.Exact;
  if (l.startsWith(query)) return Rank.Prefix;
  const labelWords = l.match(WORDS) ?? [];
  if (words.length && words.every((w) => labelWords.some((lw) => lw.startsWith(w))))
    return Rank.WordPrefix;
  if (l.includes(query)) return Rank.Substring;
  if (allowSubsequence && isSubsequence(query.replace(/\s+/g, ''), l)) return Rank.Subsequence;
  return null;
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (let j = 0; i < needle.length && j < hay.length; j++) if (hay[j] === needle[i]) i++;
  return i === needle.length;
}

/**
 * The scan's cheaper test (the word-prefix case was the FTS stage's): equal, prefix, substring,
 * subsequence. No Unicode regex per row: 100,000 titles are checked in tens of milliseconds.
 */
function scanRank(
  label: string,
  query: string,
  compactQuery: string,
  allowSubsequence: boolean,
): Rank | null {
  const l = fold(label);
  if (l === query) return Rank.Exact;
  if (l.startsWith(query)) return Rank.Prefix;
  if (l.includes(query)) return Rank.Substring;
  if (allowSubsequence && isSubsequence(compactQuery, l)) return Rank.Subsequence;
  return null;
}

/** Rows read per page of a scan: pages keep memory flat and let the scan stop early. */
const SCAN_PAGE = 2000;

interface Candidate {
  kind: EntityKind;
  id: string;
  rank: Rank;
  label: string;
  /** Newer first among equals (UUIDv7 ids sort by creation). */
  order: string;
}

/**
 * Rows a scan reads past the index stages before it stops looking: bounds the worst case (a query
 * matching nothing) to a few milliseconds' work; subsequence matches beyond it are not offered.
 */
const SCAN_BUDGET = 20_000;

export interface SuggestOptions {
  query: string;
  kinds: readonly EntityKind[];
  limit: number;
  /** Left out before the limit is applied, so excluding one still offers `limit` others. */
  exclude?: readonly EntityRef[];
}

export function suggest(db: Database, o: SuggestOptions): LinkEnd[] {
  const query = fold(o.query);
  const kinds = new Set(o.kinds);
  const found = new Map<string, Candidate>();
  const excluded = new Set((o.exclude ?? []).map(endKey));
  const keep = (c: Candidate) => {
    const key = `${c.kind}:${c.id}`;
    if (excluded.has(key)) return;
    const prev = found.get(key);
    if (!prev || c.rank < prev.rank) found.set(key, c);
  };
  // Each stage may return the excluded ones among its best: ask for that many more.
  const wanted = o.limit + excluded.size;
  if (!query) {
    recent(db, kinds, wanted).forEach(keep);
  } else {
    const words = query.match(WORDS) ?? [];
    if (kinds.has('note')) notes(db, query, words).forEach(keep);
    if (kinds.has('article')) articles(db, query, words, wanted).forEach(keep);
    if (kinds.has('passage')) passages(db, query, words, wanted).forEach(keep);
  }
  const ranked = [...found.values()]
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.label.length - b.label.length ||
        (a.order < b.order ? 1 : a.order > b.order ? -1 : 0),
    )
    .slice(0, o.limit);
  const ends = describeEnds(db, ranked);
  return ranked.flatMap((c) => {
    const e = ends.get(endKey(c));
    return e && !e.deleted ? [e] : [];
  });
}

/** Nothing typed yet: the most recent of each kind, interleaved. */
function recent(db: Database, kinds: ReadonlySet<EntityKind>, limit: number): Candidate[] {
  const lists: Candidate[][] = [];
  const as =
    (kind: EntityKind) =>
    (r: { id: string; label: string }, i: number): Candidate => ({
      kind,
      id: r.id,
      rank: i,
      label: '',
      order: '',
    });
  if (kinds.has('note'))
    lists.push(
      db
        .prepare<[number], { id: string; label: string }>(
          'SELECT id, title AS label FROM notes WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT ?',
        )
        .all(limit)
        .map(as('note')),
    );
  if (kinds.has('article'))
    lists.push(
      db
        .prepare<[number], { id: string; label: string }>(
          'SELECT id, title AS label FROM articles ORDER BY id DESC LIMIT ?',
        )
        .all(limit)
        .map(as('article')),
    );
  if (kinds.has('passage')) {
    lists.push(
      db
        .prepare<[number], { id: string; label: string }>(
          'SELECT id, exact AS label FROM passages WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?',
        )
        .all(limit)
        .map(as('passage')),
    );
  }
  return lists.flat();
}

/** Notes are few (thousands at most): every live title is compared. */
function notes(db: Database, query: string, words: readonly string[]): Candidate[] {
  const rows = db
    .prepare<[], { id: string; title: string; head: string }>(
      'SELECT id, title, substr(text, 1, 200) AS head FROM notes WHERE deleted_at IS NULL',
    )
    .all();
  return rows.flatMap((r) => {
    const label = noteLabel(r.title, r.head);
    const rank = matchRank(label, query, words, true);
    return rank === null ? [] : [{ kind: 'note' as const, id: r.id, rank, label, order: r.id }];
  });
}

/** An FTS5 query: every word of the query as a prefix, within one column. */
function prefixQuery(column: string, words: readonly string[]): string | null {
  if (!words.length) return null;
  return `{${column}} : (${words.map((w) => ftsTerm(w, true)).join(' AND ')})`;
}

function articles(
  db: Database,
  query: string,
  words: readonly string[],
  limit: number,
): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const take = (r: { id: string; title: string }, allowSubsequence: boolean) => {
    if (seen.has(r.id)) return;
    const rank = matchRank(r.title, query, words, allowSubsequence);
    if (rank === null) return;
    seen.add(r.id);
    out.push({ kind: 'article', id: r.id, rank, label: r.title, order: r.id });
  };
  const fts = prefixQuery('title', words);
  if (fts) {
    // No ORDER BY: ranking every match of a common prefix costs more than ranking a few hundred here.
    const rows = db
      .prepare<[string, number], { id: string; title: string }>(
        'SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.rid = f.rowid WHERE articles_fts MATCH ? LIMIT ?',
      )
      .all(fts, Math.max(200, limit * 10));
    for (const r of rows) take(r, false);
  }
  if (out.length >= limit) return out;
  // Substrings anywhere in a title, through the trigram index (3+ characters make a trigram).
  if ([...query].length >= 3) {
    const rows = db
      .prepare<[string, number], { id: string; title: string }>(
        'SELECT a.id, a.title FROM article_titles_tri t JOIN articles a ON a.rid = t.rowid WHERE article_titles_tri MATCH ? LIMIT ?',
      )
      .all(ftsString(query), Math.max(200, limit * 10));
    for (const r of rows) take(r, false);
  }
  if (out.length >= limit) return out;
  // Shorter substrings and subsequences: a bounded walk through the title index (never the rows
  // holding whole texts), stopping once enough good matches are in.
  const compact = query.replace(/\s+/g, '');
  const page = db
    .prepare<[string, string, number], [string, string]>(
      'SELECT title, id FROM articles INDEXED BY articles_by_title WHERE (title, id) > (?, ?) ORDER BY title, id LIMIT ?',
    )
    .raw();
  let good = out.filter((c) => c.rank <= Rank.Substring).length;
  let weak = 0;
  let after: [string, string] = ['', ''];
  // With 3+ characters every substring match came from the trigram index: the walk only adds
  // subsequences, and any `limit` of them will do.
  const trigrams = [...query].length >= 3;
  for (
    let read = 0;
    read < SCAN_BUDGET && (trigrams ? out.length : good) < limit;
    read += SCAN_PAGE
  ) {
    const rows = page.all(after[0], after[1], SCAN_PAGE);
    for (const [title, id] of rows) {
      if (seen.has(id)) continue;
      const rank = scanRank(title, query, compact, weak < limit);
      if (rank === null) continue;
      seen.add(id);
      out.push({ kind: 'article', id, rank, label: title, order: id });
      if (rank <= Rank.Substring) good++;
      else weak++;
    }
    if (rows.length < SCAN_PAGE) break;
    after = rows[rows.length - 1]!;
  }
  return out;
}

function passages(
  db: Database,
  query: string,
  words: readonly string[],
  limit: number,
): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const take = (r: { id: string; exact: string }) => {
    if (seen.has(r.id)) return;
    // A quote is long: "every word starts a word" or a substring, never a subsequence.
    const rank = matchRank(r.exact, query, words, false);
    if (rank === null) return;
    seen.add(r.id);
    out.push({ kind: 'passage', id: r.id, rank, label: r.exact, order: r.id });
  };
  const fts = prefixQuery('exact', words);
  if (fts) {
    const rows = db
      .prepare<[string, number], { id: string; exact: string }>(
        `SELECT p.id, p.exact FROM passages_fts f JOIN passage_search_ids s ON s.rid = f.rowid JOIN passages p ON p.id = s.passage_id
         WHERE passages_fts MATCH ? AND p.deleted_at IS NULL LIMIT ?`,
      )
      .all(fts, Math.max(200, limit * 10));
    for (const r of rows) take(r);
  }
  if (out.length >= limit) return out;
  const page = db
    .prepare<[string, number], [string, string]>(
      'SELECT id, exact FROM passages WHERE id < ? AND deleted_at IS NULL ORDER BY id DESC LIMIT ?',
    )
    .raw();
  let before = '\uffff';
  for (let read = 0; read < SCAN_BUDGET && out.length < limit; read += SCAN_PAGE) {
    const rows = page.all(before, SCAN_PAGE);
    for (const [id, exact] of rows) {
      if (seen.has(id)) continue;
      const rank = scanRank(exact, query, '', false);
      if (rank === null) continue;
      seen.add(id);
      out.push({ kind: 'passage', id, rank, label: exact, order: id });
    }
    if (rows.length < SCAN_PAGE) break;
    before = rows[rows.length - 1]![0];
  }
  return out;
}
