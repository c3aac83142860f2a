/**
 * Sends dropped or picked files to the library: each is read with `File.arrayBuffer()`,
 * base64-encoded and sent in batches that keep a request (and the memory holding it) bounded.
 * Returns one result per file, in the order given, whatever failed along the way.
 */
import { MAX_IMPORT_BYTES, type ImportResult } from '../../../electron/model/articles';
import type { Input, Output } from '../../../electron/api/contract';
import { errorCode, errorText } from '../api/errors';
import { bytesToBase64 } from './base64';

export type Upload = Input<'articles.importFiles'>['files'][number];
export type SendUploads = (files: Upload[]) => Promise<Output<'articles.importFiles'>>;

/** Raw bytes per request (base64 adds a third on the wire). */
export const BATCH_BYTES = 24 * 1024 * 1024;
export const BATCH_FILES = 50;

const MB = 1024 * 1024;

function failure(file: string, code: string, message: string): ImportResult {
  return { ok: false, file, error: { code, message } };
}

/** Reads one file for upload, or says why it can't be sent; `name` is what the report shows. */
export async function readUpload(
  file: File,
  name: string = file.name,
): Promise<Upload | ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return failure(
      name,
      'too_large',
      `${name}: the file is ${Math.round(file.size / MB)} MB; files up to ${MAX_IMPORT_BYTES / MB} MB can be imported`,
    );
  }
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // The contract caps names at 1,024 characters; a deep path keeps its end, which names the file.
    return { name: (name || 'untitled').slice(-1024), dataBase64: bytesToBase64(bytes) };
  } catch (error) {
    // A dropped folder, or a file that vanished or can't be read.
    return failure(
      name,
      'io_error',
      `${name}: cannot be read (${errorText(error)}); is it a folder, or was it moved?`,
    );
  }
}

export async function uploadFiles(
  files: readonly File[],
  send: SendUploads,
): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array<ImportResult>(files.length);
  let batch: { index: number; upload: Upload }[] = [];
  let batchBytes = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    batchBytes = 0;
    try {
      const answers = await send(current.map((entry) => entry.upload));
      current.forEach((entry, i) => {
        results[entry.index] =
          answers[i] ??
          failure(
            entry.upload.name,
            'internal',
            `The library gave no result for ${entry.upload.name}.`,
          );
      });
    } catch (error) {
      // The whole request failed (server gone, request refused): every file in it failed.
      for (const entry of current)
        results[entry.index] = failure(
          entry.upload.name,
          errorCode(error) ?? 'internal',
          errorText(error),
        );
    }
  };

  for (let index = 0; index < files.length; index++) {
    const file = files[index] as File;
    if (batch.length > 0 && (batchBytes + file.size > BATCH_BYTES || batch.length >= BATCH_FILES))
      await flush();
    const read = await readUpload(file);
    if ('ok' in read) {
      results[index] = read;
      continue;
    }
    batch.push({ index, upload: read });
    batchBytes += file.size;
  }
  await flush();
  return results;
}
