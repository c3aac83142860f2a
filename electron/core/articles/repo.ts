import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import type { Article, ArticleFields, ArticleSummary } from '../../model/articles';
import type { Body } from '../../model/body';
import type { ContentsEntry } from '../../model/contents';
import type { PageStart } from '../../model/pages';
import { CommonplaceError } from '../errors';
import type { SourceMeta } from '../../model/sourceMeta';
import { setImportedMeta } from './meta';
import { articleTagNames } from '../tags/repo';
import { packBody, unpackBody } from './bodyStore';

interface ArticleRow {
  id: string;
  title: string;
  subtitle: string | null;
  byline: string | null;
  published: string | null;
  site_name: string | null;
  lang: string | null;
  excerpt: string | null;
  source: string | null;
  format: ArticleSummary['format'];
  hash: string;
  text: string;
  body: string;
  pages: string | null;
  contents: string | null;
  created_at: string;
  updated_at: string;
  read_at: string | null;
  last_read_at: string | null;
  deleted_at: string | null;
}

export interface NewArticle
  extends ArticleFields, Pick<ArticleSummary, 'id' | 'source' | 'format'> {
  excerpt: string | null;
  hash: string;
  text: string;
  body: Body;
  /** Page starts of a paginated source (PDF). */
  pages?: PageStart[] | null;
  /** The document's own table of contents (EPUB navigation, PDF outline). */
  contents?: ContentsEntry[] | null;
  /** Citation metadata the importer found (the columns above are not repeated in it). */
  meta?: SourceMeta;
  createdAt: string;
}

/** An article's summary columns with its state; `FROM ${SUMMARY_FROM}` puts them in scope as `a`. */
export const SUMMARY_COLUMNS =
  'a.id, a.title, a.subtitle, a.byline, a.published, a.site_name, a.lang, a.source, a.format, a.created_at, a.updated_at, s.read_at, s.last_read_at, s.deleted_at';
export const SUMMARY_FROM = 'articles a LEFT JOIN article_state s ON s.article_id = a.id';

export function toSummary(
  r: Pick<
    ArticleRow,
    | 'id'
    | 'title'
    | 'subtitle'
    | 'byline'
    | 'published'
    | 'site_name'
    | 'lang'
    | 'source'
    | 'format'
    | 'created_at'
    | 'updated_at'
    | 'read_at'
    | 'last_read_at'
    | 'deleted_at'
  >,
): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    subtitle: r.subtitle,
    byline: r.byline,
    published: r.published,
    siteName: r.site_name,
    lang: r.lang,
    source: r.source,
    format: r.format,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    readAt: r.read_at,
    lastReadAt: r.last_read_at,
    trashedAt: r.deleted_at,
  };
}

export function insertArticle(db: Database, a: NewArticle): void {
  insertArticles(db, [a]);
}

const ARTICLE_COLUMNS =
  'id, title, subtitle, byline, published, site_name, lang, excerpt, source, format, hash, text, body, pages, created_at, updated_at';

/**
 * Statement sizes, largest first: a list is inserted greedily in chunks of these sizes, so a
 * connection compiles at most a few insert statements (compiling one, with the search triggers,
 * costs more than running it) and a list under 256 takes at most eight.
 */
const CHUNKS = [128, 64, 32, 16, 8, 4, 2, 1];

/**
 * Inserts articles, many rows per statement. Why: SQLite opens a statement savepoint for every
 * insert whose triggers write the search indexes, and FTS5 writes its pending terms to disk as a
 * new segment at each savepoint. One statement per article made one segment per article, to be
 * merged again and again later (most of a bulk import's time); one statement for many articles
 * writes them as one. Same rows and triggers as one by one.
 */
export function insertArticles(db: Database, list: readonly NewArticle[]): void {
  let i = 0;
  while (i < list.length) {
    const size = CHUNKS.find((n) => n <= list.length - i)!;
    const chunk = list.slice(i, i + size);
    i += size;
    // The contents column only when there are contents: the migration tests fill libraries
    // older than it through here.
    const contents = chunk.map((a) => pagesJson(a.contents));
    const withContents = contents.some((c) => c !== null);
    const row = `(${Array(withContents ? 17 : 16)
      .fill('?')
      .join(', ')})`;
    const insert = cachedStatement(
      db,
      `INSERT INTO articles (${ARTICLE_COLUMNS}${withContents ? ', contents' : ''}) VALUES ${Array(size).fill(row).join(', ')}`,
    );
    insert.run(
      chunk.flatMap((a, k) => [
        a.id,
        a.title,
        a.subtitle,
        a.byline,
        a.published,
        a.siteName,
        a.lang,
        a.excerpt,
        a.source,
        a.format,
        a.hash,
        a.text,
        packBody(a.body, a.text),
        pagesJson(a.pages),
        a.createdAt,
        a.createdAt,
        ...(withContents ? [contents[k]] : []),
      ]),
    );
  }
  for (const a of list) if (a.meta && Object.keys(a.meta).length) setImportedMeta(db, a.id, a.meta);
}

export function findArticleByHash(db: Database, hash: string): ArticleSummary | undefined {
  const row = db
    .prepare<[string], ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE a.hash = ?`,
    )
    .get(hash);
  return row && toSummary(row);
}

/** The most recent article imported from this path or URL. */
export function findArticleBySource(db: Database, source: string): ArticleSummary | undefined {
  const row = db
    .prepare<[string], ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE a.source = ? ORDER BY a.created_at DESC LIMIT 1`,
    )
    .get(source);
  return row && toSummary(row);
}

/** A new version of an article's content: same id, tags and passages (re-anchored by the caller). */
export function replaceArticleContent(
  db: Database,
  id: string,
  a: Omit<NewArticle, 'id' | 'createdAt'>,
  now: string,
): void {
  db.prepare(
    `UPDATE articles SET title = @title, subtitle = @subtitle, byline = @byline, published = @published, site_name = @siteName,
       lang = @lang, excerpt = @excerpt, source = @source, format = @format, hash = @hash, text = @text, body = @body, pages = @pages, contents = @contents, updated_at = @now
     WHERE id = @id`,
  ).run({
    ...a,
    body: packBody(a.body, a.text),
    pages: pagesJson(a.pages),
    contents: pagesJson(a.contents),
    id,
    now,
  });
  setImportedMeta(db, id, a.meta ?? {});
}

/** A page map or contents list as stored: null when there is none. */
function pagesJson(list: readonly (PageStart | ContentsEntry)[] | null | undefined): string | null {
  return list?.length ? JSON.stringify(list) : null;
}

export function getArticleText(db: Database, id: string): string {
  const row = db
    .prepare<[string], { text: string }>('SELECT text FROM articles WHERE id = ?')
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  return row.text;
}

export function getArticleSummary(db: Database, id: string): ArticleSummary {
  const row = db
    .prepare<[string], ArticleRow>(`SELECT ${SUMMARY_COLUMNS} FROM ${SUMMARY_FROM} WHERE a.id = ?`)
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  return toSummary(row);
}

export function getArticle(db: Database, id: string): Article {
  const row = db
    .prepare<
      [string],
      ArticleRow & {
        file_name: string;
        size: number;
        media_type: string;
        reading_offset: number | null;
      }
    >(
      `SELECT a.*, s.read_at, s.last_read_at, s.deleted_at, s.reading_offset, o.file_name, o.size, o.media_type FROM ${SUMMARY_FROM} JOIN originals o ON o.hash = a.hash WHERE a.id = ?`,
    )
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  return {
    ...toSummary(row),
    excerpt: row.excerpt,
    hash: row.hash,
    tags: articleTagNames(db, id),
    text: row.text,
    body: unpackBody(row.body, row.text, `article ${id}`),
    original: { fileName: row.file_name, size: row.size, mediaType: row.media_type },
    ...(row.pages ? { pages: JSON.parse(row.pages) as PageStart[] } : {}),
    ...(row.contents ? { contents: JSON.parse(row.contents) as ContentsEntry[] } : {}),
    readingOffset: row.reading_offset,
  };
}

/** Articles in the library (not in the trash). */
export function countArticles(db: Database): number {
  return (
    db
      .prepare<[], { n: number }>(
        'SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_state WHERE deleted_at IS NOT NULL) AS n',
      )
      .get()?.n ?? 0
  );
}
