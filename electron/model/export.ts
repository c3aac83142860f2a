/**
 * Export of passages (excerpts) with their sources: what to select, which format, and how a
 * running export reports itself.
 */
import { z } from 'zod';
import { Id } from './ids';
import { TagName } from './tags';

/** Formats the export engine writes; more (CSL-JSON, BibTeX, RIS) join through the format registry. */
export const EXPORT_FORMATS = [
  'md',
  'obsidian',
  'csv',
  'json',
  'html',
  'docx',
  'csljson',
  'bibtex',
  'ris',
] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);

/** Formats a single note exports to. */
export const NOTE_EXPORT_FORMATS = ['md', 'docx'] as const;
export const NoteExportFormatSchema = z.enum(NOTE_EXPORT_FORMATS);

/** APA 7, Chicago author-date, Chicago notes-bibliography, MLA 9 (the CSL styles bundled in core/citations/styles). */
export const CITATION_STYLES = ['apa', 'chicago', 'chicago-note', 'mla'] as const;
export const BundledStyleSchema = z.enum(CITATION_STYLES);

/** A `.csl` style the user added to the library: `user:` and the row's UUIDv7. */
export const USER_STYLE_ID =
  /^user:[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const UserStyleIdSchema = z.custom<`user:${string}`>(
  (v) => typeof v === 'string' && USER_STYLE_ID.test(v),
  'a citation style is apa, chicago, chicago-note, mla or user:ID (an added style)',
);
/** A bundled style by name, or an added one by id. */
export const CitationStyleSchema = z.union([BundledStyleSchema, UserStyleIdSchema]);

/** Copy as citation: the quote with its in-text citation, or with the reference entry. */
export const CITATION_FORMS = ['in-text', 'reference'] as const;
export const CitationFormSchema = z.enum(CITATION_FORMS);

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2024-06-18');

/**
 * Which passages: every filter given must hold (an empty selection is the whole library).
 * Dates are inclusive; `dateField` says whether they bound the passage's creation or the
 * source's publication date.
 */
export const ExportSelectionSchema = z.object({
  tags: z.array(TagName).max(1000).default([]),
  /** `any`: a passage carrying one of the tags; `all`: carrying every one. */
  tagMode: z.enum(['any', 'all']).default('any'),
  articleIds: z.array(Id).max(100_000).default([]),
  /** Passages found by this search query (the search syntax, up to its 10,000-hit window). */
  search: z.string().max(10_000, 'search is longer than 10,000 characters').optional(),
  dateField: z.enum(['passage', 'article']).default('passage'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const ExportOptionsSchema = z.object({
  selection: ExportSelectionSchema.default({
    tags: [],
    tagMode: 'any',
    articleIds: [],
    dateField: 'passage',
  }),
  format: ExportFormatSchema,
  groupBy: z.enum(['source', 'tag']).default('source'),
  style: CitationStyleSchema.optional(),
  /** The export's title (front matter, headings); a description of the selection by default. */
  title: z.string().max(500, 'title is longer than 500 characters').optional(),
});

/** What every export answer says about its selection (spread into the output schemas). */
export const ExportSummaryFields = {
  /** Excerpts exported (each passage once, even when grouping by tag repeats it). */
  count: z.number().int(),
  sources: z.number().int(),
  /** Why the export is empty (no such tag, nothing matches), or null. */
  message: z.string().nullable(),
};

export const ExportJobStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  /** Excerpts written so far, out of `total`: a determinate progress bar. */
  done: z.number().int(),
  total: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  ...ExportSummaryFields,
});

/** A file an export or a note export hands to the client for a download. */
export const ExportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  dataBase64: z.string(),
});

export type ExportFormat = z.output<typeof ExportFormatSchema>;
export type NoteExportFormat = z.output<typeof NoteExportFormatSchema>;
export type CitationStyle = z.output<typeof CitationStyleSchema>;
export type BundledStyle = z.output<typeof BundledStyleSchema>;
export type CitationForm = z.output<typeof CitationFormSchema>;
export type ExportSelection = z.output<typeof ExportSelectionSchema>;
export type ExportOptions = z.output<typeof ExportOptionsSchema>;
export type ExportJobStatus = z.output<typeof ExportJobStatusSchema>;
