/**
 * Bulk import: folders and thousands of files imported by a job that runs off the main thread.
 * A job is started with paths (CLI, desktop app) or fed uploaded files in batches (web mode);
 * it reports progress and, at the end, one result per file as library events.
 */
import { z } from 'zod';
import { call, FileUpload, ImportResultSchema } from './schemas';

export const JobId = z.string().regex(/^job-[0-9a-z-]{1,64}$/, 'must be an import job id');

export const BulkImportCountsSchema = z.object({
  imported: z.number().int(),
  duplicate: z.number().int(),
  failed: z.number().int(),
  /** Of the imported files, those imported with a warning. */
  warned: z.number().int(),
});

export const BULK_IMPORT_STATES = ['running', 'finished', 'cancelled', 'failed'] as const;
export const BulkImportStateSchema = z.enum(BULK_IMPORT_STATES);

/**
 * The groups a job's report lists its files in: how each ended (imported, duplicate or failed:
 * one of those per file), and `warned`, the imported files whose import noticed a problem it went
 * past (also in `imported`), so they can be found among thousands.
 */
export const BULK_IMPORT_OUTCOMES = ['imported', 'duplicate', 'failed', 'warned'] as const;
export const BulkImportOutcomeSchema = z.enum(BULK_IMPORT_OUTCOMES);

/**
 * Results of each outcome an `import-report` event carries. Sending all of a 10,000-file job's
 * results (~4 MB of JSON) to every window cost the page a frame of over 100 ms to parse and the
 * server as long to serialise; the report dialog shows these and pages through the rest.
 */
export const REPORT_EVENT_ROWS = 200;
/** Most results one `bulkImport.results` call returns. */
export const MAX_RESULTS_PAGE = 1000;

/** Sent at most every ~100 ms while a job runs. */
export const ImportProgressEventSchema = z.object({
  type: z.literal('import-progress'),
  jobId: JobId,
  /** Files handled so far (imported, duplicate or failed). */
  done: z.number().int(),
  /** Files in the job; grows while a folder is still being walked or uploads still arrive. */
  total: z.number().int(),
  /** The file being imported now (a legible name: odd bytes and control characters escaped). */
  current: z.string().nullable(),
  /** Files per second over the recent past. */
  rate: z.number(),
  /** Seconds left at that rate; null while unknown. */
  etaSeconds: z.number().nullable(),
  counts: BulkImportCountsSchema,
});

/** Sent once when a job ends, however it ends. */
export const ImportReportEventSchema = z.object({
  type: z.literal('import-report'),
  jobId: JobId,
  state: BulkImportStateSchema.exclude(['running']),
  /** Why the job itself failed (the worker crashed, the library could not be opened). */
  error: z.string().nullable(),
  counts: BulkImportCountsSchema,
  /** Files that were never reached (cancelled or failed job). */
  notReached: z.number().int(),
  elapsedMs: z.number(),
  /**
   * The first REPORT_EVENT_ROWS results of each outcome, in import order (imported, duplicate and
   * failed mixed as they came); `counts` has the totals, `bulkImport.results` pages through them all.
   */
  results: z.array(ImportResultSchema),
});

export const BulkImportStatusSchema = z.object({
  jobId: JobId,
  state: BulkImportStateSchema,
  done: z.number().int(),
  total: z.number().int(),
  counts: BulkImportCountsSchema,
  error: z.string().nullable(),
  // No results: a 10,000-file job's are megabytes; `bulkImport.results` pages through them.
});

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
      'One page of a job’s results of one outcome (imported, duplicate or failed), in import order, with how many there are.',
    input: z.object({
      jobId: JobId,
      outcome: BulkImportOutcomeSchema,
      offset: z.number().int().min(0, 'offset must be 0 or more').default(0),
      limit: z
        .number()
        .int()
        .min(1, 'limit must be at least 1')
        .max(MAX_RESULTS_PAGE, `limit must be at most ${MAX_RESULTS_PAGE}`)
        .default(REPORT_EVENT_ROWS),
    }),
    output: z.object({ total: z.number().int(), results: z.array(ImportResultSchema) }),
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
