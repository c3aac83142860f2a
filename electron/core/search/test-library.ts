/**
 * A real library for search tests: articles are parsed by the real Markdown parser and written
 * by the import's own insert (`insertArticle`, `tagArticle`), passages through `createPassage`,
 * so the rows and triggers are the app's own. (Synchronous: the file import itself may parse
 * asynchronously, which these tests do not need.)
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { insertArticle } from '../articles/repo';
import { bodyToText } from '../../model/body';
import { openDatabase } from '../db/open';
import { newId, nowIso } from '../ids';
import { parseMarkdown } from '../import/markdown/parse';
import { createPassage } from '../passages/repo';
import { ensureTags, tagArticle } from '../tags/repo';
import { writeTransaction } from '../db/transactions';
import { UNTITLED } from '../../model/titles';

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
  const parsed = parseMarkdown(md, `article-${++serial}.md`);
  const id = newId();
  const now = nowIso();
  const hash = createHash('sha256').update(md).digest('hex');
  writeTransaction(db, () => {
    db.prepare(
      'INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(hash, Buffer.from(md), md.length, 'text/markdown', `article-${serial}.md`, now);
    insertArticle(db, {
      id,
      title: parsed.title ?? UNTITLED,
      subtitle: parsed.subtitle ?? null,
      byline: parsed.byline ?? null,
      published: parsed.published ?? null,
      siteName: parsed.siteName ?? null,
      lang: parsed.lang ?? null,
      excerpt: null,
      source: a.source ?? null,
      format: 'markdown',
      hash,
      text: bodyToText(parsed.body),
      body: parsed.body,
      createdAt: now,
    });
    if (parsed.tags.length) tagArticle(db, id, ensureTags(db, parsed.tags));
  });
  return id;
}

export function articleText(db: Database, id: string): string {
  return (db.prepare('SELECT text FROM articles WHERE id = ?').get(id) as { text: string }).text;
}

/** Highlights the first occurrence of `quote` in the article. */
export function addPassage(
  db: Database,
  articleId: string,
  quote: string,
  opts: { tags?: string[]; comment?: string } = {},
): string {
  const text = articleText(db, articleId);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the article`);
  return createPassage(db, {
    articleId,
    start,
    end: start + quote.length,
    color: 'yellow',
    tags: opts.tags ?? [],
    comment: opts.comment ?? '',
  }).id;
}
