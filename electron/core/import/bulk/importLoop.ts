/**
 * The bulk-import worker thread's work, loaded by worker.ts once the thread's priority is lowered.
 * It opens its own connection to the library (WAL lets it write while the main thread reads;
 * busy_timeout waits out the other writers) and imports one file per transaction, so cancelling or
 * a crash never leaves a half-written article. Between files it yields to its message port, where
 * cancel and uploads arrive.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open';
import { overrideParseBudget } from '../bounded/budget';
import { importUploadedFile, importWalkedFile } from './importItem';
import { legibleName } from './names';
import type { FromWorker, ToWorker, UploadedFile, WorkerInit } from './protocol';
import { walkImportPaths, type WalkItem } from './walk';

type Item = WalkItem | { kind: 'upload'; file: UploadedFile };

function main(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  const post = (message: FromWorker) => port.postMessage(message);
  if (init.parseBudget) overrideParseBudget(init.parseBudget);
  const db = openDatabase(
    init.libraryPath,
    init.nativeBinding ? { nativeBinding: init.nativeBinding } : {},
  );
  const queue: Item[] = [];
  let inputEnded = init.mode === 'paths';
  let cancelled = false;
  let finished = false;
  /** Set when the library itself failed (disk full, read-only, damaged): the loop stops there. */
  let storageError: string | undefined;

  // An error escaping the per-file import is a bug: end the thread so the job fails with it.
  const fail = (e: unknown) => {
    setImmediate(() => {
      throw e;
    });
  };

  const finish = () => {
    finished = true;
    post({ type: 'done', cancelled, notReached: queue.length, error: storageError });
    queue.length = 0;
    db.close();
    port.close();
  };

  /** Imports the next item; false when there is nothing to do until a message comes. */
  const step = async (): Promise<boolean> => {
    if (finished) return false;
    if (cancelled || storageError) {
      finish();
      return false;
    }
    const item = queue.shift();
    if (!item) {
      if (inputEnded) finish();
      return false;
    }
    if (item.kind === 'failure') post({ type: 'result', result: item.failure, ms: 0 });
    else {
      post({
        type: 'current',
        file: item.kind === 'file' ? item.file.display : legibleName(item.file.name),
      });
      const started = performance.now();
      const result = await (item.kind === 'file'
        ? importWalkedFile(db, item.file, init.onChangedSource)
        : importUploadedFile(db, item.file));
      if (!result.ok && result.error.code === 'storage') {
        // Not this file's fault: it counts as not reached, and the job says why once.
        storageError = result.error.message;
        queue.unshift(item);
        return true;
      }
      post({ type: 'result', result, ms: performance.now() - started });
    }
    return true;
  };
  // One file at a time, each on a fresh macrotask: messages (cancel, more uploads) are delivered between files.
  let busy = false;
  const schedule = () => {
    if (busy || finished) return;
    busy = true;
    setImmediate(() => {
      step().then((more) => {
        busy = false;
        if (more) schedule();
      }, fail);
    });
  };

  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') cancelled = true;
    else {
      for (const file of message.files) queue.push({ kind: 'upload', file });
      if (message.files.length) post({ type: 'found', count: message.files.length });
      if (message.last) inputEnded = true;
    }
    schedule();
  });

  if (init.mode === 'paths') {
    const walked = walkImportPaths(init.paths);
    post({ type: 'found', count: walked.items.length });
    queue.push(...walked.items);
  }
  schedule();
}

if (!parentPort) throw new Error('the bulk-import worker must run in a worker thread');
main(parentPort, workerData as WorkerInit);
