import type { Database } from 'better-sqlite3';
import type { Article, ArticleFields, ArticleSummary } from '../../model/articles';
import type { Body } from '../../model/body';
import type { PageStart } from '../../model/pages';
import { CommonplaceError } from '../errors';
import type { SourceMeta } from '../../model/sourceMeta';
import { setImportedMeta } from './meta';
import { safeTagKey } from '../tags/names';
import { articlesWithTagSql, articleTagNames } from '../tags/repo';

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
  created_at: string;
  updated_at: string;
}

export interface NewArticle
  extends ArticleFields, Pick<ArticleSummary, 'id' | 'source' | 'format'> {
  excerpt: string | null;
  hash: string;
  text: string;
  body: Body;
  /** Page starts of a paginated source (PDF). */
  pages?: PageStart[] | null;
  /** Citation metadata the importer found (the columns above are not repeated in it). */
  meta?: SourceMeta;
  createdAt: string;
}

const SUMMARY_COLUMNS =
  'id, title, subtitle, byline, published, site_name, lang, source, format, created_at, updated_at';

function toSummary(
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
  };
}

export function insertArticle(db: Database, a: NewArticle): void {
  db.prepare(
    `INSERT INTO articles (id, title, subtitle, byline, published, site_name, lang, excerpt, source, format, hash, text, body, pages, created_at, updated_at)
     VALUES (@id, @title, @subtitle, @byline, @published, @siteName, @lang, @excerpt, @source, @format, @hash, @text, @body, @pages, @createdAt, @createdAt)`,
  ).run({ ...a, body: JSON.stringify(a.body), pages: pagesJson(a.pages) });
  if (a.meta && Object.keys(a.meta).length) setImportedMeta(db, a.id, a.meta);
}

export function findArticleByHash(db: Database, hash: string): ArticleSummary | undefined {
  const row = db
    .prepare<[string], ArticleRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE hash = ?`)
    .get(hash);
  return row && toSummary(row);
}

/** The most recent article imported from this path or URL. */
export function findArticleBySource(db: Database, source: string): ArticleSummary | undefined {
  const row = db
    .prepare<[string], ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE source = ? ORDER BY created_at DESC LIMIT 1`,
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
       lang = @lang, excerpt = @excerpt, source = @source, format = @format, hash = @hash, text = @text, body = @body, pages = @pages, updated_at = @now
     WHERE id = @id`,
  ).run({ ...a, body: JSON.stringify(a.body), pages: pagesJson(a.pages), id, now });
  setImportedMeta(db, id, a.meta ?? {});
}

function pagesJson(pages: readonly PageStart[] | null | undefined): string | null {
  return pages?.length ? JSON.stringify(pages) : null;
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
    .prepare<[string], ArticleRow>(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`)
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  return toSummary(row);
}

export function getArticle(db: Database, id: string): Article {
  const row = db
    .prepare<[string], ArticleRow & { file_name: string; size: number; media_type: string }>(
      `SELECT a.*, o.file_name, o.size, o.media_type FROM articles a JOIN originals o ON o.hash = a.hash WHERE a.id = ?`,
    )
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `article ${id}: not in this library`);
  return {
    ...toSummary(row),
    excerpt: row.excerpt,
    hash: row.hash,
    tags: articleTagNames(db, id),
    text: row.text,
    body: JSON.parse(row.body) as Body,
    original: { fileName: row.file_name, size: row.size, mediaType: row.media_type },
    ...(row.pages ? { pages: JSON.parse(row.pages) as PageStart[] } : {}),
  };
}

/** A page of the library, newest first (publication date, else import date); uses `articles_newest`. */
export function listArticles(
  db: Database,
  offset: number,
  limit: number,
  tag?: string,
): { total: number; items: ArticleSummary[] } {
  const order = 'ORDER BY coalesce(published, created_at) DESC, id DESC';
  if (tag === undefined) {
    const items = db
      .prepare<[number, number], ArticleRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM articles ${order} LIMIT ? OFFSET ?`,
      )
      .all(limit, offset)
      .map(toSummary);
    return { total: countArticles(db), items };
  }
  // Tagged directly, or holding a live passage with the tag.
  const filter = `id IN (${articlesWithTagSql('(SELECT id FROM tags WHERE name_key = @key)')})`;
  const key = safeTagKey(tag);
  const total =
    db
      .prepare<{ key: string }, { n: number }>(`SELECT count(*) AS n FROM articles WHERE ${filter}`)
      .get({ key })?.n ?? 0;
  const items = db
    .prepare<{ key: string; limit: number; offset: number }, ArticleRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${filter} ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ key, limit, offset })
    .map(toSummary);
  return { total, items };
}

export function countArticles(db: Database): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles').get()?.n ?? 0;
}
