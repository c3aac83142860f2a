/**
 * What of each synced row travels, in which groups of columns ("fields": each merges by itself,
 * last writer by clock wins), and how a row is read and written. Values are objects of columns in
 * a fixed order, so their JSON (and its hash) is the same on every device.
 *
 * Rows written here are checked with the same row schemas a JSON restore uses (transfer/schema.ts:
 * what the API would accept), so a segment can't put into a library what the app never writes.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { SyncEntity } from '../../model/sync';
import { CommonplaceError } from '../errors';
import { tagKey } from '../tags/names';
import { ArticleRow, LinkRow, NoteRow, PassageRow, TagRow } from '../transfer/schema';
import { sha256Hex } from './files';
import type { Body } from '../../model/body';
import { packBody, unpackBody } from '../articles/bodyStore';

export type Value = Record<string, unknown>;
export type Snapshot = Record<string, Value | null>;

interface RowSpec {
  table: string;
  /** field name → the columns it carries. */
  fields: Record<string, readonly string[]>;
  schema: z.ZodObject;
}

const one = (...cols: string[]) => Object.fromEntries(cols.map((c) => [c, [c]]));

/** Plain rows keyed by `id`; articles and notes add what isn't a column (content, meta, body). */
export const ROWS = {
  tag: {
    table: 'tags',
    fields: { name: ['name'], ...one('color', 'created_at', 'updated_at') },
    schema: TagRow.omit({ name_key: true }),
  },
  article: {
    table: 'articles',
    fields: {
      // The text is one field: a correction replaces text, body and pages together.
      content: ['hash', 'format', 'text', 'body', 'pages'],
      ...one(
        'title',
        'subtitle',
        'byline',
        'published',
        'site_name',
        'lang',
        'excerpt',
        'source',
        'created_at',
        'updated_at',
      ),
    },
    schema: ArticleRow.omit({ rid: true }),
  },
  passage: {
    table: 'passages',
    fields: {
      anchor: ['exact', 'prefix', 'suffix', 'start', 'end', 'orphaned'],
      ...one('article_id', 'color', 'comment', 'deleted_at', 'created_at', 'updated_at'),
    },
    schema: PassageRow,
  },
  note: {
    table: 'notes',
    fields: one('title', 'deleted_at', 'created_at', 'updated_at'),
    schema: NoteRow.pick({
      id: true,
      title: true,
      deleted_at: true,
      created_at: true,
      updated_at: true,
    }),
  },
  link: {
    table: 'links',
    fields: {
      row: [
        'from_article',
        'from_passage',
        'from_note',
        'to_article',
        'to_passage',
        'to_note',
        'relation',
        'origin',
        'created_at',
      ],
    },
    schema: LinkRow,
  },
} satisfies Record<string, RowSpec>;
export type RowEntity = keyof typeof ROWS;

/** Tag memberships: one field, `in` ({created_at} while the tag is on, null once it is off). */
export const MEMBERSHIPS = {
  article_tag: { table: 'article_tags', owner: 'article_id', ownerTable: 'articles' },
  passage_tag: { table: 'passage_tags', owner: 'passage_id', ownerTable: 'passages' },
  note_tag: { table: 'note_tags', owner: 'note_id', ownerTable: 'notes' },
} as const;
export type MembershipEntity = keyof typeof MEMBERSHIPS;

export const isMembership = (e: SyncEntity): e is MembershipEntity => e in MEMBERSHIPS;

/** Extra fields outside the entity's own row. */
export const ARTICLE_META = 'meta';
/** The article's original file (its bytes travel as a blob named by the hash). */
export const ARTICLE_ORIGINAL = 'original';
export const ORIGINAL_COLUMNS = ['hash', 'media_type', 'file_name', 'size', 'created_at'] as const;
export const NOTE_BODY = 'body';

/** The fields a row needs before it can be created on a device that lacks it. */
export function requiredFields(e: SyncEntity): string[] {
  if (isMembership(e)) return ['in'];
  const fields = Object.keys(ROWS[e].fields);
  if (e === 'note') fields.push(NOTE_BODY);
  if (e === 'article') fields.push(ARTICLE_META, ARTICLE_ORIGINAL);
  return fields;
}

export function hashValue(v: unknown): string {
  return sha256Hex(Buffer.from(JSON.stringify(v ?? null), 'utf8'));
}

export function splitMemberId(id: string): [string, string] {
  const i = id.indexOf('/');
  if (i <= 0) throw new CommonplaceError('invalid_input', `"${id}" is not OWNER/TAG`);
  return [id.slice(0, i), id.slice(i + 1)];
}

function pick(row: Record<string, unknown>, cols: readonly string[]): Value {
  return Object.fromEntries(cols.map((c) => [c, row[c] ?? null]));
}

/**
 * The row's synced fields as they are now; null when the row does not exist (for a
 * membership: `in` is null when the tag is off). Derived links (mentions and quotes, which
 * every device derives from the note) are not synced.
 */
export function snapshot(db: Database, e: SyncEntity, id: string): Snapshot | null {
  if (isMembership(e)) {
    const m = MEMBERSHIPS[e];
    const [owner, tag] = splitMemberId(id);
    const row = db
      .prepare<[string, string], { created_at: string }>(
        `SELECT created_at FROM ${m.table} WHERE ${m.owner} = ? AND tag_id = ?`,
      )
      .get(owner, tag);
    return { in: row ? { created_at: row.created_at } : null };
  }
  const spec: RowSpec = ROWS[e];
  const row = currentRow(db, e, id);
  if (!row) return null;
  if (e === 'link' && row.origin !== 'link') return null;
  const out: Snapshot = {};
  for (const [f, cols] of Object.entries(spec.fields)) out[f] = pick(row, cols);
  if (e === 'article') {
    const meta = db
      .prepare<[string], Value>(
        'SELECT imported, edited, updated_at FROM article_meta WHERE article_id = ?',
      )
      .get(id);
    out[ARTICLE_META] = meta ? pick(meta, ['imported', 'edited', 'updated_at']) : null;
    const original = db
      .prepare<[unknown], Value>(
        `SELECT ${ORIGINAL_COLUMNS.join(', ')} FROM originals WHERE hash = ?`,
      )
      .get(row.hash);
    out[ARTICLE_ORIGINAL] = original ? pick(original, ORIGINAL_COLUMNS) : null;
  }
  if (e === 'note') out[NOTE_BODY] = { doc: row.doc };
  return out;
}

/** Checks a whole row (the current one with the incoming fields over it) as a restore would. */
export function checkRow(e: RowEntity, id: string, row: Value): void {
  const parsed = ROWS[e].schema.safeParse({ ...row, id });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CommonplaceError(
      'invalid_input',
      `${e} ${id}: ${issue.path.join('.') || 'row'} ${issue.message}`,
    );
  }
}

/** Inserts or updates the row's columns (triggers keep indexes and the change log in step). */
export function writeRow(
  db: Database,
  e: RowEntity,
  id: string,
  cols: Value,
  exists: boolean,
): void {
  const spec: RowSpec = ROWS[e];
  const values: Value = { ...cols };
  if (e === 'tag' && 'name' in values) values.name_key = tagKey(String(values.name));
  // Content travels whole (text and body together); the library stores the body without its text.
  if (e === 'article' && typeof values.body === 'string' && typeof values.text === 'string')
    values.body = packBody(JSON.parse(values.body) as Body, values.text);
  const names = Object.keys(values);
  if (!names.length) return;
  const q = (c: string) => `"${c}"`;
  if (exists)
    db.prepare(
      `UPDATE ${spec.table} SET ${names.map((c) => `${q(c)} = @${c}`).join(', ')} WHERE id = @id`,
    ).run({ ...values, id });
  else
    db.prepare(
      `INSERT INTO ${spec.table} (id, ${names.map(q).join(', ')}) VALUES (@id, ${names.map((c) => `@${c}`).join(', ')})`,
    ).run({ ...values, id });
}

/** The row as synced: an article's body whole (the library stores it without its text). */
export function currentRow(db: Database, e: RowEntity, id: string): Value | undefined {
  const row = db.prepare<[string], Value>(`SELECT * FROM ${ROWS[e].table} WHERE id = ?`).get(id);
  if (row && e === 'article' && typeof row.body === 'string' && typeof row.text === 'string')
    row.body = JSON.stringify(unpackBody(row.body, row.text, `article ${id}`));
  return row;
}
