/**
 * Starts the import worker. Built, it is `importWorker.js` beside the bundle that runs (out/main,
 * or one level up from a shared chunk). Run from TypeScript sources (unit tests), the worker
 * loads its `.ts` entry through jiti, vite's TypeScript loader, so tests exercise the same code.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { CommonplaceError } from '../../errors';
import type { WorkerInit } from './protocol';

export const WORKER_BUNDLE_NAME = 'importWorker.js';

export function spawnImportWorker(init: WorkerInit, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData: init, ...(resourceLimits ? { resourceLimits } : {}) };
  if (__filename.endsWith('.ts')) {
    const entry = join(__dirname, 'worker.ts');
    const jiti = createRequire(__filename).resolve('jiti');
    const bootstrap = `require(${JSON.stringify(jiti)}).createJiti(${JSON.stringify(entry)})(${JSON.stringify(entry)});`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  const entry = [join(__dirname, WORKER_BUNDLE_NAME), join(__dirname, '..', WORKER_BUNDLE_NAME)].find((p) => existsSync(p));
  if (!entry) throw new CommonplaceError('internal', `the import worker (${WORKER_BUNDLE_NAME}) is missing beside ${__dirname}; rebuild the app`);
  return new Worker(entry, options);
}
