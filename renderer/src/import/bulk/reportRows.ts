/**
 * The rows of a bulk-import report, one outcome at a time. The `import-report` event carries only
 * the first rows of each outcome (a 10,000-file report in one event cost a frame of over 100 ms);
 * the dialog shows those at once and fetches the rest page by page, on request.
 */
import type { ImportResult } from '../../../../electron/model/articles';
import type { LibraryEvent } from '../../../../electron/model/events';
import { byGroup, countGroups, type Outcome } from '../../../../electron/model/importReport';

type ReportEvent = Extract<LibraryEvent, { type: 'import-report' }>;

/** Rows fetched per "Show more". */
export const REPORT_PAGE_ROWS = 200;

export interface BulkReport {
  jobId: string;
  state: ReportEvent['state'];
  error: string | null;
  notReached: number;
  elapsedMs: number;
  /** Totals per outcome, failures found in this window before upload included. */
  counts: Record<Outcome, number>;
  /** The rows known so far of each outcome; failures found here come first. */
  rows: Record<Outcome, ImportResult[]>;
  /** Failures found in this window, ahead of the job's own failed rows (the server doesn't know them). */
  localFailures: number;
  /** The server holds the rest of the rows (false for a report made here, which has them all). */
  pageable: boolean;
}

export type FetchResults = (
  jobId: string,
  outcome: Outcome,
  offset: number,
  limit: number,
) => Promise<{ total: number; results: ImportResult[] }>;

/** A job's report event, with the failures this window found before the files reached the server. */
export function reportFromEvent(
  event: ReportEvent,
  localFailures: readonly ImportResult[],
): BulkReport {
  const rows = byGroup([...localFailures, ...event.results]);
  return {
    jobId: event.jobId,
    state: event.state,
    error: event.error,
    notReached: event.notReached,
    elapsedMs: event.elapsedMs,
    counts: { ...event.counts, failed: event.counts.failed + localFailures.length },
    rows,
    localFailures: localFailures.length,
    pageable: true,
  };
}

/** A report made here, with every row (a job that could not be started or fed). */
export function localReport(
  fields: Pick<BulkReport, 'jobId' | 'state' | 'error'>,
  results: readonly ImportResult[],
): BulkReport {
  const rows = byGroup(results);
  return {
    ...fields,
    notReached: 0,
    elapsedMs: 0,
    counts: countGroups(results),
    rows,
    localFailures: rows.failed.length,
    pageable: false,
  };
}

/** Rows of `outcome` not shown yet, given the `shown` ones. */
export function rowsLeft(report: BulkReport, outcome: Outcome, shown: number): number {
  return report.pageable ? Math.max(0, report.counts[outcome] - shown) : 0;
}

/**
 * The next page after the `shown` rows, from the server. Local failures are ahead of the job's
 * own, so the server's offset skips them. Resolves to the rows to append.
 */
export async function fetchMoreRows(
  report: BulkReport,
  outcome: Outcome,
  shown: number,
  fetch: FetchResults,
  limit = REPORT_PAGE_ROWS,
): Promise<ImportResult[]> {
  if (rowsLeft(report, outcome, shown) === 0) return [];
  const offset = shown - (outcome === 'failed' ? report.localFailures : 0);
  const page = await fetch(report.jobId, outcome, Math.max(0, offset), limit);
  return page.results;
}
