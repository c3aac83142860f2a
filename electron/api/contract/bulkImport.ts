/**
 * Bulk import: folders and thousands of files imported by a job that runs off the main thread.
 * A job is started with paths (CLI, desktop app) or fed uploaded files in batches (web mode);
 * it reports progress and, at the end, one result per file as library events.
 */
import { z } from 'zod';
import { FileUpload } from '../../model/articles';
import {
  BulkImportOutcomeSchema,
  BulkImportResultsPageSchema,
  BulkImportStatusSchema,
  JobId,
  MAX_RESULTS_PAGE,
  REPORT_EVENT_ROWS,
} from '../../model/bulkImport';
import { call } from './call';

export const bulkImportContract = {
  'bulkImport.startPaths': call({
    summary:
      'Import files and folders (recursively) from local paths in a background job; progress and the report come as events.',
    input: z.object({
      paths: z.array(z.string().min(1, 'path is empty')).min(1, 'no paths given').max(100_000),
      onChangedSource: z.enum(['offer', 'update']).default('offer'),
    }),
    output: z.object({ jobId: JobId }),
    mutates: false,
    // The desktop page imports drops and picks by path (no upload cap); a web page never names paths.
    exposure: 'desktop',
  }),
  'bulkImport.startUpload': call({
    summary:
      'Start a background import fed with uploaded files (bulkImport.addFiles); `expected` is how many will come.',
    input: z.object({ expected: z.number().int().min(0).max(1_000_000) }),
    output: z.object({ jobId: JobId }),
    mutates: false,
    exposure: 'client',
  }),
  'bulkImport.addFiles': call({
    summary:
      'Hand a batch of uploaded files to a job; resolves when the job is ready for more. `last` ends the job’s input.',
    input: z.object({
      jobId: JobId,
      files: z.array(FileUpload).max(1000),
      last: z.boolean().default(false),
    }),
    output: z.object({ queued: z.number().int() }),
    mutates: false,
    exposure: 'client',
  }),
  'bulkImport.cancel': call({
    summary: 'Stop a job after the file it is importing now; what was imported stays.',
    input: z.object({ jobId: JobId }),
    output: BulkImportStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
  'bulkImport.results': call({
    summary:
      'One page of a job’s results of one outcome (imported, duplicate or failed), or of every file when no outcome is given, in import order, with how many there are.',
    input: z.object({
      jobId: JobId,
      /** Omitted: every file's result (the CLI prints them all, in order). */
      outcome: BulkImportOutcomeSchema.optional(),
      offset: z.number().int().min(0, 'offset must be 0 or more').default(0),
      limit: z
        .number()
        .int()
        .min(1, 'limit must be at least 1')
        .max(MAX_RESULTS_PAGE, `limit must be at most ${MAX_RESULTS_PAGE}`)
        .default(REPORT_EVENT_ROWS),
    }),
    output: BulkImportResultsPageSchema,
    mutates: false,
    exposure: 'client',
  }),
  'bulkImport.status': call({
    summary: 'Where a job is; its per-file results once it ended.',
    input: z.object({ jobId: JobId }),
    output: BulkImportStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
} as const;
