/**
 * `commonplace import`: every file goes through the API dispatcher, as the app's and web mode's
 * imports do. Folders and many files go to a bulk-import job (`bulkImport.startPaths`: a worker
 * thread walks the folders and imports file by file), followed through the library's events
 * (a progress line on a terminal, then the report) with its results paged in from
 * `bulkImport.results`; a few plain files are imported here with `articles.importPaths`, one call
 * per file, since a worker's start-up would cost more than they take.
 */
import { statSync } from 'node:fs';
import type { ImportResult } from '../model/articles';
import { MAX_RESULTS_PAGE } from '../model/bulkImport';
import type { ImportProgressEvent, ImportReportEvent } from '../core/import/bulk/jobs';
import { countGroups } from '../model/importReport';
import type { OnChangedSource } from '../core/articles/import';
import { errorMessage, isCommonplaceError } from '../core/errors';
import { walkImportPaths, type WalkItem } from '../core/import/bulk/walk';
import type { CliClient, CliConnection } from './context';

/** Up to this many plain files are imported without a job: a worker's start-up would cost more. */
const IN_PROCESS_MAX_FILES = 20;

export async function runImportJob(
  api: CliConnection,
  paths: string[],
  onChangedSource: OnChangedSource,
  progress?: (line: string | null) => void,
): Promise<ImportReportEvent> {
  const few = fewPlainFiles(paths);
  if (few) return importOneByOne(api.invoke, few, onChangedSource);
  let jobId: string | undefined;
  // Reports are kept by job from the start: the event can't be missed, whenever the id is known.
  const reports = new Map<string, ImportReportEvent>();
  let reported: (() => void) | undefined;
  const off = api.onEvent((e) => {
    if (e.type === 'import-progress' && e.jobId === jobId) progress?.(formatProgressLine(e));
    if (e.type === 'import-report') {
      reports.set(e.jobId, e);
      reported?.();
    }
  });
  try {
    const id = (await api.invoke('bulkImport.startPaths', { paths, onChangedSource })).jobId;
    jobId = id;
    while (!reports.has(id)) await new Promise<void>((resolve) => (reported = resolve));
    const report = reports.get(id)!;
    progress?.(null);
    return { ...report, results: await allResults(api.invoke, report) };
  } finally {
    off();
    progress?.(null);
  }
}

/** Every file's result of an ended job, in import order: the event carries only a sample of a big job's. */
async function allResults(invoke: CliClient, report: ImportReportEvent): Promise<ImportResult[]> {
  const { imported, duplicate, failed } = report.counts;
  const total = imported + duplicate + failed;
  if (report.results.length >= total) return report.results;
  const results: ImportResult[] = [];
  while (results.length < total) {
    const page = await invoke('bulkImport.results', {
      jobId: report.jobId,
      offset: results.length,
      limit: MAX_RESULTS_PAGE,
    });
    if (!page.results.length) break;
    results.push(...page.results);
  }
  return results;
}

/**
 * The walk of a few named files (no folder), when each is a plain file name the API can take
 * as it is; else null (a job: it also reads names that are not valid UTF-8).
 */
function fewPlainFiles(paths: string[]): WalkItem[] | null {
  if (paths.length > IN_PROCESS_MAX_FILES) return null;
  if (paths.some((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory())) return null;
  const { items } = walkImportPaths(paths);
  const plain = items.every(
    (i) =>
      i.kind === 'failure' || (typeof i.file.path === 'string' && i.file.path === i.file.display),
  );
  return plain ? items : null;
}

export function formatProgressLine(
  e: Pick<ImportProgressEvent, 'done' | 'total' | 'current' | 'rate' | 'etaSeconds'>,
): string {
  const eta = e.etaSeconds === null ? '' : `, ${formatDuration(e.etaSeconds)} left`;
  const rate =
    e.rate > 0 ? `, ${e.rate >= 10 ? Math.round(e.rate) : e.rate.toFixed(1)} files/s` : '';
  return `importing ${e.done}/${e.total}${rate}${eta}${e.current ? `: ${e.current}` : ''}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatImportSummary(
  r: Pick<ImportReportEvent, 'state' | 'counts' | 'notReached' | 'elapsedMs'>,
): string {
  const { imported, duplicate, failed, warned } = r.counts;
  const parts = [
    `${imported} imported${warned ? ` (${warned} with warnings)` : ''}`,
    `${duplicate} already in library`,
    `${failed} failed`,
  ];
  if (r.notReached)
    parts.push(
      `${r.notReached} not reached (${r.state === 'cancelled' ? 'cancelled' : 'the import stopped'})`,
    );
  const n = imported + duplicate + failed;
  return `${n} file${n === 1 ? '' : 's'}: ${parts.join(', ')} in ${formatDuration(r.elapsedMs / 1000)}`;
}

/** The walked files imported one call each, with the report a job would give. */
async function importOneByOne(
  invoke: CliClient,
  items: WalkItem[],
  onChangedSource: OnChangedSource,
): Promise<ImportReportEvent> {
  const started = performance.now();
  const results: ImportResult[] = [];
  const report = (state: 'finished' | 'failed', error: string | null, notReached: number) =>
    ({
      type: 'import-report',
      jobId: 'job-cli',
      state,
      error,
      counts: countGroups(results),
      notReached,
      elapsedMs: Math.round(performance.now() - started),
      results,
    }) satisfies ImportReportEvent;
  for (const [i, item] of items.entries()) {
    const result =
      item.kind === 'failure'
        ? item.failure
        : await importOne(invoke, item.file.path as string, onChangedSource);
    // The library itself failed (as the worker does): stop, say it once, the rest not reached.
    if (!result.ok && result.error.code === 'storage')
      return report('failed', result.error.message, items.length - i);
    results.push(result);
  }
  return report('finished', null, 0);
}

async function importOne(
  invoke: CliClient,
  path: string,
  onChangedSource: OnChangedSource,
): Promise<ImportResult> {
  try {
    const [result] = await invoke('articles.importPaths', { paths: [path], onChangedSource });
    if (result) return result;
    return { ok: false, file: path, error: { code: 'internal', message: `${path}: no result` } };
  } catch (e) {
    // The call itself failed (a per-file failure is a result): a line in the report, as in a job.
    const code = isCommonplaceError(e) ? e.code : 'internal';
    return { ok: false, file: path, error: { code, message: errorMessage(e) } };
  }
}
