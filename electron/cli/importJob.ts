/**
 * `commonplace import`: folders and many files go to a bulk-import job (a worker thread walks the
 * folders and imports file by file) whose report it waits for, drawing a progress line on a
 * terminal meanwhile; a few files are imported right here, through the same walk and import.
 */
import { statSync } from 'node:fs';
import type { ImportResult } from '../model/articles';
import type { OnChangedSource } from '../core/articles/import';
import { importWalkedFile } from '../core/import/bulk/importItem';
import { countGroups } from '../model/importReport';
import type { BulkImports, ImportProgressEvent, ImportReportEvent } from '../core/import/bulk/jobs';
import { walkImportPaths } from '../core/import/bulk/walk';
import type { Library } from '../core/library';
import type { CliClient } from './context';

/** Up to this many plain files are imported on the CLI's own thread: a worker's start-up would cost more. */
const IN_PROCESS_MAX_FILES = 20;

export async function runImportJob(
  library: Library,
  jobs: BulkImports,
  invoke: CliClient,
  paths: string[],
  onChangedSource: OnChangedSource,
  progress?: (line: string | null) => void,
): Promise<ImportReportEvent> {
  const fewFiles =
    paths.length <= IN_PROCESS_MAX_FILES &&
    paths.every((p) => !statSync(p, { throwIfNoEntry: false })?.isDirectory());
  if (fewFiles) return importHere(library, paths, onChangedSource);
  let jobId: string | undefined;
  const off = progress
    ? library.onEvent((e) => {
        if (e.type === 'import-progress' && e.jobId === jobId) progress(formatProgressLine(e));
      })
    : () => undefined;
  try {
    jobId = (await invoke('bulkImport.startPaths', { paths, onChangedSource })).jobId;
    return await jobs.finished(jobId);
  } finally {
    off();
    progress?.(null);
  }
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

/** The same walk and per-file import as the worker, on this thread, with the same report. */
async function importHere(
  library: Library,
  paths: string[],
  onChangedSource: OnChangedSource,
): Promise<ImportReportEvent> {
  const started = performance.now();
  const results: ImportResult[] = [];
  const items = walkImportPaths(paths).items;
  for (const [i, item] of items.entries()) {
    const result =
      item.kind === 'failure'
        ? item.failure
        : await importWalkedFile(library.db, item.file, onChangedSource);
    // The library itself failed (as the worker does): stop, say it once, the rest not reached.
    if (!result.ok && result.error.code === 'storage') {
      return {
        type: 'import-report',
        jobId: 'job-cli',
        state: 'failed',
        error: result.error.message,
        counts: countGroups(results),
        notReached: items.length - i,
        elapsedMs: Math.round(performance.now() - started),
        results,
      };
    }
    results.push(result);
  }
  return {
    type: 'import-report',
    jobId: 'job-cli',
    state: 'finished',
    error: null,
    counts: countGroups(results),
    notReached: 0,
    elapsedMs: Math.round(performance.now() - started),
    results,
  };
}
