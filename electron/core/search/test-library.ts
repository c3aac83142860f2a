/**
 * A real library for search tests: articles go through the real Markdown import, passages
 * through `createPassage`, so the rows and triggers are the app's own.
 */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { importDocument } from '../articles/import';
import { openDatabase } from '../db/open';
import { createPassage } from '../passages/repo';

export interface TestArticle {
  title: string;
  body: string;
  subtitle?: string;
  lang?: string;
  published?: string;
  site?: string;
  tags?: string[];
  /** Where it came from (URL or path). */
  source?: string;
}

export function openSearchLibrary(dir: string): Database {
  return openDatabase(join(dir, 'library.sqlite'));
}

let serial = 0;

/** Imports an article written as Markdown with front matter; returns its id. */
export function addArticle(db: Database, a: TestArticle): string {
  const front = [
    `title: ${JSON.stringify(a.title)}`,
    a.subtitle && `subtitle: ${JSON.stringify(a.subtitle)}`,
    a.lang && `lang: ${JSON.stringify(a.lang)}`,
    a.published && `published: ${JSON.stringify(a.published)}`,
    a.site && `site: ${JSON.stringify(a.site)}`,
    a.tags && `tags: ${JSON.stringify(a.tags)}`,
  ].filter(Boolean);
  const md = `---\n${front.join('\n')}\n---\n\n${a.body}\n`;
  const { article } = importDocument(db, { bytes: Buffer.from(md), fileName: `article-${++serial}.md`, ...(a.source ? { source: a.source } : {}) });
  return article.id;
}

export function articleText(db: Database, id: string): string {
  return (db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string }).text;
}

/** Highlights the first occurrence of `quote` in the article. */
export function addPassage(db: Database, articleId: string, quote: string, opts: { tags?: string[]; comment?: string } = {}): string {
  const text = articleText(db, articleId);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the article`);
  return createPassage(db, { articleId, start, end: start + quote.length, color: 'yellow', tags: opts.tags ?? [], comment: opts.comment ?? '' }).id;
}
