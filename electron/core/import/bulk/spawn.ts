/** Starts the bulk-import worker (built: out/main/importWorker.js; from sources: worker.ts through jiti). */
import { join } from 'node:path';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { spawnWorkerThread } from '../../workerThread';
import type { WorkerInit } from './protocol';

export const WORKER_BUNDLE_NAME = 'importWorker.js';

export function spawnImportWorker(init: WorkerInit, resourceLimits?: ResourceLimits): Worker {
  return spawnWorkerThread(join(__dirname, 'worker.ts'), WORKER_BUNDLE_NAME, {
    workerData: init,
    ...(resourceLimits ? { resourceLimits } : {}),
  });
}
