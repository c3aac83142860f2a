/**
 * The full-library JSON document (version 1): every row of every table that holds user data, with
 * its ids and timestamps as stored, so an import reproduces the library exactly. Derived tables
 * (search indexes, the change log) are left out: triggers rebuild them on import.
 * Article bodies and note docs stay the JSON strings the database holds (byte-exact round trip);
 * originals' bytes are base64.
 */
import { z } from 'zod';

export const LIBRARY_JSON_FORMAT = 'commonplace-library';
export const LIBRARY_JSON_VERSION = 1;

const Text = z.string();
const Nullable = z.string().nullable();
const Int = z.number().int();
const Stamp = z.string().min(1, 'is empty');
const JsonText = z.string().refine((s) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}, 'is not valid JSON text');

export const OriginalRow = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex'),
  bytes: z.base64('must be base64'),
  size: Int.nonnegative(),
  media_type: Text,
  file_name: Text,
  created_at: Stamp,
});
export const ArticleRow = z.object({
  rid: Int.positive(),
  id: Text.min(1),
  title: Text,
  subtitle: Nullable,
  byline: Nullable,
  published: Nullable,
  site_name: Nullable,
  lang: Nullable,
  excerpt: Nullable,
  source: Nullable,
  format: Text,
  hash: Text,
  text: Text,
  body: JsonText,
  created_at: Stamp,
  updated_at: Stamp,
  pages: JsonText.nullable(),
});
export const TagRow = z.object({ id: Text.min(1), name: Text, name_key: Text, color: Nullable, created_at: Stamp, updated_at: Stamp });
export const ArticleTagRow = z.object({ article_id: Text, tag_id: Text, created_at: Stamp });
export const PassageRow = z.object({
  id: Text.min(1),
  article_id: Text,
  exact: Text,
  prefix: Text,
  suffix: Text,
  start: Int.nonnegative(),
  end: Int.positive(),
  orphaned: z.union([z.literal(0), z.literal(1)]),
  color: Text,
  comment: Text,
  deleted_at: Nullable,
  created_at: Stamp,
  updated_at: Stamp,
});
export const PassageTagRow = z.object({ passage_id: Text, tag_id: Text, created_at: Stamp });
export const NoteRow = z.object({
  rid: Int.positive(),
  id: Text.min(1),
  title: Text,
  excerpt: Text,
  word_count: Int.nonnegative(),
  deleted_at: Nullable,
  created_at: Stamp,
  updated_at: Stamp,
  text: Text,
  doc: JsonText,
});
export const NoteTagRow = z.object({ note_id: Text, tag_id: Text, created_at: Stamp });
export const LinkRow = z.object({
  id: Text.min(1),
  from_article: Nullable,
  from_passage: Nullable,
  from_note: Nullable,
  to_article: Nullable,
  to_passage: Nullable,
  to_note: Nullable,
  relation: Text,
  origin: Text,
  created_at: Stamp,
});

/** Tables in insertion order (each after the ones it refers to). */
export const TABLES = {
  originals: OriginalRow,
  articles: ArticleRow,
  tags: TagRow,
  article_tags: ArticleTagRow,
  passages: PassageRow,
  passage_tags: PassageTagRow,
  notes: NoteRow,
  note_tags: NoteTagRow,
  links: LinkRow,
} as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Foreign keys a restore checks row by row, so a dangling one is named by its path. */
export const REFERENCES: readonly [TableName, string, TableName, string][] = [
  ['articles', 'hash', 'originals', 'hash'],
  ['article_tags', 'article_id', 'articles', 'id'],
  ['article_tags', 'tag_id', 'tags', 'id'],
  ['passages', 'article_id', 'articles', 'id'],
  ['passage_tags', 'passage_id', 'passages', 'id'],
  ['passage_tags', 'tag_id', 'tags', 'id'],
  ['note_tags', 'note_id', 'notes', 'id'],
  ['note_tags', 'tag_id', 'tags', 'id'],
  ...(['from', 'to'] as const).flatMap((end) =>
    (['article', 'passage', 'note'] as const).map((k): [TableName, string, TableName, string] => ['links', `${end}_${k}`, `${k}s` as TableName, 'id']),
  ),
];

const tablesShape = Object.fromEntries(TABLE_NAMES.map((t) => [t, z.array(TABLES[t])])) as { [K in TableName]: z.ZodArray<(typeof TABLES)[K]> };

const header = {
  format: z.literal(LIBRARY_JSON_FORMAT, `must be "${LIBRARY_JSON_FORMAT}"`),
  version: z.literal(LIBRARY_JSON_VERSION, `must be ${LIBRARY_JSON_VERSION} (this version of Commonplace reads version ${LIBRARY_JSON_VERSION} only)`),
  schemaVersion: Int,
  exportedAt: Stamp,
};

/** The document around the rows (a streamed restore checks rows one by one, as they come). */
export const LibraryHeaderSchema = z.object({
  ...header,
  tables: z.object(Object.fromEntries(TABLE_NAMES.map((t) => [t, z.array(z.unknown())])) as { [K in TableName]: z.ZodArray<z.ZodUnknown> }),
});

/** Which of the header's fields a file gets wrong, checked as soon as they are read. */
export const LibraryFormatSchema = z.object({ format: header.format, version: header.version });

/** A whole document, as the export writes it (references are checked as a restore streams it in). */
export const LibraryDocumentSchema = z.object({ ...header, tables: z.object(tablesShape) });
export type LibraryDocument = z.output<typeof LibraryDocumentSchema>;
