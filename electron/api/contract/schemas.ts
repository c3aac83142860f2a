/**
 * Schemas and building blocks shared by the contract's domain files. Runtime-neutral.
 * Domain files (`contract/<domain>.ts`) import from here, never from `../contract`, so the
 * aggregate can import them without a cycle.
 */
import { z } from 'zod';

export const Id = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'must be a UUIDv7',
  );

const Inline = z.object({
  text: z.string(),
  href: z.string().optional(),
  marks: z.array(z.enum(['bold', 'italic', 'code'])).optional(),
});
const InlineList = z.array(Inline);
export const BlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heading'),
    level: z.union([
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(5),
      z.literal(6),
    ]),
    content: InlineList,
  }),
  z.object({ type: z.literal('paragraph'), content: InlineList }),
  z.object({ type: z.literal('quote'), content: InlineList }),
  z.object({ type: z.literal('caption'), content: InlineList }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(InlineList) }),
  z.object({ type: z.literal('code'), text: z.string() }),
]);
export const BodySchema = z.object({ version: z.literal(1), blocks: z.array(BlockSchema) });

/** A printed page's label and the offset in the canonical text where it starts (see core/pages.ts). */
export const PageStartSchema = z.object({
  label: z.string(),
  start: z.number().int().nonnegative(),
});

export const ArticleSummarySchema = z.object({
  id: Id,
  title: z.string(),
  subtitle: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  siteName: z.string().nullable(),
  lang: z.string().nullable(),
  source: z.string().nullable(),
  format: z.enum(['text', 'markdown', 'html', 'pdf', 'epub', 'docx']),
  createdAt: z.string(),
  updatedAt: z.string(),
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
});

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

export const PASSAGE_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const PassageColorSchema = z.enum(PASSAGE_COLORS);

export const PassageSchema = z.object({
  id: Id,
  articleId: Id,
  /** The exact quoted text (TextQuoteSelector.exact). */
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  /** TextPositionSelector in the article's canonical text; the last known place when orphaned. */
  start: z.number().int(),
  end: z.number().int(),
  orphaned: z.boolean(),
  color: PassageColorSchema,
  comment: z.string(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const TagSchema = z.object({
  id: Id,
  name: z.string(),
  color: z.string().nullable(),
  /** Passages carrying the tag. */
  count: z.number().int(),
  /** Articles tagged themselves. */
  articleCount: z.number().int(),
  /** Articles the library lists when filtered by the tag: tagged, or holding a passage with it. */
  listedArticleCount: z.number().int(),
  /** Notes carrying the tag. */
  noteCount: z.number().int(),
});

/** The longest tag name in characters (code points): the API's check and the core's are this one number. */
export const MAX_TAG_LENGTH = 100;
export const TagName = z
  .string()
  .refine(
    (s) =>
      s.length <= MAX_TAG_LENGTH ||
      (s.length <= 2 * MAX_TAG_LENGTH && Array.from(s).length <= MAX_TAG_LENGTH),
    `tag name is longer than ${MAX_TAG_LENGTH} characters`,
  );
export const TagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #ffcc00')
  .nullable();
export const Offset = z.number().int().min(0);
export const Comment = z.string().max(100_000, 'comment is longer than 100,000 characters');

const searchHitFields = {
  id: Id,
  /** The article's title (a passage's article), or the note's. */
  title: z.string(),
  /** Text around the first hits; each hit between U+0002 and U+0003 (render them as marks, never as HTML). */
  snippet: z.string(),
  score: z.number(),
  /** A passage's or note's tags that the query's words hit, marked as in `snippet`; absent when none. */
  matchedTags: z.array(z.string()).optional(),
};
/** An article or passage hit names its article and where to scroll in it; a note hit has neither. */
export const SearchHitSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['article', 'passage']),
    ...searchHitFields,
    articleId: Id,
    start: z.number().int().optional(),
    end: z.number().int().optional(),
  }),
  z.object({ kind: z.literal('note'), ...searchHitFields }),
]);

/** Hit delimiters inside `SearchHit.snippet`. */
export const SNIPPET_HIT_OPEN = '\u0002';
export const SNIPPET_HIT_CLOSE = '\u0003';

/** Largest single upload a client may send (base64 inflates it by a third on the wire). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export const FileUpload = z.object({
  name: z.string().min(1, 'file name is empty').max(1024),
  /** File contents, base64-encoded (JSON-safe on every transport). */
  dataBase64: z.string().max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4, 'file is larger than 64 MB'),
});

/**
 * Who may call a method. `client`: any transport. `desktop`: in-process and the desktop app's own
 * page over IPC, never HTTP (it reads local paths the person picked or dropped in the app).
 * `local`: in-process only (CLI, Electron main).
 */
export const EXPOSURES = ['client', 'desktop', 'local'] as const;
export type Exposure = (typeof EXPOSURES)[number];

export function call<I extends z.ZodType, O extends z.ZodType, E extends Exposure>(spec: {
  input: I;
  output: O;
  /** Changes the library (clients refresh on the change events it causes). */
  mutates: boolean;
  exposure: E;
  summary: string;
}) {
  return spec;
}
