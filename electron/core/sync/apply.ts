/**
 * Applying one remote op: each field it sets wins when its clock reading is later than the one
 * that set the field here (so any order, and any number of repeats, ends the same). Rows are
 * written with plain SQL on the library's own tables, so the triggers keep the search indexes and
 * the change log (hence events and open windows) in step, as for a local edit; notes and articles
 * go through the core's own derivations (note text and links, passage re-anchoring).
 *
 * An op that refers to what isn't here yet (a passage before its article, a tag on a note not yet
 * arrived, an article whose original file is still being delivered) is parked and tried again.
 * An op whose data is invalid throws: the whole segment is then skipped, never half-applied.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { SyncOp } from '../../model/sync';
import { MAX_IMPORT_FILE_BYTES } from '../import';
import { CommonplaceError, errorMessage } from '../errors';
import { nowIso } from '../ids';
import { derive, saveDerivedLinks } from '../notes/repo';
import { describeRange, reanchor } from '../passages/anchoring';
import { reanchorArticlePassages } from '../passages/repo';
import { tagKey } from '../tags/names';
import { ArticleMetaRow, OriginalRow } from '../transfer/schema';
import { insertOriginal } from '../articles/originalStore';
import { readBlob, SyncFileError } from './files';
import { blobPath } from './folder';
import type { HybridClock } from './hlc';
import { mergeRemoteBody } from './noteBodies';
import {
  ARTICLE_META,
  ARTICLE_ORIGINAL,
  checkRow,
  currentRow,
  hashValue,
  isMembership,
  MEMBERSHIPS,
  NOTE_BODY,
  requiredFields,
  ROWS,
  splitMemberId,
  writeRow,
  type MembershipEntity,
  type RowEntity,
  type Value,
} from './rows';
import { DELETED, setVersion, versionsOf } from './versions';

export type ApplyResult = 'applied' | 'stale' | { parked: string };

export interface ApplyContext {
  db: Database;
  folder: string;
  deviceId: string;
  clock: HybridClock;
  /** Ids of rows created here, whose mentions and quotes in notes may now resolve. */
  created: string[];
}

const Stamp = z.iso.datetime();
const MembershipValue = z.strictObject({ created_at: Stamp }).nullable();
const OriginalValue = OriginalRow.omit({ bytes: true }).strict();
const BodyUpdate = z
  .string()
  .max(64 * 1024 * 1024)
  .base64();

const bad = (op: SyncOp, field: string, message: string) =>
  new CommonplaceError('invalid_input', `${op.e} ${op.id}: ${field} ${message}`);

const has = (db: Database, table: string, id: unknown) =>
  typeof id === 'string' && db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;

const tombstoned = (db: Database, e: string, id: string) =>
  db
    .prepare("SELECT 1 FROM sync_versions WHERE entity = ? AND entity_id = ? AND field = '_del'")
    .get(e, id) !== undefined;

export function applyOp(ctx: ApplyContext, op: SyncOp): ApplyResult {
  ctx.clock.receive(op.h);
  if (op.del) return applyDelete(ctx, op);
  if (isMembership(op.e)) return applyMembership(ctx, op, op.e);
  return applyRow(ctx, op, op.e as RowEntity);
}

function applyDelete(ctx: ApplyContext, op: SyncOp): ApplyResult {
  const { db } = ctx;
  if (isMembership(op.e)) throw bad(op, 'del', 'is not how a tag comes off (in: null)');
  const v = versionsOf(db, op.e, op.id).get(DELETED);
  if (v && v.hlc >= op.h) return 'stale';
  setVersion(db, op.e, op.id, DELETED, { hlc: op.h, hash: 'deleted' });
  const table = ROWS[op.e as RowEntity].table;
  db.prepare(`DELETE FROM ${table} WHERE id = ?`).run(op.id);
  return 'applied';
}

function applyMembership(ctx: ApplyContext, op: SyncOp, e: MembershipEntity): ApplyResult {
  const { db } = ctx;
  const m = MEMBERSHIPS[e];
  const [owner, tag] = splitMemberId(op.id);
  const keys = Object.keys(op.set ?? {});
  if (keys.length !== 1 || keys[0] !== 'in') throw bad(op, 'set', 'must set only "in"');
  const parsed = MembershipValue.safeParse(op.set!.in);
  if (!parsed.success) throw bad(op, 'in', 'must be null or {created_at}');
  const v = versionsOf(db, e, op.id).get('in');
  if (v && v.hlc >= op.h) return 'stale';
  const record = () => setVersion(db, e, op.id, 'in', { hlc: op.h, hash: hashValue(parsed.data) });
  if (parsed.data === null) {
    db.prepare(`DELETE FROM ${m.table} WHERE ${m.owner} = ? AND tag_id = ?`).run(owner, tag);
    record();
    return 'applied';
  }
  const ownerKind = e.slice(0, -4);
  if (tombstoned(db, 'tag', tag) || tombstoned(db, ownerKind, owner)) {
    record();
    return 'stale';
  }
  if (!has(db, m.ownerTable, owner)) return { parked: `its ${ownerKind} ${owner} has not arrived` };
  if (!has(db, 'tags', tag)) return { parked: `its tag ${tag} has not arrived` };
  db.prepare(
    `INSERT INTO ${m.table} (${m.owner}, tag_id, created_at) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET created_at = excluded.created_at`,
  ).run(owner, tag, parsed.data.created_at);
  record();
  return 'applied';
}

/** Checks that a plain field's value is an object of exactly its columns. */
function columnsOf(op: SyncOp, e: RowEntity, field: string, value: unknown): Value {
  const cols = (ROWS[e].fields as Record<string, readonly string[]>)[field]!;
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.keys(value).length !== cols.length ||
    !cols.every((c) => c in value)
  )
    throw bad(op, field, `must be an object of ${cols.join(', ')}`);
  return value as Value;
}

function applyRow(ctx: ApplyContext, op: SyncOp, e: RowEntity): ApplyResult {
  const { db } = ctx;
  const set = op.set!;
  const allowed = new Set(requiredFields(e));
  for (const f of Object.keys(set)) if (!allowed.has(f)) throw bad(op, f, 'is not a field');
  const versions = versionsOf(db, e, op.id);
  if (versions.has(DELETED)) return 'stale';
  const row = currentRow(db, e, op.id);
  const wins = (f: string) => {
    const v = versions.get(f);
    return !v || op.h > v.hlc;
  };
  const winning = Object.keys(set).filter((f) => f === NOTE_BODY || !row || wins(f));
  if (!row) {
    const missing = requiredFields(e).filter((f) => !(f in set));
    if (missing.length) return { parked: `arrived before the change that creates it` };
  }

  // The plain columns that win, checked as a whole row.
  const cols: Value = {};
  for (const f of winning)
    if (f in ROWS[e].fields) Object.assign(cols, columnsOf(op, e, f, set[f]));
  const merged = { ...(row ?? {}), ...cols };
  checkRow(e, op.id, merged);

  if (!row) {
    const parked = missingDependency(ctx, e, merged, set);
    if (parked) return { parked };
  }
  const clash = e === 'tag' && 'name' in cols ? tagNameClash(db, op.id, String(cols.name)) : null;
  if (clash && 'park' in clash) return { parked: clash.park };
  if (e === 'article') {
    const parked = applyArticleExtras(ctx, op, row, winning, cols);
    if (parked) return { parked };
  }
  if (e === 'link' && !row && linkClash(db, op.id, merged)) {
    for (const f of winning) setVersion(db, e, op.id, f, { hlc: op.h, hash: hashValue(set[f]) });
    return 'stale';
  }

  if (e === 'note') applyNote(ctx, op, row, cols);
  else {
    writeRow(db, e, op.id, cols, row !== undefined);
    if (e === 'article' && set[ARTICLE_META] !== undefined && winning.includes(ARTICLE_META))
      writeMeta(op, db, set[ARTICLE_META]);
  }
  if (clash) mergeTagInto(db, clash.from, op.id);
  if (!row) ctx.created.push(op.id);
  if (e === 'article' && row && 'text' in cols && cols.text !== row.text)
    reanchorArticlePassages(db, op.id, row.text as string, cols.text as string);
  if (e === 'passage') fitAnchor(db, op.id);

  for (const f of winning) {
    if (f === NOTE_BODY) continue;
    setVersion(db, e, op.id, f, { hlc: op.h, hash: hashValue(set[f]) });
  }
  return 'applied';
}

function missingDependency(ctx: ApplyContext, e: RowEntity, row: Value, set: Value): string | null {
  const { db } = ctx;
  if (e === 'passage' && !has(db, 'articles', row.article_id))
    return `its article ${String(row.article_id)} has not arrived`;
  if (e === 'link')
    for (const end of ['from', 'to'])
      for (const kind of ['article', 'passage', 'note']) {
        const id = row[`${end}_${kind}`];
        if (id !== null && id !== undefined && !has(db, `${kind}s`, id))
          return `its ${kind} ${String(id)} has not arrived`;
      }
  if (e === 'article' && set[ARTICLE_ORIGINAL] === null)
    throw new CommonplaceError('invalid_input', `article: has no original`);
  return null;
}

/**
 * Two devices made a tag of one name offline: the one with the smaller id stays and the other's
 * passages, articles and notes move to it (those moves are then sent like local edits). When the
 * incoming tag is the larger one it waits, parked, until its own device merges it away.
 * Returns the reason to park, or the id of the local tag to merge into the incoming one.
 */
function tagNameClash(
  db: Database,
  id: string,
  name: string,
): { park: string } | { from: string } | null {
  const other = db
    .prepare<[string, string], { id: string }>('SELECT id FROM tags WHERE name_key = ? AND id <> ?')
    .get(tagKey(name), id);
  if (!other) return null;
  if (other.id < id) return { park: `tag "${name}" is also tag ${other.id} here (that one stays)` };
  // Frees the name for the incoming tag; mergeTagInto removes this row once it is written.
  db.prepare("UPDATE tags SET name_key = name_key || ' (merging ' || id || ')' WHERE id = ?").run(
    other.id,
  );
  return { from: other.id };
}

function mergeTagInto(db: Database, from: string, into: string): void {
  for (const m of Object.values(MEMBERSHIPS))
    db.prepare(
      `INSERT OR IGNORE INTO ${m.table} (${m.owner}, tag_id, created_at) SELECT ${m.owner}, ?, created_at FROM ${m.table} WHERE tag_id = ?`,
    ).run(into, from);
  db.prepare('DELETE FROM tags WHERE id = ?').run(from);
}

/**
 * The same link (ends and relation) made on two devices offline: the one with the smaller id
 * stays. Returns true when the incoming one is the one that goes.
 */
function linkClash(db: Database, id: string, row: Value): boolean {
  const end = (side: string) =>
    ['article', 'passage', 'note'].map((k) => row[`${side}_${k}`]).find((v) => v != null);
  const other = db
    .prepare<[unknown, unknown, unknown], { id: string }>(
      `SELECT id FROM links WHERE coalesce(from_article, from_passage, from_note) = ?
         AND coalesce(to_article, to_passage, to_note) = ? AND relation = ?`,
    )
    .get(end('from'), end('to'), row.relation);
  if (!other || other.id === id) return false;
  if (other.id < id) return true;
  db.prepare('DELETE FROM links WHERE id = ?').run(other.id);
  return false;
}

/** The original (a verified blob) before the content that refers to it; the losing text kept. */
function applyArticleExtras(
  ctx: ApplyContext,
  op: SyncOp,
  row: Value | undefined,
  winning: string[],
  cols: Value,
): string | null {
  const { db } = ctx;
  const set = op.set!;
  if (set[ARTICLE_ORIGINAL] !== undefined && set[ARTICLE_ORIGINAL] !== null) {
    const parsed = OriginalValue.safeParse(set[ARTICLE_ORIGINAL]);
    if (!parsed.success)
      throw bad(op, ARTICLE_ORIGINAL, parsed.error.issues[0]?.message ?? 'is not valid');
    const o = parsed.data;
    if (!db.prepare('SELECT 1 FROM originals WHERE hash = ?').get(o.hash)) {
      let bytes: Buffer;
      try {
        bytes = readBlob(blobPath(ctx.folder, o.hash), o.hash, MAX_IMPORT_FILE_BYTES);
      } catch (e) {
        if (e instanceof SyncFileError) return e.message;
        throw e;
      }
      if (bytes.length !== o.size) return `original ${o.hash}: size does not match`;
      insertOriginal(db, {
        hash: o.hash,
        bytes,
        mediaType: o.media_type,
        fileName: o.file_name,
        createdAt: o.created_at,
      });
    }
  }
  if ('hash' in cols && !db.prepare('SELECT 1 FROM originals WHERE hash = ?').get(cols.hash))
    return `its original ${String(cols.hash)} has not arrived`;
  const twin = db
    .prepare<[unknown, string], { id: string }>(
      'SELECT id FROM articles WHERE hash = ? AND id <> ?',
    )
    .get(cols.hash, op.id);
  if ('hash' in cols && twin)
    return `the same file is article ${twin.id} here (imported on both devices; not merged yet)`;
  // Edit text is last writer wins; the other version stays as a revision on this device.
  const content = ROWS.article.fields.content;
  if (row && set.content !== undefined) {
    const local = Object.fromEntries(content.map((c) => [c, row[c] ?? null]));
    if (hashValue(local) !== hashValue(set.content)) {
      const keep = winning.includes('content') ? local : (set.content as Value);
      db.prepare(
        'INSERT INTO sync_revisions (article_id, hlc, content, kept_at) VALUES (?, ?, ?, ?)',
      ).run(op.id, op.h, JSON.stringify(keep), nowIso());
    }
  }
  return null;
}

function writeMeta(op: SyncOp, db: Database, value: unknown): void {
  if (value === null) {
    db.prepare('DELETE FROM article_meta WHERE article_id = ?').run(op.id);
    return;
  }
  const parsed = ArticleMetaRow.safeParse({ ...(value as object), article_id: op.id });
  if (!parsed.success)
    throw bad(op, ARTICLE_META, parsed.error.issues[0]?.message ?? 'is not valid');
  const m = parsed.data;
  db.prepare(
    `INSERT INTO article_meta (article_id, imported, edited, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET imported = excluded.imported, edited = excluded.edited, updated_at = excluded.updated_at`,
  ).run(op.id, m.imported, m.edited, m.updated_at);
}

/** The note's columns and its merged body, derived (text, excerpt, word count, links) as on save. */
function applyNote(ctx: ApplyContext, op: SyncOp, row: Value | undefined, cols: Value): void {
  const { db } = ctx;
  const update = op.set![NOTE_BODY];
  if (update !== undefined) {
    const parsed = BodyUpdate.safeParse(update);
    if (!parsed.success) throw bad(op, NOTE_BODY, 'must be a base64 Yjs update');
    const merged = mergeRemoteBody(db, op.id, ctx.deviceId, parsed.data);
    let d;
    try {
      d = derive(JSON.parse(merged));
    } catch (e) {
      throw bad(op, NOTE_BODY, `does not merge into a valid note (${errorMessage(e)})`);
    }
    if (!row || row.doc !== d.json)
      Object.assign(cols, {
        doc: d.json,
        text: d.text,
        excerpt: d.excerpt,
        word_count: d.wordCount,
      });
    const v = versionsOf(db, 'note', op.id).get(NOTE_BODY);
    setVersion(db, 'note', op.id, NOTE_BODY, {
      hlc: v && v.hlc > op.h ? v.hlc : op.h,
      hash: hashValue({ doc: d.json }),
    });
    writeNoteColumns(db, op.id, cols, row !== undefined);
    saveDerivedLinks(db, op.id, d.doc);
    return;
  }
  writeNoteColumns(db, op.id, cols, row !== undefined);
}

function writeNoteColumns(db: Database, id: string, cols: Value, exists: boolean): void {
  const names = Object.keys(cols);
  if (!names.length) return;
  if (exists)
    db.prepare(
      `UPDATE notes SET ${names.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`,
    ).run({ ...cols, id });
  else
    db.prepare(
      `INSERT INTO notes (id, ${names.join(', ')}) VALUES (@id, ${names.map((c) => `@${c}`).join(', ')})`,
    ).run({ ...cols, id });
}

/**
 * A passage placed on another version of its article's text (made before an edit arrived) is
 * placed again on this text by its quote, as after any edit (else orphaned, never dropped); the
 * result is sent like a local change.
 */
function fitAnchor(db: Database, id: string): void {
  const p = db
    .prepare<[string], PassageFit>(
      'SELECT p.exact, p.prefix, p.suffix, p.start, p."end" AS "end", a.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.id = ? AND p.deleted_at IS NULL AND p.orphaned = 0',
    )
    .get(id);
  if (!p || p.text.slice(p.start, p.end) === p.exact) return;
  const placed = reanchor(p.text, {
    quote: { exact: p.exact, prefix: p.prefix, suffix: p.suffix },
    position: { start: p.start, end: p.end },
  });
  if (placed.status === 'orphaned') {
    db.prepare('UPDATE passages SET orphaned = 1 WHERE id = ?').run(id);
    return;
  }
  const sel = describeRange(p.text, placed.start, placed.end);
  db.prepare(
    'UPDATE passages SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ? WHERE id = ?',
  ).run(
    sel.quote.exact,
    sel.quote.prefix,
    sel.quote.suffix,
    sel.position.start,
    sel.position.end,
    id,
  );
}

interface PassageFit {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  text: string;
}
