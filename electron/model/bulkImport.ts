/**
 * Bulk import: folders and thousands of files imported by a job that runs off the main thread.
 * A job reports progress and, at the end, one result per file as library events.
 */
import { z } from 'zod';
import { ImportResultSchema } from './articles';

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
  /** Files never reached (a cancelled or failed job); 0 while running. */
  notReached: z.number().int(),
  /** How long the job has run, or ran. */
  elapsedMs: z.number(),
  // No results: a 10,000-file job's are megabytes; `bulkImport.results` pages through them.
});

/** One page of a job's results of one outcome, with how many there are. */
export const BulkImportResultsPageSchema = z.object({
  total: z.number().int(),
  results: z.array(ImportResultSchema),
});

export type BulkImportStatus = z.output<typeof BulkImportStatusSchema>;
export type BulkImportResultsPage = z.output<typeof BulkImportResultsPageSchema>;
