/**
 * Passages as quotes in notes need them: by id, soft-deleted ones included (a quote of a deleted
 * passage still shows its last text and says its source is gone), with their article and short
 * citation.
 */
import type { Database } from 'better-sqlite3';
import type { PassageCitation } from '../../model/passages';
import { shortCitation } from '../citations/short';
import { describeEnds, endKey } from '../links/ends';
import { analyzeDoc } from './docWalk';
import { readNoteDoc } from './repo';
import { docToMarkdown, type QuotedSource } from './toMarkdown';

interface Row {
  id: string;
  article_id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  orphaned: 0 | 1;
  color: PassageCitation['color'];
  comment: string;
  created_at: string;
  updated_at: string;
  deleted: 0 | 1;
  trashed: 0 | 1;
  tags: string | null;
  title: string;
  byline: string | null;
  published: string | null;
  site_name: string | null;
}

/** Passages by id in the order asked, each once; ids not in the library are left out. */
export function lookupPassages(db: Database, ids: readonly string[]): PassageCitation[] {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const rows = db
    .prepare<[string], Row>(
      `SELECT p.id, p.article_id, p.exact, p.prefix, p.suffix, p.start, p."end", p.orphaned, p.color, p.comment,
              p.created_at, p.updated_at, (p.deleted_at IS NOT NULL) AS deleted,
              EXISTS (SELECT 1 FROM article_state st WHERE st.article_id = p.article_id AND st.deleted_at IS NOT NULL) AS trashed,
              (SELECT json_group_array(name) FROM (SELECT t.name FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
                 WHERE pt.passage_id = p.id ORDER BY t.name_key)) AS tags,
              a.title, a.byline, a.published, a.site_name
       FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(unique));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const article = {
      id: r.article_id,
      title: r.title,
      byline: r.byline,
      published: r.published,
      siteName: r.site_name,
    };
    return [
      {
        id: r.id,
        articleId: r.article_id,
        quote: r.exact,
        prefix: r.prefix,
        suffix: r.suffix,
        start: r.start,
        end: r.end,
        orphaned: r.orphaned === 1,
        color: r.color,
        comment: r.comment,
        tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        deleted: r.deleted === 1,
        articleTrashed: r.trashed === 1,
        article,
        citation: shortCitation(article),
      },
    ];
  });
}

/**
 * Styled citations for a note's quoted passages (in the order the note quotes them): each
 * passage's citation as Markdown, by passage id; a passage left out keeps the short citation.
 */
export type QuoteCiter = (passages: readonly PassageCitation[]) => Map<string, string>;

/** Markdown for the pictures a note's quoted passages cover, by passage id (an export's). */
export type QuotePictures = (passages: readonly PassageCitation[]) => Map<string, string>;

/**
 * A note as Markdown. Each passage quote shows the passage's current text and citation when the
 * passage row exists (even soft-deleted: it keeps its text), else the text the note last saw;
 * a deleted or purged source is said so.
 */
export function noteMarkdown(
  db: Database,
  id: string,
  cite?: QuoteCiter,
  pictures?: QuotePictures,
): { title: string; markdown: string } {
  const { title, doc } = readNoteDoc(db, id);
  const analysis = analyzeDoc(doc);
  const passages = lookupPassages(db, analysis.quotedPassageIds);
  const styled = cite?.(passages);
  const shown = pictures?.(passages);
  const sources = new Map<string, QuotedSource>(
    passages.map((p) => [
      p.id,
      {
        quote: p.quote,
        citation: p.citation,
        citationMarkdown: styled?.get(p.id),
        deleted: p.deleted,
        picturesMarkdown: shown?.get(p.id),
      },
    ]),
  );
  // Mentions by their current whole label: passages by their full quote (list labels are cut).
  const labels = new Map<string, string>();
  for (const [key, end] of describeEnds(db, analysis.mentions)) labels.set(key, end.label);
  const mentionedPassages = analysis.mentions.filter((r) => r.kind === 'passage').map((r) => r.id);
  for (const p of lookupPassages(db, mentionedPassages)) labels.set(`passage:${p.id}`, p.quote);
  return {
    title,
    markdown: docToMarkdown(
      doc,
      (pid) => sources.get(pid),
      (ref) => labels.get(endKey(ref)),
    ),
  };
}
