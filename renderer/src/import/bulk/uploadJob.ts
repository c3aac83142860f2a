/**
 * Feeds dropped or picked files to a server-side import job in batches (web mode has no paths):
 * each batch waits for the job to take it, so memory stays bounded however many files there are,
 * and the page stays responsive (reading and encoding are async; parsing happens in the worker).
 */
import type { ImportResult } from '../../../../electron/model/articles';
import { BATCH_BYTES, BATCH_FILES, readUpload, type Upload } from '../uploadFiles';
import type { PickedFile } from './collectDropped';

export interface JobApi {
  start(expected: number): Promise<string>;
  add(jobId: string, files: Upload[], last: boolean): Promise<void>;
}

export interface UploadJob {
  jobId: string;
  /** Sent once every file is handed over or skipped; failures found here, before the server saw them. */
  sent: Promise<ImportResult[]>;
}

export async function startUploadJob(
  files: readonly PickedFile[],
  api: JobApi,
  stopped: () => boolean,
): Promise<UploadJob> {
  const jobId = await api.start(files.length);
  const sent = (async () => {
    const localFailures: ImportResult[] = [];
    let batch: Upload[] = [];
    let bytes = 0;
    for (const { file, path } of files) {
      if (stopped()) break;
      if (batch.length > 0 && (bytes + file.size > BATCH_BYTES || batch.length >= BATCH_FILES)) {
        await api.add(jobId, batch, false);
        batch = [];
        bytes = 0;
      }
      const read = await readUpload(file, path);
      if ('ok' in read) localFailures.push(read);
      else {
        batch.push(read);
        bytes += file.size;
      }
    }
    await api.add(jobId, batch, true);
    return localFailures;
  })();
  return { jobId, sent };
}
