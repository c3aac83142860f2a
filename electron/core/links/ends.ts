/**
 * The things a link can join (articles, passages, notes): which table holds an id, whether it is
 * there, and how a list shows it (LinkEnd). Lookups are batched per kind, so listing the links of
 * a much-linked passage costs three queries, not one per link.
 */
import type { Database } from 'better-sqlite3';
import type { EntityKind, EntityRef, LinkEnd } from '../../model/links';
import { CommonplaceError } from '../errors';
import { truncate } from '../text-fields';
import { UNTITLED_NOTE } from '../../model/titles';

export const KIND_TABLE: Record<EntityKind, 'articles' | 'passages' | 'notes'> = {
  article: 'articles',
  passage: 'passages',
  note: 'notes',
};

/** Longest label a list shows for a passage (its quote) or an untitled note (its first words). */
export const MAX_LABEL = 300;

/** A note's label: its title, else its first line, else "Untitled note". */
export function noteLabel(title: string, textHead: string): string {
  if (title.trim()) return title;
  const first = textHead.split('\n').find((l) => l.trim());
  return first ? truncate(first.replace(/\s+/g, ' ').trim(), 80) : UNTITLED_NOTE;
}

interface EndRow {
  id: string;
  label: string;
  context: string | null;
  article_id: string | null;
  deleted: 0 | 1;
}

/**
 * Articles navigate to themselves; a passage to the article holding it; a note to nothing else.
 * An article in the trash, and its passages, are shown as deleted (a restore brings them back).
 */
const END_SQL: Record<EntityKind, string> = {
  article: `SELECT a.id, a.title AS label, NULL AS context, a.id AS article_id, (s.deleted_at IS NOT NULL) AS deleted
    FROM articles a LEFT JOIN article_state s ON s.article_id = a.id`,
  passage: `SELECT p.id, p.exact AS label, a.title AS context, p.article_id, (p.deleted_at IS NOT NULL OR s.deleted_at IS NOT NULL) AS deleted
    FROM passages p JOIN articles a ON a.id = p.article_id LEFT JOIN article_state s ON s.article_id = a.id`,
  note: `SELECT id, title AS label, substr(text, 1, 200) AS context, NULL AS article_id, (deleted_at IS NOT NULL) AS deleted FROM notes`,
};
const ID_COLUMN: Record<EntityKind, string> = { article: 'a.id', passage: 'p.id', note: 'id' };

function toEnd(kind: EntityKind, r: EndRow): LinkEnd {
  return {
    ref: { kind, id: r.id },
    label:
      kind === 'note'
        ? noteLabel(r.label, r.context ?? '')
        : kind === 'passage'
          ? truncate(r.label.replace(/\s+/g, ' ').trim(), MAX_LABEL)
          : r.label,
    context: kind === 'passage' ? r.context : null,
    articleId: r.article_id,
    deleted: r.deleted === 1,
  };
}

/** Describes many ends at once; ids not found are left out of the map. */
export function describeEnds(db: Database, refs: readonly EntityRef[]): Map<string, LinkEnd> {
  const out = new Map<string, LinkEnd>();
  for (const kind of Object.keys(END_SQL) as EntityKind[]) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    if (!ids.length) continue;
    const rows = db
      .prepare<[string], EndRow>(
        `${END_SQL[kind]} WHERE ${ID_COLUMN[kind]} IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    for (const r of rows) out.set(`${kind}:${r.id}`, toEnd(kind, r));
  }
  return out;
}

export const endKey = (ref: EntityRef) => `${ref.kind}:${ref.id}`;

/** One end, or not_found naming its kind and id. `live` also refuses a soft-deleted one. */
export function requireEnd(db: Database, ref: EntityRef, live = false): LinkEnd {
  const end = describeEnds(db, [ref]).get(endKey(ref));
  if (!end) {
    const elsewhere = findKind(db, ref.id);
    throw new CommonplaceError(
      'not_found',
      `${ref.kind} ${ref.id}: not in this library${elsewhere ? ` (that id is a ${elsewhere})` : ''}`,
    );
  }
  if (live && end.deleted)
    throw new CommonplaceError(
      'not_found',
      `${ref.kind} ${ref.id}: was deleted (restore it first)`,
    );
  return end;
}

/** Which table holds an id (deleted passages and notes included), or null. */
export function findKind(db: Database, id: string): EntityKind | null {
  for (const kind of ['article', 'passage', 'note'] as const) {
    if (db.prepare(`SELECT 1 FROM ${KIND_TABLE[kind]} WHERE id = ?`).get(id)) return kind;
  }
  return null;
}

export function resolveRef(db: Database, id: string): EntityRef {
  const kind = findKind(db, id);
  if (!kind)
    throw new CommonplaceError('not_found', `${id}: no article, passage or note has this id`);
  return { kind, id };
}
