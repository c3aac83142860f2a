/** Articles: the sources in the library, what importing one answers, and its kept original file. */
import { z } from 'zod';
import { BodySchema } from './body';
import { Id } from './ids';
import { ContentsSchema } from './contents';
import { PageStartSchema } from './pages';

/**
 * What a source says about itself: found by the importer, shown by the reader, read by citations
 * and exports. Declared once here; the other shapes pick from it. (Fuller citation metadata, CSL
 * fields, is `SourceMeta` in sourceMeta.ts.)
 */
export const ArticleFieldsSchema = z.object({
  title: z.string(),
  subtitle: z.string().nullable(),
  byline: z.string().nullable(),
  /** ISO 8601: `2024-06-18T16:20:00` (no zone when the source gives none) or with an offset/Z. */
  published: z.string().nullable(),
  siteName: z.string().nullable(),
  /** BCP 47 tag when the source declares or implies one. */
  lang: z.string().nullable(),
});

/** Formats the importer understands (detected from the bytes, not only the file name). */
export const ARTICLE_FORMATS = ['text', 'markdown', 'html', 'pdf', 'epub', 'docx'] as const;

export const ArticleSummarySchema = z.object({
  id: Id,
  ...ArticleFieldsSchema.shape,
  /** Where it came from: a URL or a local path. */
  source: z.string().nullable(),
  format: z.enum(ARTICLE_FORMATS),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When it was last marked read (opened for a moment, or by hand); null: unread. */
  readAt: z.string().nullable(),
  /** When it was last opened (the "last read" sort); kept when marked unread. */
  lastReadAt: z.string().nullable(),
  /** When it was put in the trash; null: in the library. */
  trashedAt: z.string().nullable(),
});

export const ArticleSchema = ArticleSummarySchema.extend({
  excerpt: z.string().nullable(),
  hash: z.string(),
  tags: z.array(z.string()),
  text: z.string(),
  body: BodySchema,
  original: z.object({ fileName: z.string(), size: z.number().int(), mediaType: z.string() }),
  /** Where each printed page starts in `text` (PDF); absent for unpaginated sources. */
  pages: z.array(PageStartSchema).optional(),
  /** The document's own table of contents (EPUB navigation, PDF outline); absent: none. */
  contents: ContentsSchema.optional(),
  /** Where the reader was: an offset into `text` (the top of the screen); null: the top. */
  readingOffset: z.number().int().nonnegative().nullable(),
});

/** Where the reader is in an article (articles.setReadingPlace). */
export const ReadingPlaceSchema = z.object({ id: Id, offset: z.number().int().nonnegative() });
export type ReadingPlace = z.output<typeof ReadingPlaceSchema>;

/** How passages fared when an article's text changed. */
export const ReanchorReportSchema = z.object({
  unchanged: z.number().int(),
  moved: z.number().int(),
  changed: z.number().int(),
  orphaned: z.number().int(),
});

export const ImportResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    file: z.string(),
    duplicate: z.boolean(),
    article: ArticleSummarySchema,
    /**
     * The file is a changed version of an article imported from the same path: `available` when
     * nothing was written yet (the client offers to update), or the re-anchoring report once applied.
     */
    newVersion: z.union([z.literal('available'), ReanchorReportSchema]).optional(),
    /** Problems the import noticed but went past (invalid front matter, a PDF without text), one line each. */
    warnings: z.array(z.string()).optional(),
  }),
  z.object({
    ok: z.literal(false),
    file: z.string(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);

/** Largest single upload a client may send (base64 inflates it by a third on the wire). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const FileUpload = z.object({
  name: z.string().min(1, 'file name is empty').max(1024),
  /** File contents, base64-encoded (JSON-safe on every transport). */
  dataBase64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'file is larger than 64 MB'),
});

/** The file an article was imported from, as kept in the library. */
export const OriginalFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** The file's bytes, base64-encoded (JSON-safe on every transport). */
  dataBase64: z.string(),
});

export type ArticleFields = z.output<typeof ArticleFieldsSchema>;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];
export type ArticleSummary = z.output<typeof ArticleSummarySchema>;
export type Article = z.output<typeof ArticleSchema>;
export type ImportResult = z.output<typeof ImportResultSchema>;
export type ReanchorReport = z.output<typeof ReanchorReportSchema>;
