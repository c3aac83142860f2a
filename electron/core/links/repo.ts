/**
 * Links between articles, passages and notes (table `links`, migration 4).
 *
 * Delete behaviour: deleting a passage or a note is soft, so its links stay; lists show that end
 * with `deleted: true` and undo restores everything. A hard delete (an article removed, taking its
 * passages) removes the links by the foreign keys' ON DELETE CASCADE. Notes never break: a quote
 * keeps its last text.
 */
import type { Database } from 'better-sqlite3';
import {
  DERIVED_RELATIONS,
  LINK_RELATIONS,
  type EntityKind,
  type EntityRef,
  type Link,
  type LinkView,
} from '../../model/links';
import { CommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { describeEnds, endKey, KIND_TABLE, requireEnd } from './ends';
import { writeTransaction } from '../db/transactions';

type Origin = Link['origin'];
const KINDS: readonly EntityKind[] = ['article', 'passage', 'note'];

interface LinkRow {
  id: string;
  from_article: string | null;
  from_passage: string | null;
  from_note: string | null;
  to_article: string | null;
  to_passage: string | null;
  to_note: string | null;
  relation: string;
  origin: Origin;
  created_at: string;
}

function end(r: LinkRow, side: 'from' | 'to'): EntityRef {
  for (const kind of KINDS) {
    const id = r[`${side}_${kind}`];
    if (id) return { kind, id };
  }
  throw new CommonplaceError('internal', `link ${r.id}: has no ${side} end`);
}

function toLink(r: LinkRow): Link {
  return {
    id: r.id,
    from: end(r, 'from'),
    to: end(r, 'to'),
    relation: r.relation,
    origin: r.origin,
    createdAt: r.created_at,
  };
}

/**
 * A relation as stored: whitespace folded, and a built-in one spelled as built in ("See also",
 * "see_also" → "see-also"); any other label is kept as typed.
 */
export function normalizeRelation(raw: string): string {
  const folded = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  const key = folded.toLowerCase().replace(/[\s_]+/g, '-');
  return (LINK_RELATIONS as readonly string[]).find((r) => r === key) ?? folded;
}

const describe = (ref: EntityRef) => `${ref.kind} ${ref.id}`;

function findLink(
  db: Database,
  from: EntityRef,
  to: EntityRef,
  relation: string,
): LinkRow | undefined {
  return db
    .prepare<[string, string, string], LinkRow>(
      `SELECT * FROM links WHERE from_${from.kind} = ? AND to_${to.kind} = ? AND relation = ?`,
    )
    .get(from.id, to.id, relation);
}

function insertLink(
  db: Database,
  from: EntityRef,
  to: EntityRef,
  relation: string,
  origin: Origin,
): string {
  const id = newId();
  db.prepare(
    `INSERT INTO links (id, from_${from.kind}, to_${to.kind}, relation, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, from.id, to.id, relation, origin, nowIso());
  return id;
}

export function getLink(db: Database, id: string): Link {
  const row = db.prepare<[string], LinkRow>('SELECT * FROM links WHERE id = ?').get(id);
  if (!row) throw new CommonplaceError('not_found', `link ${id}: not in this library`);
  return toLink(row);
}

/**
 * A link made by hand. Both ends must exist and be live; a thing can't link to itself, and the
 * same two things can't be linked twice with the same relation. Cycles (A→B→A) are fine: lists
 * only ever read one step.
 */
export function createLink(
  db: Database,
  from: EntityRef,
  to: EntityRef,
  rawRelation: string,
): Link {
  const relation = normalizeRelation(rawRelation);
  if (!relation) throw new CommonplaceError('invalid_input', 'relation is empty');
  if ([...relation].length > 60)
    throw new CommonplaceError('invalid_input', 'relation is longer than 60 characters');
  if ((DERIVED_RELATIONS as readonly string[]).includes(relation.toLowerCase())) {
    throw new CommonplaceError(
      'invalid_link',
      `relation "${relation}" is written by notes (a mention or quote in a note's text), not by hand`,
    );
  }
  if (from.id === to.id)
    throw new CommonplaceError('invalid_link', `${describe(from)}: cannot be linked to itself`);
  return writeTransaction(db, () => {
    requireEnd(db, from, true);
    requireEnd(db, to, true);
    const existing = findLink(db, from, to, relation);
    if (existing) {
      throw new CommonplaceError(
        'duplicate_link',
        `${describe(from)} already links to ${describe(to)} as "${relation}" (link ${existing.id})`,
      );
    }
    return getLink(db, insertLink(db, from, to, relation, 'link'));
  });
}

/** Removes a link made by hand; mentions and quotes go when the note's text loses them. */
export function deleteLink(db: Database, id: string): Link {
  const link = getLink(db, id);
  if (link.origin !== 'link') {
    throw new CommonplaceError(
      'invalid_link',
      `link ${id}: is a ${link.origin} in note ${link.from.id}; edit the note to remove it`,
    );
  }
  db.prepare('DELETE FROM links WHERE id = ?').run(id);
  return link;
}

/**
 * Links from and to one thing, each with its other end described. One step only, so cycles
 * terminate; both directions are index lookups (one index per foreign-key column).
 */
export function listLinks(
  db: Database,
  ref: EntityRef,
): { outgoing: LinkView[]; incoming: LinkView[] } {
  requireEnd(db, ref);
  const rows = (side: 'from' | 'to') =>
    db
      .prepare<[string], LinkRow>(
        `SELECT * FROM links WHERE ${side}_${ref.kind} = ? ORDER BY created_at, id`,
      )
      .all(ref.id)
      .map(toLink);
  const outgoing = rows('from');
  const incoming = rows('to');
  const ends = describeEnds(db, [...outgoing.map((l) => l.to), ...incoming.map((l) => l.from)]);
  const view = (l: Link, other: EntityRef): LinkView[] => {
    const described = ends.get(endKey(other));
    // A foreign key guarantees the row exists; an end missing here would be a broken library.
    return described ? [{ ...l, other: described }] : [];
  };
  return {
    outgoing: outgoing.flatMap((l) => view(l, l.to)),
    incoming: incoming.flatMap((l) => view(l, l.from)),
  };
}

/** What a note's document says it links to (its mentions and passage quotes). */
export interface DerivedTargets {
  mentions: readonly EntityRef[];
  quotedPassageIds: readonly string[];
}

/**
 * Makes a note's `mention` and `quote` links match its document (call inside the save's
 * transaction). Only the difference is written, so an autosave that changed words but no
 * references writes no link rows and sends no link events. Targets that don't exist (an id from
 * another library, a passage purged since) get no link; the node itself keeps its text. Links
 * made by hand are never touched.
 */
export function syncNoteLinks(db: Database, noteId: string, targets: DerivedTargets): void {
  const wanted = new Map<string, { to: EntityRef; relation: string; origin: Origin }>();
  const add = (to: EntityRef, origin: Origin) => {
    if (to.kind === 'note' && to.id === noteId) return;
    const relation = origin === 'quote' ? 'quotes' : 'mentions';
    wanted.set(`${endKey(to)}|${relation}`, { to, relation, origin });
  };
  const existing = existingIds(db, [
    ...targets.mentions,
    ...targets.quotedPassageIds.map((id) => ({ kind: 'passage' as const, id })),
  ]);
  for (const m of targets.mentions) if (existing.has(endKey(m))) add(m, 'mention');
  for (const id of targets.quotedPassageIds)
    if (existing.has(`passage:${id}`)) add({ kind: 'passage', id }, 'quote');

  const current = db
    .prepare<[string], LinkRow>(
      "SELECT * FROM links WHERE from_note = ? AND origin IN ('mention', 'quote')",
    )
    .all(noteId);
  const remove = db.prepare('DELETE FROM links WHERE id = ?');
  for (const row of current) {
    const key = `${endKey(end(row, 'to'))}|${row.relation}`;
    if (wanted.has(key)) wanted.delete(key);
    else remove.run(row.id);
  }
  const from: EntityRef = { kind: 'note', id: noteId };
  for (const w of wanted.values()) insertLink(db, from, w.to, w.relation, w.origin);
}

/** Which of these refs name a row that exists (soft-deleted rows count: their links are kept). */
function existingIds(db: Database, refs: readonly EntityRef[]): Set<string> {
  const found = new Set<string>();
  for (const kind of KINDS) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    if (!ids.length) continue;
    const rows = db
      .prepare<[string], { id: string }>(
        `SELECT id FROM ${KIND_TABLE[kind]} WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids));
    for (const r of rows) found.add(`${kind}:${r.id}`);
  }
  return found;
}
