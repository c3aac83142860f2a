/**
 * Starts one of our worker threads. Built, its entry is `BUNDLE` beside the bundle that runs
 * (out/main, or one level up from a shared chunk). Run from TypeScript sources (unit tests), the
 * worker loads its `.ts` entry through jiti, vite's TypeScript loader, so tests exercise the same code.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { CommonplaceError } from './errors';

/** Fetched when a worker starts: a CLI run that starts none skips loading the module (issue #17). */
function WorkerClass(): typeof Worker {
  return process.getBuiltinModule('node:worker_threads').Worker;
}

export function spawnWorkerThread(
  tsEntry: string,
  bundleName: string,
  options: WorkerOptions,
): Worker {
  if (__filename.endsWith('.ts')) {
    const Thread = WorkerClass();
    return new Thread(tsWorkerBootstrap(tsEntry), { ...options, eval: true });
  }
  const entry = [join(__dirname, bundleName), join(__dirname, '..', bundleName)].find((p) =>
    existsSync(p),
  );
  if (!entry)
    throw new CommonplaceError(
      'internal',
      `the worker ${bundleName} is missing beside ${__dirname}; rebuild the app`,
    );
  const Thread = WorkerClass();
  return new Thread(entry, options);
}

/** The eval source of a worker that runs a `.ts` entry from sources (tests, the fuzzer). */
export function tsWorkerBootstrap(tsEntry: string): string {
  const jiti = createRequire(__filename).resolve('jiti');
  return `require(${JSON.stringify(jiti)}).createJiti(${JSON.stringify(tsEntry)})(${JSON.stringify(tsEntry)});`;
}
