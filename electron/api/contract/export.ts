/**
 * Export of passages (excerpts) with their sources: what to select, which format, and the calls
 * that preview, build (for a download) or write (to a path) an export. Runtime-neutral.
 */
import { z } from 'zod';
import { call, Id, TagName } from './schemas';

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

/** APA 7, Chicago author-date, Chicago notes-bibliography, MLA 9 (the official CSL styles). */
export const CITATION_STYLES = ['apa', 'chicago', 'chicago-note', 'mla'] as const;
export const CitationStyleSchema = z.enum(CITATION_STYLES);

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

const ExportSummary = {
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
  ...ExportSummary,
});

/** The desktop menu's File → Export…: the page opens its export dialog. */
export const ExportOpenEventSchema = z.object({ type: z.literal('open-export') });

export const exportContract = {
  'export.preview': call({
    summary:
      'The first excerpts of an export rendered as the chosen format (text), with the full count.',
    input: ExportOptionsSchema.extend({ limit: z.number().int().min(1).max(100).default(5) }),
    output: z.object({
      text: z.string(),
      shown: z.number().int(),
      fileName: z.string(),
      ...ExportSummary,
    }),
    mutates: false,
    exposure: 'client',
  }),
  'export.start': call({
    summary:
      'Start building an export in the background (poll export.status, then export.download).',
    input: ExportOptionsSchema,
    output: ExportJobStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
  'export.status': call({
    summary: 'Progress of an export started with export.start.',
    input: z.object({ jobId: z.string().max(100) }),
    output: ExportJobStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
  'export.download': call({
    summary:
      'The finished export as one file (an Obsidian folder comes zipped); the job is then forgotten.',
    input: z.object({ jobId: z.string().max(100) }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), dataBase64: z.string() }),
    mutates: false,
    exposure: 'client',
  }),
  'export.toPath': call({
    summary:
      'Write an export to a file (or, for Obsidian, a folder) on this machine; never half-written.',
    input: ExportOptionsSchema.extend({ path: z.string().min(1, 'path is empty').max(4096) }),
    output: z.object({
      path: z.string(),
      files: z.number().int(),
      bytes: z.number().int(),
      /** A folder export into an earlier one: what was kept because the user edited it, and what was removed. */
      folder: z
        .object({
          /** Edited since exported: kept; this export's version is `newVersion`, beside it. */
          conflicts: z.array(z.object({ path: z.string(), newVersion: z.string() })),
          /** Exported earlier, not part of this export, edited since: kept. */
          keptEdited: z.array(z.string()),
          /** Exported earlier, not part of this export, never edited: removed. */
          removed: z.array(z.string()),
        })
        .nullable(),
      ...ExportSummary,
    }),
    mutates: false,
    exposure: 'local',
  }),
  'export.note': call({
    summary:
      'A note as a Markdown or Word file (passage quotes as block quotes with citations), for a download.',
    input: z.object({ id: Id, format: NoteExportFormatSchema }),
    output: z.object({ fileName: z.string(), mediaType: z.string(), dataBase64: z.string() }),
    mutates: false,
    exposure: 'client',
  }),
  'export.noteToPath': call({
    summary: 'Write a note as a Markdown or Word file on this machine; never half-written.',
    input: z.object({
      id: Id,
      format: NoteExportFormatSchema,
      path: z.string().min(1, 'path is empty').max(4096),
    }),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
    mutates: false,
    exposure: 'local',
  }),
} as const;

export type ExportFormat = z.output<typeof ExportFormatSchema>;
export type NoteExportFormat = z.output<typeof NoteExportFormatSchema>;
export type CitationStyle = z.output<typeof CitationStyleSchema>;
export type ExportSelection = z.output<typeof ExportSelectionSchema>;
export type ExportOptions = z.output<typeof ExportOptionsSchema>;
export type ExportJobStatus = z.output<typeof ExportJobStatusSchema>;
