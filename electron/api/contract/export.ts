/**
 * Export: the calls that preview, build (for a download) or write (to a path) an export of
 * passages, or a note (vocabulary in model/export).
 */
import { z } from 'zod';
import {
  CitationStyleSchema,
  ExportFileSchema,
  ExportJobStatusSchema,
  ExportOptionsSchema,
  ExportSummaryFields,
  NoteExportFormatSchema,
} from '../../model/export';
import { Id } from '../../model/ids';
import { call } from './call';

export const exportContract = {
  'export.preview': call({
    summary:
      'The first excerpts of an export rendered as the chosen format (text), with the full count.',
    input: ExportOptionsSchema.extend({ limit: z.number().int().min(1).max(100).default(5) }),
    output: z.object({
      text: z.string(),
      shown: z.number().int(),
      fileName: z.string(),
      ...ExportSummaryFields,
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
    output: ExportFileSchema,
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
      ...ExportSummaryFields,
    }),
    mutates: false,
    exposure: 'local',
  }),
  'export.note': call({
    summary:
      'A note as a Markdown or Word file (passage quotes as block quotes with citations), for a download.',
    input: z.object({
      id: Id,
      format: NoteExportFormatSchema,
      /** With a style: an in-text citation after each quote and the reference list at the end. */
      style: CitationStyleSchema.optional(),
    }),
    output: ExportFileSchema,
    mutates: false,
    exposure: 'client',
  }),
  'export.noteToPath': call({
    summary: 'Write a note as a Markdown or Word file on this machine; never half-written.',
    input: z.object({
      id: Id,
      format: NoteExportFormatSchema,
      style: CitationStyleSchema.optional(),
      path: z.string().min(1, 'path is empty').max(4096),
    }),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
    mutates: false,
    exposure: 'local',
  }),
} as const;
