import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import type { Passage, PassageColor } from '../../model/passages';
import { getArticleText } from '../articles/repo';
import { CommonplaceError } from '../errors';
import { newId, nowIso } from '../ids';
import { safeTagKey } from '../tags/names';
import { ensureTags } from '../tags/repo';
import { cleanComment } from '../text-fields';
import {
  describeRange,
  findQuote,
  reanchorAfterEdit,
  type Placement,
  type Selectors,
} from './anchoring';
import { writeTransaction } from '../db/transactions';

/** A `passages` row with its tag names as a JSON array (`tags`), as SELECT_PASSAGES reads it. */
export interface PassageRow {
  id: string;
  article_id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  orphaned: 0 | 1;
  color: PassageColor;
  comment: string;
  created_at: string;
  updated_at: string;
  tags: string | null;
}

// Tags come back as one JSON array per row (ordered by name) instead of one query per passage.
const SELECT_PASSAGES = `
  SELECT p.id, p.article_id, p.exact, p.prefix, p.suffix, p.start, p."end", p.orphaned, p.color, p.comment,
         p.created_at, p.updated_at,
         (SELECT json_group_array(name) FROM (SELECT t.name FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id
            WHERE pt.passage_id = p.id ORDER BY t.name_key)) AS tags
  FROM passages p`;

/** `tags`: the passage's tag names when they were fetched apart from the row. */
export function toPassage(r: PassageRow, tags?: string[]): Passage {
  return {
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
    tags: tags ?? (r.tags ? (JSON.parse(r.tags) as string[]) : []),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewPassage {
  articleId: string;
  start: number;
  end: number;
  color: PassageColor;
  tags: readonly string[];
  comment: string;
}

export function createPassage(db: Database, p: NewPassage): Passage {
  const text = getArticleText(db, p.articleId);
  const sel = describeRange(text, p.start, p.end);
  const id = newId();
  const now = nowIso();
  writeTransaction(db, () => {
    // Cached: compiling the insert compiles its search triggers, which costs more than running it.
    cachedStatement(
      db,
      `INSERT INTO passages (id, article_id, exact, prefix, suffix, start, "end", orphaned, color, comment, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
    ).run(
      id,
      p.articleId,
      sel.quote.exact,
      sel.quote.prefix,
      sel.quote.suffix,
      sel.position.start,
      sel.position.end,
      p.color,
      cleanComment(p.comment),
      now,
      now,
    );
    setPassageTags(db, id, p.tags);
  });
  return getPassage(db, id);
}

/** The CLI's way in: the quote must occur in the article (the Nth occurrence, default first). */
export function createPassageFromQuote(
  db: Database,
  p: Omit<NewPassage, 'start' | 'end'> & { quote: string; occurrence: number },
): Passage {
  const text = getArticleText(db, p.articleId);
  const { start, end } = findQuote(text, p.quote, p.occurrence);
  return createPassage(db, { ...p, start, end });
}

export function getPassage(db: Database, id: string): Passage {
  const row = db
    .prepare<[string], PassageRow>(`${SELECT_PASSAGES} WHERE p.id = ? AND p.deleted_at IS NULL`)
    .get(id);
  if (!row) throw new CommonplaceError('not_found', `passage ${id}: not in this library`);
  return toPassage(row);
}

export interface PassageFilter {
  articleId?: string;
  tag?: string;
}

// The passage columns alone: a list adds the tags with one more query (below), not a subquery per row.
// Read as arrays (`raw()`), in this order: better-sqlite3 builds row objects key by key through
// V8's C++ API, about 40 % of listing 1,000 passages (7 → 4.5 ms); the objects are made in JS below.
const SELECT_PASSAGE_COLUMNS = `
  SELECT p.id, p.article_id, p.exact, p.prefix, p.suffix, p.start, p."end", p.orphaned, p.color, p.comment,
         p.created_at, p.updated_at
  FROM passages p`;
type PassageColumns = [
  string,
  string,
  string,
  string,
  string,
  number,
  number,
  0 | 1,
  PassageColor,
  string,
  string,
  string,
];

function rowFromColumns(c: PassageColumns): PassageRow {
  return {
    id: c[0],
    article_id: c[1],
    exact: c[2],
    prefix: c[3],
    suffix: c[4],
    start: c[5],
    end: c[6],
    orphaned: c[7],
    color: c[8],
    comment: c[9],
    created_at: c[10],
    updated_at: c[11],
    tags: null,
  };
}

/** Passages in reading order (by article, then position); orphans keep their last position. */
export function listPassages(db: Database, f: PassageFilter = {}): Passage[] {
  const where = ['p.deleted_at IS NULL'];
  const params: string[] = [];
  if (f.articleId) {
    where.push('p.article_id = ?');
    params.push(f.articleId);
  }
  if (f.tag !== undefined) {
    where.push(
      'EXISTS (SELECT 1 FROM passage_tags pt JOIN tags t ON t.id = pt.tag_id WHERE pt.passage_id = p.id AND t.name_key = ?)',
    );
    params.push(safeTagKey(f.tag));
  }
  const condition = where.join(' AND ');
  const rows = db
    .prepare<string[], PassageColumns>(
      `${SELECT_PASSAGE_COLUMNS} WHERE ${condition} ORDER BY p.article_id, p.start, p."end" DESC, p.id`,
    )
    .raw()
    .all(...params)
    .map(rowFromColumns);
  // Every tag of the listed passages at once, by name key, so each passage's list comes out sorted.
  const tags = new Map<string, string[]>();
  const tagRows = db
    .prepare<string[], [string, string]>(
      `SELECT pt.passage_id, t.name FROM passages p JOIN passage_tags pt ON pt.passage_id = p.id JOIN tags t ON t.id = pt.tag_id
       WHERE ${condition} ORDER BY t.name_key`,
    )
    .raw()
    .all(...params);
  for (const [passageId, name] of tagRows) {
    const list = tags.get(passageId);
    if (list) list.push(name);
    else tags.set(passageId, [name]);
  }
  return rows.map((row) => toPassage(row, tags.get(row.id) ?? []));
}

export interface PassagePatch {
  color?: PassageColor;
  tags?: readonly string[];
  comment?: string;
}

export function updatePassage(db: Database, id: string, patch: PassagePatch): Passage {
  getPassage(db, id);
  writeTransaction(db, () => {
    const now = nowIso();
    if (patch.color !== undefined)
      db.prepare('UPDATE passages SET color = ?, updated_at = ? WHERE id = ?').run(
        patch.color,
        now,
        id,
      );
    if (patch.comment !== undefined)
      db.prepare('UPDATE passages SET comment = ?, updated_at = ? WHERE id = ?').run(
        cleanComment(patch.comment),
        now,
        id,
      );
    if (patch.tags !== undefined) {
      setPassageTags(db, id, patch.tags);
      db.prepare('UPDATE passages SET updated_at = ? WHERE id = ?').run(now, id);
    }
  });
  return getPassage(db, id);
}

function setPassageTags(db: Database, passageId: string, names: readonly string[]): void {
  const ids = ensureTags(db, names);
  const current = cachedStatement<[string], { tag_id: string }>(
    db,
    'SELECT tag_id FROM passage_tags WHERE passage_id = ?',
  )
    .all(passageId)
    .map((r) => r.tag_id);
  const remove = cachedStatement(
    db,
    'DELETE FROM passage_tags WHERE passage_id = ? AND tag_id = ?',
  );
  for (const t of current) if (!ids.includes(t)) remove.run(passageId, t);
  const add = cachedStatement(
    db,
    'INSERT OR IGNORE INTO passage_tags (passage_id, tag_id, created_at) VALUES (?, ?, ?)',
  );
  const now = nowIso();
  for (const t of ids) add.run(passageId, t, now);
}

/** Soft delete: `restorePassage` undoes it. */
export function deletePassage(db: Database, id: string): Passage {
  const passage = getPassage(db, id);
  const now = nowIso();
  db.prepare('UPDATE passages SET deleted_at = ?, updated_at = ? WHERE id = ?').run(now, now, id);
  return passage;
}

export function restorePassage(db: Database, id: string): Passage {
  const r = db
    .prepare(
      'UPDATE passages SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL',
    )
    .run(nowIso(), id);
  if (r.changes === 0)
    throw new CommonplaceError(
      'not_found',
      `passage ${id}: nothing to undo (not deleted, or not in this library)`,
    );
  return getPassage(db, id);
}

/** Re-attaches a passage (typically an orphan) to a new selection in its article. */
export function reattachPassage(db: Database, id: string, start: number, end: number): Passage {
  const p = getPassage(db, id);
  const sel = describeRange(getArticleText(db, p.articleId), start, end);
  db.prepare(
    `UPDATE passages SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, orphaned = 0, updated_at = ? WHERE id = ?`,
  ).run(
    sel.quote.exact,
    sel.quote.prefix,
    sel.quote.suffix,
    sel.position.start,
    sel.position.end,
    nowIso(),
    id,
  );
  return getPassage(db, id);
}

export interface ReanchorReport {
  /** Still at the same offsets with the same text. */
  unchanged: number;
  /** Same text, found at a new place. */
  moved: number;
  /** Found by fuzzy match: the passage's text itself changed. */
  changed: number;
  orphaned: number;
}

/**
 * After an article's text changed (edit or re-import): places every passage again and stores
 * the result (call inside the transaction that changed the text). Nothing is ever dropped: a
 * passage that cannot be placed is marked orphaned and keeps its quote.
 */
export function reanchorArticlePassages(
  db: Database,
  articleId: string,
  oldText: string,
  newText: string,
): ReanchorReport {
  const rows = db
    .prepare<[string], PassageRow>(
      `${SELECT_PASSAGES} WHERE p.article_id = ? AND p.deleted_at IS NULL`,
    )
    .all(articleId);
  const report: ReanchorReport = { unchanged: 0, moved: 0, changed: 0, orphaned: 0 };
  if (!rows.length) return report;
  const selectors: Selectors[] = rows.map((r) => ({
    quote: { exact: r.exact, prefix: r.prefix, suffix: r.suffix },
    position: { start: r.start, end: r.end },
  }));
  // The diff of old and new text places passages in untouched paragraphs exactly, even next to near-duplicates.
  const placements: Placement[] = reanchorAfterEdit(oldText, newText, selectors);
  const store = db.prepare(
    `UPDATE passages SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?, orphaned = 0, updated_at = ? WHERE id = ?`,
  );
  const orphan = db.prepare(
    'UPDATE passages SET orphaned = 1, updated_at = ? WHERE id = ? AND orphaned = 0',
  );
  const now = nowIso();
  rows.forEach((row, i) => {
    const placed = placements[i]!;
    if (placed.status === 'orphaned') {
      report.orphaned++;
      orphan.run(now, row.id);
      return;
    }
    const sel = describeRange(newText, placed.start, placed.end);
    const same = sel.quote.exact === row.exact;
    if (same && placed.start === row.start && placed.end === row.end && !row.orphaned)
      report.unchanged++;
    else if (same) report.moved++;
    else report.changed++;
    if (!(
      same &&
      placed.start === row.start &&
      sel.quote.prefix === row.prefix &&
      sel.quote.suffix === row.suffix &&
      !row.orphaned
    )) {
      store.run(
        sel.quote.exact,
        sel.quote.prefix,
        sel.quote.suffix,
        sel.position.start,
        sel.position.end,
        now,
        row.id,
      );
    }
  });
  return report;
}
