/**
 * The library list: a page of the articles not in the trash, in one of the orders the list offers
 * (model/library.ts), filtered by tag, collection, read state and typed text. Each default
 * direction of each order reads an index of migration 13 (or 22's keys for title and author) in
 * order, so a page costs the same at 100,000 articles as at 100 (`listing.test.ts` checks the
 * query plans).
 */
import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from '../../model/articles';
import type { ArticleSort, ReadFilter, SortDirection } from '../../model/library';
import { DEFAULT_DIRECTION } from '../../model/library';
import { foldCase } from '../../model/fold';
import { safeTagKey } from '../tags/names';
import { articlesWithTagSql } from '../tags/repo';
import { collectionKey } from '../collections/names';
import { countArticles, SUMMARY_COLUMNS, SUMMARY_FROM, toSummary } from './repo';

/** The title and author orders read the stored keys of migration 22 (`o`), then the article. */
const KEYED_FROM =
  'article_order o JOIN articles a ON a.id = o.article_id LEFT JOIN article_state s ON s.article_id = a.id';

export interface ListOptions {
  offset: number;
  limit: number;
  tag?: string;
  /** A collection's name. */
  collection?: string;
  sort?: ArticleSort;
  direction?: SortDirection;
  /** Typed text, a substring of the title, author or site. */
  filter?: string;
  read?: ReadFilter;
}

/**
 * ORDER BY for each order and direction. Items without a date, author or reading come last either
 * way (hence `x IS NULL` first); the indexes (migrations 13 and 22) hold exactly these terms.
 * Title and author sort by model/fold.ts `sortKey`: case folded beyond ASCII, accents and leading
 * punctuation ignored first.
 */
const ORDER: Record<ArticleSort, Record<SortDirection, string>> = {
  added: {
    desc: 'a.created_at DESC, a.id DESC',
    asc: 'a.created_at, a.id',
  },
  published: {
    desc: 'a.published IS NULL, a.published DESC, a.id DESC',
    asc: 'a.published IS NULL, a.published, a.id',
  },
  title: {
    asc: 'o.title_key, o.article_id',
    desc: 'o.title_key DESC, o.article_id DESC',
  },
  author: {
    asc: 'o.byline_key IS NULL, o.byline_key, o.article_id',
    desc: 'o.byline_key IS NULL, o.byline_key DESC, o.article_id DESC',
  },
  lastRead: {
    desc: 's.last_read_at IS NULL, s.last_read_at DESC, a.created_at DESC, a.id DESC',
    asc: 's.last_read_at IS NULL, s.last_read_at, a.created_at DESC, a.id DESC',
  },
};

/** The SQL of one listing: its FROM/WHERE, parameters and ORDER BY. */
export function listingSql(opts: Omit<ListOptions, 'offset' | 'limit'>): {
  from: string;
  where: string;
  params: Record<string, string>;
  order: string;
} {
  const where = ['s.deleted_at IS NULL'];
  const params: Record<string, string> = {};
  if (opts.tag !== undefined) {
    params.tag = safeTagKey(opts.tag);
    where.push(`a.id IN (${articlesWithTagSql('(SELECT id FROM tags WHERE name_key = @tag)')})`);
  }
  if (opts.collection !== undefined) {
    params.collection = collectionKey(opts.collection);
    where.push(
      'a.id IN (SELECT article_id FROM collection_articles WHERE collection_id = (SELECT id FROM collections WHERE name_key = @collection))',
    );
  }
  const text = opts.filter?.trim();
  if (text) {
    // Folded on both sides (LIKE and NOCASE fold ASCII only); a substring, so no wildcards.
    params.filter = foldCase(text);
    where.push(
      '(instr(commonplace_fold(a.title), @filter) > 0 OR instr(commonplace_fold(a.byline), @filter) > 0 OR instr(commonplace_fold(a.site_name), @filter) > 0)',
    );
  }
  if (opts.read === 'read') where.push('s.read_at IS NOT NULL');
  if (opts.read === 'unread') where.push('s.read_at IS NULL');
  const sort = opts.sort ?? 'added';
  const order = ORDER[sort][opts.direction ?? DEFAULT_DIRECTION[sort]];
  const from = sort === 'title' || sort === 'author' ? KEYED_FROM : SUMMARY_FROM;
  return { from, where: where.join(' AND '), params, order };
}

export function listArticles(
  db: Database,
  opts: ListOptions,
): { total: number; items: ArticleSummary[] } {
  const { from, where, params, order } = listingSql(opts);
  const items = db
    .prepare<Record<string, string | number>, Parameters<typeof toSummary>[0]>(
      `SELECT ${SUMMARY_COLUMNS} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: opts.limit, offset: opts.offset })
    .map(toSummary);
  // No filter: the count is two index counts, not a walk of the list.
  const total =
    Object.keys(params).length || opts.read
      ? (db
          .prepare<Record<string, string>, { n: number }>(
            `SELECT count(*) AS n FROM ${SUMMARY_FROM} WHERE ${where}`,
          )
          .get(params)?.n ?? 0)
      : countArticles(db);
  return { total, items };
}

/** The ids of a stretch of a listing, in its order (a range selected over rows not fetched). */
export function listIds(db: Database, opts: ListOptions): string[] {
  const { from, where, params, order } = listingSql(opts);
  return db
    .prepare<Record<string, string | number>, string>(
      `SELECT a.id FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .pluck()
    .all({ ...params, limit: opts.limit, offset: opts.offset });
}

/** Every id a listing shows (any number: a Select all acts on it inside one transaction). */
export function allListedIds(db: Database, opts: Omit<ListOptions, 'offset' | 'limit'>): string[] {
  const { from, where, params } = listingSql(opts);
  return db
    .prepare<Record<string, string>, string>(`SELECT a.id FROM ${from} WHERE ${where}`)
    .pluck()
    .all(params);
}
