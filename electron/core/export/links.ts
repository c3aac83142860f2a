/**
 * Links between passages, for the formats that keep them (wiki links, `linking` annotations).
 * The `links` table arrives with migration 4 (notes and links); on an older library, or if its
 * shape differs, exports simply carry no links.
 */
import type { Database } from 'better-sqlite3';
import type { ExportLink } from './types';

interface LinkRow {
  this_id: string;
  other_id: string;
  relation: string;
  direction: 'out' | 'in';
  other_quote: string | null;
  other_article: string | null;
  other_title: string | null;
}

function hasLinksTable(db: Database): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'links'").get() !==
    undefined
  );
}

/** Links from and to the given passages whose other end is a live passage, by passage id. */
export function passageLinks(
  db: Database,
  passageIds: readonly string[],
): Map<string, ExportLink[]> {
  const byPassage = new Map<string, ExportLink[]>();
  if (!passageIds.length || !hasLinksTable(db)) return byPassage;
  const other = (col: string) =>
    `JOIN passages o ON o.id = l.${col} AND o.deleted_at IS NULL LEFT JOIN articles a ON a.id = o.article_id
     LEFT JOIN article_state st ON st.article_id = o.article_id AND st.deleted_at IS NOT NULL`;
  const sql = `
    SELECT l.from_passage AS this_id, l.to_passage AS other_id, l.relation, 'out' AS direction, o.exact AS other_quote, o.article_id AS other_article, a.title AS other_title
      FROM links l ${other('to_passage')} WHERE l.from_passage IN (SELECT value FROM json_each(?)) AND st.article_id IS NULL
    UNION ALL
    SELECT l.to_passage, l.from_passage, l.relation, 'in', o.exact, o.article_id, a.title
      FROM links l ${other('from_passage')} WHERE l.to_passage IN (SELECT value FROM json_each(?)) AND st.article_id IS NULL
    ORDER BY 1, 4 DESC, 3, 2`;
  let rows: LinkRow[];
  try {
    const ids = JSON.stringify(passageIds);
    rows = db.prepare<[string, string], LinkRow>(sql).all(ids, ids);
  } catch {
    // A links table of another shape (a newer or foreign schema): export without links.
    return byPassage;
  }
  for (const r of rows) {
    const list = byPassage.get(r.this_id) ?? [];
    list.push({
      relation: r.relation,
      direction: r.direction,
      otherId: r.other_id,
      otherQuote: r.other_quote,
      otherSourceId: r.other_article,
      otherSourceTitle: r.other_title,
    });
    byPassage.set(r.this_id, list);
  }
  return byPassage;
}
