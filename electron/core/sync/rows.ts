/**
 * What of each synced row travels, in which groups of columns ("fields": each merges by itself,
 * last writer by clock wins), and how a row is read and written. Values are objects of columns in
 * a fixed order, so their JSON (and its hash) is the same on every device.
 *
 * Rows written here are checked with the same row schemas a JSON restore uses (transfer/schema.ts:
 * what the API would accept), so a segment can't put into a library what the app never writes.
 */
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { SyncEntity } from '../../model/sync';
import { CommonplaceError } from '../errors';
import { tagKey } from '../tags/names';
import { collectionKey } from '../collections/names';
import {
  ArticleRow,
  CitationStyleRow,
  CollectionRow,
  LinkRow,
  NoteRow,
  PassageRow,
  TagRow,
} from '../transfer/schema';
import type { Body } from '../../model/body';
import { packBody, unpackBody } from '../articles/bodyStore';
import { cachedStatement } from '../db/statements';

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
      // The text is one field: a correction replaces text, body, pages and contents together.
      content: ['hash', 'format', 'text', 'body', 'pages', 'contents'],
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
  collection: {
    table: 'collections',
    fields: { name: ['name'], ...one('created_at', 'updated_at') },
    schema: CollectionRow.omit({ name_key: true }),
  },
  // An added style is never edited: it travels whole (its csl_id is unique, like a file).
  citation_style: {
    table: 'citation_styles',
    fields: { row: ['csl_id', 'title', 'file_name', 'xml', 'parent', 'created_at'] },
    schema: CitationStyleRow,
  },
} satisfies Record<string, RowSpec>;
export type RowEntity = keyof typeof ROWS;

/**
 * Set memberships (a tag on an article, passage or note; an article in a collection): one field,
 * `in` ({created_at} while the member is in, null once it is out). The id is `OWNER/MEMBER` as
 * the change log writes it.
 */
export const MEMBERSHIPS = {
  article_tag: {
    table: 'article_tags',
    owner: 'article_id',
    ownerKind: 'article',
    member: 'tag_id',
    memberKind: 'tag',
  },
  passage_tag: {
    table: 'passage_tags',
    owner: 'passage_id',
    ownerKind: 'passage',
    member: 'tag_id',
    memberKind: 'tag',
  },
  note_tag: {
    table: 'note_tags',
    owner: 'note_id',
    ownerKind: 'note',
    member: 'tag_id',
    memberKind: 'tag',
  },
  collection_article: {
    table: 'collection_articles',
    owner: 'collection_id',
    ownerKind: 'collection',
    member: 'article_id',
    memberKind: 'article',
  },
} as const satisfies Record<
  string,
  { table: string; owner: string; ownerKind: RowEntity; member: string; memberKind: RowEntity }
>;
export type MembershipEntity = keyof typeof MEMBERSHIPS;

export const isMembership = (e: SyncEntity): e is MembershipEntity => e in MEMBERSHIPS;

/** Extra fields outside the entity's own row. */
export const ARTICLE_META = 'meta';
/** The article's original file (its bytes travel as a blob named by the hash). */
export const ARTICLE_ORIGINAL = 'original';
export const ORIGINAL_COLUMNS = ['hash', 'media_type', 'file_name', 'size', 'created_at'] as const;
export const NOTE_BODY = 'body';
/**
 * What the user did to the article (table `article_state`): each its own field, so putting it in
 * the trash on one device and marking it read on another both hold. All null = no state row.
 */
export const ARTICLE_STATE = {
  trashed: 'deleted_at',
  read: 'read_at',
  last_read: 'last_read_at',
  reading: 'reading_offset',
  state_updated: 'updated_at',
} as const;
const STATE_FIELDS = Object.keys(ARTICLE_STATE);

function fieldLists(e: SyncEntity): { required: string[]; all: Set<string> } {
  const required = isMembership(e) ? ['in'] : Object.keys(ROWS[e].fields);
  if (e === 'note') required.push(NOTE_BODY);
  if (e === 'article') required.push(ARTICLE_META, ARTICLE_ORIGINAL);
  return { required, all: new Set([...required, ...(e === 'article' ? STATE_FIELDS : [])]) };
}

/** Built once per entity: every op applied asks. */
const FIELD_LISTS = new Map<SyncEntity, ReturnType<typeof fieldLists>>();
const listsOf = (e: SyncEntity) => {
  let lists = FIELD_LISTS.get(e);
  if (!lists) FIELD_LISTS.set(e, (lists = fieldLists(e)));
  return lists;
};

/** The fields a row needs before it can be created on a device that lacks it. */
export const requiredFields = (e: SyncEntity): readonly string[] => listsOf(e).required;

/** Every field an op may set: the required ones and those absent on creation (null then). */
export const allFields = (e: SyncEntity): ReadonlySet<string> => listsOf(e).all;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (x: number) =>
  HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;

/**
 * A value's fingerprint from its JSON: 60 bits (15 hex digits) of two 32-bit multiply-xorshift
 * lanes over its UTF-16 units (cyrb53's mixing). Only ever compared with hashes this device
 * stored, to tell a local edit from the value a version set, so it needs no cryptographic
 * strength; the sha256 call it replaced was a tenth of sending a change (one per field).
 */
export function hashJson(json: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h2).slice(1) + hex32(h1);
}

/** The JSON a field's value is hashed (and sent) as. */
export const fieldJson = (v: unknown): string => JSON.stringify(v ?? null);

export const hashValue = (v: unknown): string => hashJson(fieldJson(v));

/**
 * Hashes stored before `hashJson` (versions set until then, all that migration 26 kept): the
 * first 16 hex digits of the sha256 of the same JSON; told apart by their length.
 */
const LEGACY_HASH_LENGTH = 16;

/** Whether a value (its JSON, and `hashJson` of it) is the one a stored hash was taken of. */
export function sameValue(stored: string, json: string, current: string): boolean {
  if (stored === current) return true;
  return (
    stored.length === LEGACY_HASH_LENGTH && stored === hash('sha256', json, 'hex').slice(0, 16)
  );
}

export function splitMemberId(id: string): [string, string] {
  const i = id.indexOf('/');
  if (i <= 0) throw new CommonplaceError('invalid_input', `"${id}" is not OWNER/TAG`);
  return [id.slice(0, i), id.slice(i + 1)];
}

function pick(row: Record<string, unknown>, cols: readonly string[]): Value {
  // A loop, not Object.fromEntries over a map: every field of every captured row comes here.
  const v: Value = {};
  for (const c of cols) v[c] = row[c] ?? null;
  return v;
}

/**
 * The row's synced fields as they are now; null when the row does not exist (for a
 * membership: `in` is null when the tag is off). Derived links (mentions and quotes, which
 * every device derives from the note) are not synced.
 */
export function snapshot(db: Database, e: SyncEntity, id: string): Snapshot | null {
  if (isMembership(e)) {
    const m = MEMBERSHIPS[e];
    const [owner, member] = splitMemberId(id);
    const row = cachedStatement<[string, string], { created_at: string }>(
      db,
      `SELECT created_at FROM ${m.table} WHERE ${m.owner} = ? AND ${m.member} = ?`,
    ).get(owner, member);
    return { in: row ? { created_at: row.created_at } : null };
  }
  const spec: RowSpec = ROWS[e];
  const row = currentRow(db, e, id);
  if (!row) return null;
  if (e === 'link' && row.origin !== 'link') return null;
  const out: Snapshot = {};
  for (const [f, cols] of Object.entries(spec.fields)) out[f] = pick(row, cols);
  if (e === 'article') {
    const meta = cachedStatement<[string], Value>(
      db,
      'SELECT imported, edited, updated_at FROM article_meta WHERE article_id = ?',
    ).get(id);
    out[ARTICLE_META] = meta ? pick(meta, ['imported', 'edited', 'updated_at']) : null;
    const original = cachedStatement<[unknown], Value>(
      db,
      `SELECT ${ORIGINAL_COLUMNS.join(', ')} FROM originals WHERE hash = ?`,
    ).get(row.hash);
    out[ARTICLE_ORIGINAL] = original ? pick(original, ORIGINAL_COLUMNS) : null;
    const state = cachedStatement<[string], Value>(
      db,
      'SELECT deleted_at, read_at, last_read_at, reading_offset, updated_at FROM article_state WHERE article_id = ?',
    ).get(id);
    for (const [f, col] of Object.entries(ARTICLE_STATE)) out[f] = { [col]: state?.[col] ?? null };
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
  if (e === 'collection' && 'name' in values) values.name_key = collectionKey(String(values.name));
  // Content travels whole (text and body together); the library stores the body without its text.
  if (e === 'article' && typeof values.body === 'string' && typeof values.text === 'string')
    values.body = packBody(JSON.parse(values.body) as Body, values.text);
  const names = Object.keys(values);
  if (!names.length) return;
  const q = (c: string) => `"${c}"`;
  // Bound by position: binding by name looks each one up (a tenth of inserting a passage).
  const params = names.map((c) => values[c]);
  if (exists)
    cachedStatement(
      db,
      `UPDATE ${spec.table} SET ${names.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`,
    ).run(...params, id);
  else
    cachedStatement(
      db,
      `INSERT INTO ${spec.table} (id, ${names.map(q).join(', ')}) VALUES (?${', ?'.repeat(names.length)})`,
    ).run(id, ...params);
}

/** The row as synced: an article's body whole (the library stores it without its text). */
export function currentRow(db: Database, e: RowEntity, id: string): Value | undefined {
  const row = cachedStatement<[string], Value>(
    db,
    `SELECT * FROM ${ROWS[e].table} WHERE id = ?`,
  ).get(id);
  if (row && e === 'article' && typeof row.body === 'string' && typeof row.text === 'string')
    row.body = JSON.stringify(unpackBody(row.body, row.text, `article ${id}`));
  return row;
}

/**
 * Writes the article's state fields that won (`{column: value}` each) over its state row: no row
 * while every field is null; a row's `updated_at` is never null (the latest of its stamps when
 * the field that carries it has not arrived).
 */
export function writeState(db: Database, articleId: string, values: Value): void {
  const current = cachedStatement<[string], Value>(
    db,
    'SELECT deleted_at, read_at, last_read_at, reading_offset, updated_at FROM article_state WHERE article_id = ?',
  ).get(articleId);
  const row: Value = {
    deleted_at: null,
    read_at: null,
    last_read_at: null,
    reading_offset: null,
    updated_at: null,
  };
  Object.assign(row, current ?? {}, values);
  const stamps = [row.deleted_at, row.read_at, row.last_read_at].filter(
    (v): v is string => typeof v === 'string',
  );
  if (row.updated_at === null && !stamps.length && row.reading_offset === null) {
    if (current)
      cachedStatement(db, 'DELETE FROM article_state WHERE article_id = ?').run(articleId);
    return;
  }
  // The field that carries it always arrives with the others in practice (one op per row).
  row.updated_at ??= stamps.sort().at(-1) ?? '1970-01-01T00:00:00.000Z';
  cachedStatement(
    db,
    `INSERT INTO article_state (article_id, deleted_at, read_at, last_read_at, reading_offset, updated_at)
     VALUES (@article_id, @deleted_at, @read_at, @last_read_at, @reading_offset, @updated_at)
     ON CONFLICT (article_id) DO UPDATE SET deleted_at = excluded.deleted_at, read_at = excluded.read_at,
       last_read_at = excluded.last_read_at, reading_offset = excluded.reading_offset, updated_at = excluded.updated_at`,
  ).run({ ...row, article_id: articleId });
}
