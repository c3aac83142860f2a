/**
 * The full-library JSON document (version 3; version 1 lacked `article_meta`, version 2 the
 * trash, read state and collections; both still restore): every row of every table that holds user data, with
 * its ids and timestamps as stored, so an import reproduces the library exactly. Derived tables
 * (search indexes, the library's order keys, the change log) are left out: triggers rebuild them on
 * import.
 * Note docs stay the JSON strings the database holds (byte-exact round trip); article bodies are
 * whole (the library stores them without their text) and originals' bytes are the file's own, in base64.
 *
 * A restore trusts nothing in the file: each row is held to what the API would accept (the same
 * zod schemas: bodies, ids, colours, tag names, note documents) and to the limits of an import
 * (sizes per kind), so a hand-made or hostile file can't put into a library what the app itself
 * never writes. Checks that need other rows (references, offsets within an article's text) are
 * made as the rows stream in (importJson.ts). Those schemas are the model's (electron/model),
 * shared with the API.
 */
import { z } from 'zod';
import { SourceMetaSchema } from '../../model/sourceMeta';
import { BodySchema } from '../../model/body';
import { IMAGE_MEDIA_TYPES, MAX_IMAGE_BYTES } from '../../model/images';
import { Comment, PASSAGE_COLORS } from '../../model/passages';
import { Id } from '../../model/ids';
import { PageStartSchema } from '../../model/pages';
import { ContentsSchema } from '../../model/contents';
import { TagColor, TagName } from '../../model/tags';
import { DERIVED_RELATIONS, LinkRelationSchema } from '../../model/links';
import { MAX_NOTE_DOC_CHARS, NoteDocSchema } from '../../model/notes';
import { sourcePathProblem } from '../articles/sourcePath';
import { SAVED_COLUMNS } from '../articles/meta';
import { MAX_IMPORT_FILE_BYTES, MAX_TEXT_IMPORT_BYTES, MEDIA_TYPES } from '../import';
import { checkDoc } from '../notes/docWalk';
import { errorMessage } from '../errors';
import { MAX_STYLE_BYTES } from '../../model/citationStyles';
import { BundledStyleSchema } from '../../model/export';

export const LIBRARY_JSON_FORMAT = 'commonplace-library';
/**
 * 2 added `article_meta` (citation metadata, migration 10); 3 `article_state`, `collections` and
 * `collection_articles` (trash, read state, collections: migration 13); 4 `citation_styles` (the
 * user's added .csl styles, migration 11); 5 `article_state.reading_offset` (the reading place,
 * migration 16); 6 `articles.contents` (a document's own table of contents, migration 27).
 */
export const LIBRARY_JSON_VERSION = 6;
/** Versions a restore reads: an older file lacks the newer tables and columns (missing = none). */
export const LIBRARY_JSON_VERSIONS = [1, 2, 3, 4, 5, 6] as const;

const Text = z.string();
const Int = z.number().int();
/** A timestamp as the library writes them (ISO 8601 UTC, see ids.ts `nowIso` and the SQL triggers). */
const Stamp = z.iso.datetime({ message: 'must be a timestamp like 2024-05-01T12:00:00.000Z' });
const NullableStamp = Stamp.nullable();
/** Metadata fields as imports clean them (text-fields.ts `cleanField`: 1,000 characters unless said). */
const Field = (max = 1000) =>
  z.string().max(max, `is longer than ${max.toLocaleString('en-US')} characters`);
const Nullable = Field().nullable();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex');

/**
 * Article text per format: a text, Markdown or HTML article comes from a file of at most 20 MB,
 * so its text is no longer (a character takes at least a byte); PDF, EPUB and DOCX from files of
 * up to 200 MB. A body is JSON around that text: at most four times as long.
 */
export const MAX_TEXT_CHARS: Readonly<Record<keyof typeof MEDIA_TYPES, number>> = {
  text: MAX_TEXT_IMPORT_BYTES,
  markdown: MAX_TEXT_IMPORT_BYTES,
  html: MAX_TEXT_IMPORT_BYTES,
  pdf: MAX_IMPORT_FILE_BYTES,
  epub: MAX_IMPORT_FILE_BYTES,
  docx: MAX_IMPORT_FILE_BYTES,
};
const MAX_BODY_CHARS = 4 * MAX_IMPORT_FILE_BYTES;
const FORMATS = Object.keys(MEDIA_TYPES) as [
  keyof typeof MEDIA_TYPES,
  ...(keyof typeof MEDIA_TYPES)[],
];

/**
 * A column holding JSON text (kept as text, so the round trip is byte-exact) whose parsed value
 * must match `schema`; its issues are named inside the column (`body.blocks[0].type`).
 */
function jsonText(schema: z.ZodType, max: number, extra?: (value: unknown) => string | null) {
  return z
    .string()
    .max(max, `is longer than ${max.toLocaleString('en-US')} characters`)
    .superRefine((text, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON text' });
        return;
      }
      const checked = schema.safeParse(value);
      if (!checked.success) {
        for (const issue of checked.error.issues.slice(0, 3))
          ctx.addIssue({
            code: 'custom',
            message: issue.message,
            path: issue.path as PropertyKey[],
          });
        return;
      }
      const problem = extra?.(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}

/** Lexical JSON the notes editor can open: the API's shape, then the core's walk of every node. */
function noteDocProblem(doc: unknown): string | null {
  try {
    checkDoc(doc);
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}

/**
 * Columns of how a row is stored, not of what it holds: the document carries what they decode to
 * (an original's exact bytes; an article's whole body, whose stored form omits its text), so it
 * doesn't depend on how a library stores them.
 */
export const STORAGE_COLUMNS: Readonly<Partial<Record<string, readonly string[]>>> = {
  originals: ['encoding', 'delta'],
};

/** A file's bytes in base64 and its size, each held to `max` bytes (`what` names the limit). */
function boundedBytes(max: number, what: string) {
  const mb = max / 1024 / 1024;
  return {
    bytes: z
      .base64('must be base64')
      .max(Math.ceil(max / 3) * 4 + 4, `is larger than the ${mb} MB limit for ${what}`),
    size: Int.nonnegative().max(max, `is over the ${mb} MB limit for ${what}`),
  };
}

export const OriginalRow = z.object({
  hash: Sha256,
  ...boundedBytes(MAX_IMPORT_FILE_BYTES, 'imported files'),
  media_type: z.enum(Object.values(MEDIA_TYPES) as [string, ...string[]], {
    message: `must be one of ${Object.values(MEDIA_TYPES).join(', ')}`,
  }),
  file_name: Field(1024),
  created_at: Stamp,
});
export const ArticleRow = z.object({
  rid: Int.positive(),
  id: Id,
  title: Field(),
  subtitle: Nullable,
  byline: Nullable,
  published: Field(64).nullable(),
  site_name: Nullable,
  lang: Field(35).nullable(),
  excerpt: Field(2000).nullable(),
  source: Text.nullable().superRefine((source, ctx) => {
    const problem = source === null ? null : sourcePathProblem(source);
    if (problem) ctx.addIssue({ code: 'custom', message: `"${source!.slice(0, 200)}" ${problem}` });
  }),
  format: z.enum(FORMATS, { message: `must be one of ${FORMATS.join(', ')}` }),
  hash: Sha256,
  text: Text.max(
    MAX_IMPORT_FILE_BYTES,
    `is longer than ${MAX_IMPORT_FILE_BYTES.toLocaleString('en-US')} characters`,
  ),
  body: jsonText(BodySchema, MAX_BODY_CHARS),
  created_at: Stamp,
  updated_at: Stamp,
  pages: jsonText(z.array(PageStartSchema), MAX_BODY_CHARS).nullable(),
  /** Version 6; an older file has none (the reader lists the headings). */
  contents: jsonText(ContentsSchema, MAX_BODY_CHARS).nullable().default(null),
});
/** An article's columns as they were before the user's edits (meta.ts keeps them in `imported`). */
const SavedColumns = z.strictObject({
  title: Field().nullable().optional(),
  subtitle: Nullable.optional(),
  byline: Nullable.optional(),
  published: Field(64).nullable().optional(),
  site_name: Nullable.optional(),
  lang: Field(35).nullable().optional(),
});
/** Stored metadata is at most a few fields of bounded size; this bounds a hostile row's JSON. */
const MAX_META_CHARS = 1_000_000;
export const ArticleMetaRow = z.object({
  article_id: Id,
  // The same schema the API holds an edit to: only CSL fields the app knows, each valid.
  imported: jsonText(
    SourceMetaSchema.extend({ [SAVED_COLUMNS]: SavedColumns.optional() }),
    MAX_META_CHARS,
  ),
  edited: jsonText(SourceMetaSchema, MAX_META_CHARS),
  updated_at: Stamp,
});
export const ArticleStateRow = z.object({
  article_id: Id,
  deleted_at: NullableStamp,
  read_at: NullableStamp,
  last_read_at: NullableStamp,
  updated_at: Stamp,
  /** Version 5; an older file has no reading place (the top). */
  reading_offset: Int.min(0, 'must be 0 or more').nullable().default(null),
});
export const TagRow = z.object({
  id: Id,
  name: TagName,
  name_key: Field().min(1, 'is empty'),
  color: TagColor,
  created_at: Stamp,
  updated_at: Stamp,
});
export const ArticleTagRow = z.object({ article_id: Id, tag_id: Id, created_at: Stamp });
export const PassageRow = z.object({
  id: Id,
  article_id: Id,
  exact: Text,
  prefix: Field(),
  suffix: Field(),
  start: Int.nonnegative(),
  end: Int.positive(),
  orphaned: z.union([z.literal(0), z.literal(1)]),
  color: z.enum(PASSAGE_COLORS, { message: `must be one of ${PASSAGE_COLORS.join(', ')}` }),
  comment: Comment,
  deleted_at: NullableStamp,
  created_at: Stamp,
  updated_at: Stamp,
});
export const PassageTagRow = z.object({ passage_id: Id, tag_id: Id, created_at: Stamp });
export const NoteRow = z.object({
  rid: Int.positive(),
  id: Id,
  title: Field(),
  excerpt: Field(),
  word_count: Int.nonnegative(),
  deleted_at: NullableStamp,
  created_at: Stamp,
  updated_at: Stamp,
  text: Text.max(
    MAX_NOTE_DOC_CHARS,
    `is longer than ${MAX_NOTE_DOC_CHARS.toLocaleString('en-US')} characters`,
  ),
  doc: jsonText(NoteDocSchema, MAX_NOTE_DOC_CHARS, noteDocProblem),
});
export const NoteTagRow = z.object({ note_id: Id, tag_id: Id, created_at: Stamp });
const LinkEnd = Id.nullable();
export const LinkRow = z.object({
  id: Id,
  from_article: LinkEnd,
  from_passage: LinkEnd,
  from_note: LinkEnd,
  to_article: LinkEnd,
  to_passage: LinkEnd,
  to_note: LinkEnd,
  relation: Text.refine(
    (r) =>
      (DERIVED_RELATIONS as readonly string[]).includes(r) ||
      (r === r.trim() && LinkRelationSchema.safeParse(r).success),
    {
      message: 'must be a relation of 1 to 60 characters',
    },
  ),
  origin: z.enum(['link', 'mention', 'quote'], { message: 'must be one of link, mention, quote' }),
  created_at: Stamp,
});

export const CollectionRow = z.object({
  id: Id,
  name: Field(400).min(1, 'is empty'),
  name_key: Field(400).min(1, 'is empty'),
  created_at: Stamp,
  updated_at: Stamp,
});
export const CollectionArticleRow = z.object({
  collection_id: Id,
  article_id: Id,
  created_at: Stamp,
});

/** An added style; its file is held to the checks of adding one in importJson.ts (crossRowProblem). */
export const CitationStyleRow = z.object({
  id: Id,
  csl_id: Field(500).min(1, 'is empty'),
  title: Field(300).min(1, 'is empty'),
  file_name: Field(1024),
  xml: z.string().max(MAX_STYLE_BYTES, `is longer than ${MAX_STYLE_BYTES} characters`),
  parent: BundledStyleSchema.nullable(),
  created_at: Stamp,
});

/** A kept picture (migration 24); its bytes, hash and type are checked together in importJson.ts. */
export const ImageRow = z.object({
  hash: Sha256,
  ...boundedBytes(MAX_IMAGE_BYTES, 'a picture'),
  media_type: z.enum(IMAGE_MEDIA_TYPES),
  created_at: Stamp,
});

/** Tables in insertion order (each after the ones it refers to). */
export const TABLES = {
  originals: OriginalRow,
  images: ImageRow,
  articles: ArticleRow,
  article_meta: ArticleMetaRow,
  article_state: ArticleStateRow,
  tags: TagRow,
  article_tags: ArticleTagRow,
  passages: PassageRow,
  passage_tags: PassageTagRow,
  notes: NoteRow,
  note_tags: NoteTagRow,
  links: LinkRow,
  collections: CollectionRow,
  collection_articles: CollectionArticleRow,
  citation_styles: CitationStyleRow,
} as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Foreign keys a restore checks row by row, so a dangling one is named by its path. */
export const REFERENCES: readonly [TableName, string, TableName, string][] = [
  ['articles', 'hash', 'originals', 'hash'],
  ['article_meta', 'article_id', 'articles', 'id'],
  ['article_state', 'article_id', 'articles', 'id'],
  ['collection_articles', 'collection_id', 'collections', 'id'],
  ['collection_articles', 'article_id', 'articles', 'id'],
  ['article_tags', 'article_id', 'articles', 'id'],
  ['article_tags', 'tag_id', 'tags', 'id'],
  ['passages', 'article_id', 'articles', 'id'],
  ['passage_tags', 'passage_id', 'passages', 'id'],
  ['passage_tags', 'tag_id', 'tags', 'id'],
  ['note_tags', 'note_id', 'notes', 'id'],
  ['note_tags', 'tag_id', 'tags', 'id'],
  ...(['from', 'to'] as const).flatMap((end) =>
    (['article', 'passage', 'note'] as const).map((k): [TableName, string, TableName, string] => [
      'links',
      `${end}_${k}`,
      `${k}s` as TableName,
      'id',
    ]),
  ),
];

/** Tables a file may leave out (added after version 1): missing means no rows. */
const OPTIONAL_TABLES: ReadonlySet<TableName> = new Set([
  'images',
  'article_meta',
  'article_state',
  'collections',
  'collection_articles',
  'citation_styles',
]);
const rowsOf = <S extends z.ZodType>(t: TableName, row: S) =>
  OPTIONAL_TABLES.has(t) ? z.array(row).default([]) : z.array(row);

const tablesShape = Object.fromEntries(TABLE_NAMES.map((t) => [t, rowsOf(t, TABLES[t])])) as {
  [K in TableName]: z.ZodArray<(typeof TABLES)[K]>;
};

/** "1, 2 or 3" / "1, 2 and 3". */
const listed = (word: string) =>
  `${LIBRARY_JSON_VERSIONS.slice(0, -1).join(', ')} ${word} ${LIBRARY_JSON_VERSIONS.at(-1)}`;

const header = {
  format: z.literal(LIBRARY_JSON_FORMAT, `must be "${LIBRARY_JSON_FORMAT}"`),
  version: z.literal(
    LIBRARY_JSON_VERSIONS,
    `must be ${listed('or')} (this version of Commonplace reads versions ${listed('and')} only)`,
  ),
  schemaVersion: Int,
  exportedAt: Stamp,
};

/** The document around the rows (a streamed restore checks rows one by one, as they come). */
export const LibraryHeaderSchema = z.object({
  ...header,
  tables: z.object(
    Object.fromEntries(TABLE_NAMES.map((t) => [t, rowsOf(t, z.unknown())])) as {
      [K in TableName]: z.ZodArray<z.ZodUnknown>;
    },
  ),
});

/** Which of the header's fields a file gets wrong, checked as soon as they are read. */
export const LibraryFormatSchema = z.object({ format: header.format, version: header.version });

/** A whole document, as the export writes it (references are checked as a restore streams it in). */
export const LibraryDocumentSchema = z.object({ ...header, tables: z.object(tablesShape) });
export type LibraryDocument = z.output<typeof LibraryDocumentSchema>;
