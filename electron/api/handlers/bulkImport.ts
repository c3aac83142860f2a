import { BulkImports, type BulkImportOptions } from '../../core/import/bulk/jobs';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

/**
 * Options of every bulk-import job in this process. The desktop app sets Electron's
 * better-sqlite3 binary here at startup, so the worker loads the same one as the main thread.
 */
const processOptions: BulkImportOptions = {};
export function configureBulkImport(options: BulkImportOptions): void {
  Object.assign(processOptions, options);
}

/** One job manager per open library (the CLI and tests wait on it through `bulkImportJobs`). */
const managers = new WeakMap<Library, BulkImports>();
export function bulkImportJobs(library: Library): BulkImports {
  let jobs = managers.get(library);
  if (!jobs) {
    jobs = new BulkImports(library, processOptions);
    managers.set(library, jobs);
  }
  return jobs;
}

/** Stops the library's running imports (before it closes); each ends with a `failed` report. */
export async function stopBulkImports(library: Library): Promise<void> {
  await managers.get(library)?.closeAll();
}

/** Jobs of the library still importing (0 when none was ever started). */
export function runningBulkImports(library: Library): number {
  return managers.get(library)?.runningCount() ?? 0;
}

export function bulkImportHandlers(library: Library) {
  const jobs = () => bulkImportJobs(library);
  return {
    'bulkImport.startPaths': ({ paths, onChangedSource }) => ({
      jobId: jobs().startPaths(paths, onChangedSource),
    }),
    'bulkImport.startUpload': ({ expected }) => ({ jobId: jobs().startUpload(expected) }),
    'bulkImport.addFiles': async ({ jobId, files, last }) => ({
      queued: await jobs().addFiles(
        jobId,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
        last,
      ),
    }),
    'bulkImport.cancel': ({ jobId }) => jobs().cancel(jobId),
    'bulkImport.results': ({ jobId, outcome, offset, limit }) =>
      jobs().results(jobId, outcome, offset, limit),
    'bulkImport.status': ({ jobId }) => jobs().status(jobId),
  } satisfies Partial<Handlers>;
}
