import type { BulkImports } from '../../core/import/bulk/jobs';
import type { Handlers } from './types';

export function bulkImportHandlers(jobs: BulkImports) {
  return {
    'bulkImport.startPaths': ({ paths, onChangedSource }) => ({
      jobId: jobs.startPaths(paths, onChangedSource),
    }),
    'bulkImport.startUpload': ({ expected }) => ({ jobId: jobs.startUpload(expected) }),
    'bulkImport.addFiles': async ({ jobId, files, last }) => ({
      queued: await jobs.addFiles(
        jobId,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
        last,
      ),
    }),
    'bulkImport.cancel': ({ jobId }) => jobs.cancel(jobId),
    'bulkImport.results': ({ jobId, outcome, offset, limit }) =>
      jobs.results(jobId, outcome, offset, limit),
    'bulkImport.status': ({ jobId }) => jobs.status(jobId),
  } satisfies Partial<Handlers>;
}
