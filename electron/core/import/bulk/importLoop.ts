/**
 * The bulk-import worker thread's work, loaded by worker.ts once the thread's priority is lowered.
 * It opens its own connection to the library (WAL lets it write while the main thread reads;
 * busy_timeout waits out the other writers). Files are read and parsed one by one and written in
 * batches, one transaction each (writeBatch.ts: the batch's new articles inserted together, a
 * savepoint per file around its own writes): a file that fails rolls back only its own writes, a
 * crash or a failed commit never leaves a half-written article, and a batch that cannot commit is
 * written again file by file. One commit per file cost more than the file's own rows (each commit
 * flushes the search indexes' pending terms as a new segment to merge later).
 * Results are posted once their batch has committed. Between files it yields to its message port,
 * where cancel and uploads arrive.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportResult } from '../../../model/articles';
import { openDatabase } from '../../db/open';
import { overrideParseBudget } from '../bounded/budget';
import { writeTransaction } from '../../db/transactions';
import {
  prepareUploadedFile,
  prepareWalkedFile,
  writePrepared,
  type PreparedItem,
} from './importItem';
import { writeBatch } from './writeBatch';
import { legibleName } from './names';
import type { FromWorker, ToWorker, UploadedFile, WorkerInit } from './protocol';
import { walkImportPaths, type WalkItem } from './walk';

type Item = WalkItem | { kind: 'upload'; file: UploadedFile };

/**
 * A batch's bounds. Its commit holds the library's write lock, which the app's own edits wait for,
 * and its results wait for it: a few hundred small files, or a quarter second of parsing.
 */
const BATCH_FILES = 200;
const BATCH_MS = 250;

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

  let batch: Array<{ item: Item; prepared: PreparedItem; ms: number }> = [];
  let batchStarted = 0;

  /** Writes the batch, then posts its results in order. */
  const flush = () => {
    if (!batch.length) return;
    const entries = batch;
    batch = [];
    const started = performance.now();
    let results: ImportResult[];
    try {
      results = writeTransaction(db, () =>
        writeBatch(
          db,
          entries.map(({ prepared }) => prepared),
        ),
      );
    } catch {
      // Given up, or the commit failed (busy past the timeout, disk full): nothing of the batch was
      // written. Each file again in its own transaction, so each gets its own result and error.
      results = [];
      for (let i = 0; i < entries.length; i++) {
        const result = writePrepared(db, entries[i]!.prepared);
        if (!result.ok && result.error.code === 'storage') {
          // Not these files' fault: they count as not reached, and the job says why once.
          storageError = result.error.message;
          queue.unshift(...entries.slice(i).map((entry) => entry.item));
          break;
        }
        results.push(result);
      }
    }
    const share = (performance.now() - started) / entries.length;
    results.forEach((result, i) => post({ type: 'result', result, ms: entries[i]!.ms + share }));
  };

  /** Prepares the next item; false when there is nothing to do until a message comes. */
  const step = async (): Promise<boolean> => {
    if (finished) return false;
    if (cancelled || storageError) {
      flush(); // what is parsed lands: the files after it are the ones not reached
      finish();
      return false;
    }
    const item = queue.shift();
    if (!item) {
      flush();
      if (storageError) return true;
      if (inputEnded) finish();
      return false;
    }
    if (item.kind === 'failure') batch.push({ item, prepared: { result: item.failure }, ms: 0 });
    else {
      post({
        type: 'current',
        file: item.kind === 'file' ? item.file.display : legibleName(item.file.name),
      });
      const started = performance.now();
      const prepared = await (item.kind === 'file'
        ? prepareWalkedFile(db, item.file, init.onChangedSource)
        : prepareUploadedFile(db, item.file));
      if ('result' in prepared && !prepared.result.ok && prepared.result.error.code === 'storage') {
        // Reading the library failed: not this file's fault either.
        flush();
        storageError ??= prepared.result.error.message;
        queue.unshift(item);
        return true;
      }
      batch.push({ item, prepared, ms: performance.now() - started });
    }
    // The batch's age counts from its first file ready (not from the parser thread's start-up).
    if (batch.length === 1) batchStarted = performance.now();
    if (batch.length >= BATCH_FILES || performance.now() - batchStarted >= BATCH_MS) flush();
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
