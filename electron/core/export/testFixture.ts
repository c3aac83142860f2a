/**
 * A real library for the export tests: a news article and a hostile one (markup,
 * formulas, quotes with commas, pipes, a reserved file name), passages with tags, comments,
 * control characters, a multi-paragraph quote and a link between two passages.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ArticleSummary } from '../../model/articles';
import type { ExportOptions } from '../../model/export';
import { getArticleSummary, insertArticle } from '../articles/repo';
import { bodyToText, makeBody, paragraph } from '../../model/body';
import { newId, nowIso } from '../ids';
import { openTestLibrary } from '../../test/library';

export const HOSTILE_TITLE = 'CON: <script>alert("x")</script> | a/b?';
export const HOSTILE_TEXT = `${HOSTILE_TITLE}

By Ann "Ace" O'Neil

=SUM(A1:A9) is a formula, "quoted, with comma", and a pipe | inside.

Second paragraph with *stars* and _underscores_ and [brackets](javascript:alert(1)) and # hash.

-2+3 starts with a minus; @handle starts with an at sign; +plus too.
`;
export const Q_TRADE =
  'alternative trade and mutual settlements mechanisms not controlled by the West';
export const Q_FORMULA = '=SUM(A1:A9) is a formula, "quoted, with comma", and a pipe | inside.';
export const Q_MARKUP =
  'Second paragraph with *stars* and _underscores_ and [brackets](javascript:alert(1)) and # hash.';
export const Q_MINUS = '-2+3 starts with a minus; @handle starts with an at sign; +plus too.';
export const CONTROL_COMMENT = 'bell\u0007 nul\u0000 esc\u001b end';
export const HOSTILE_COMMENT =
  '@cmd(1)\n"quoted", comma | pipe\n\n<script>alert(2)</script> <b>not bold</b>';

export function options(
  format: ExportOptions['format'],
  over: Partial<ExportOptions> = {},
): ExportOptions {
  return {
    format,
    groupBy: 'source',
    selection: { tags: [], tagMode: 'any', articleIds: [], dateField: 'passage' },
    ...over,
  };
}

export const NEWS_PARAGRAPHS = [
  'Putin arrives in Pyongyang for a rare state visit',
  'Russian President Vladimir Putin arrived in North Korea early on Wednesday for a state visit.',
  `The two countries pledged to develop ${Q_TRADE} and to oppose sanctions together.`,
];

export interface TestArticle {
  title: string;
  paragraphs: readonly string[];
  byline?: string | null;
  published?: string | null;
  siteName?: string | null;
  source?: string | null;
  lang?: string | null;
}

/**
 * An article written straight through the library's own insert (as the search benchmark does):
 * export tests exercise exports, not the import parsers.
 */
export function insertTestArticle(db: Database, a: TestArticle): ArticleSummary {
  const body = makeBody(a.paragraphs.map(paragraph));
  const text = bodyToText(body);
  const bytes = Buffer.from(text);
  const hash = createHash('sha256').update(bytes).update(newId()).digest('hex');
  const now = nowIso();
  db.prepare(
    'INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(hash, bytes, bytes.length, 'text/plain', 'article.txt', now);
  const id = newId();
  insertArticle(db, {
    id,
    title: a.title,
    subtitle: null,
    byline: a.byline ?? null,
    published: a.published ?? null,
    siteName: a.siteName ?? null,
    lang: a.lang ?? null,
    excerpt: null,
    source: a.source ?? null,
    format: 'text',
    hash,
    text,
    body,
    createdAt: now,
  });
  return getArticleSummary(db, id);
}

export async function exportFixture(dir: string) {
  const t = openTestLibrary(dir);
  const db = t.library.db;
  const shared = insertTestArticle(db, {
    title: 'Putin arrives in North Korea',
    byline: 'Jane Reporter',
    published: '2024-06-18',
    siteName: 'The Daily Wire Service',
    source: 'https://news.example/putin-north-korea',
    lang: 'en',
    paragraphs: NEWS_PARAGRAPHS,
  });
  const hostile = insertTestArticle(db, {
    title: HOSTILE_TITLE,
    byline: 'Ann "Ace" O\'Neil',
    source: '/tmp/hostile.txt',
    paragraphs: HOSTILE_TEXT.trim().split('\n\n').slice(1),
  });
  const add = (
    articleId: string,
    quote: string,
    tags: string[],
    comment = '',
    color: 'yellow' | 'green' | 'pink' = 'yellow',
  ) => t.invoke('passages.createFromQuote', { articleId, quote, tags, comment, color });
  const trade = await add(
    shared.id,
    Q_TRADE,
    ['sanctions', 'trade'],
    'key claim\nsecond line',
    'green',
  );
  const putin = await add(shared.id, 'Putin', ['people']);
  const formula = await add(
    hostile.id,
    Q_FORMULA,
    ['formula tests', 'sanctions'],
    HOSTILE_COMMENT,
    'pink',
  );
  const markup = await add(hostile.id, Q_MARKUP, [], CONTROL_COMMENT);
  const minus = await add(hostile.id, Q_MINUS, ['formula tests'], '+1 agree');
  // Two paragraphs in one quote.
  const text = (await t.invoke('articles.get', { id: hostile.id })).text;
  const from = text.indexOf(Q_FORMULA);
  const twoParas = await t.invoke('passages.create', {
    articleId: hostile.id,
    start: from,
    end: text.indexOf(Q_MARKUP) + Q_MARKUP.length,
    tags: ['long'],
  });
  // An excerpt holding control characters, as an older import or a foreign tool might leave it.
  t.library.db
    .prepare('UPDATE passages SET exact = ? WHERE id = ?')
    .run('Putin\u0001\u000b\u001f\ufffe', putin.id);
  // A link between two passages (the links table of migration 4).
  t.library.db
    .prepare(
      "INSERT INTO links (id, from_passage, to_passage, relation, origin, created_at) VALUES (?, ?, ?, 'contradicts', 'link', ?)",
    )
    .run(newId(), trade.id, formula.id, nowIso());
  return { ...t, shared, hostile, passages: { trade, putin, formula, markup, minus, twoParas } };
}
