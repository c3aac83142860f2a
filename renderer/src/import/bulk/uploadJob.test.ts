import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../../electron/model/articles';
import { BATCH_FILES } from '../uploadFiles';
import { startUploadJob, type JobApi } from './uploadJob';

/** A job endpoint that records what it is sent, as the server would receive it. */
function recorder() {
  const calls: { jobId: string; names: string[]; last: boolean }[] = [];
  const api: JobApi = {
    start: async () => 'job-1',
    add: async (jobId, files, last) =>
      void calls.push({ jobId, names: files.map((f) => f.name), last }),
  };
  return { api, calls };
}

const file = (name: string, text = 'x') => ({
  file: new File([text], name.split('/').pop()!),
  path: name,
});

describe('startUploadJob', () => {
  it('sends every file under its folder path, in batches, the last one marked', async () => {
    const { api, calls } = recorder();
    const files = Array.from({ length: BATCH_FILES + 3 }, (_, i) => file(`folder/sub/n${i}.md`));
    const job = await startUploadJob(files, api, () => false);
    expect(job.jobId).toBe('job-1');
    expect(await job.sent).toEqual([]);
    expect(calls.map((c) => [c.names.length, c.last])).toEqual([
      [BATCH_FILES, false],
      [3, true],
    ]);
    expect(calls[0]!.names[0]).toBe('folder/sub/n0.md');
  });

  it('keeps files it cannot send as failures of the report, and stops sending once cancelled', async () => {
    const { api, calls } = recorder();
    const huge = {
      file: { size: MAX_IMPORT_BYTES + 1, name: 'huge.txt' } as File,
      path: 'f/huge.txt',
    };
    let stop = false;
    const job = await startUploadJob([huge, file('f/a.md')], api, () => stop);
    const failures = await job.sent;
    expect(failures.map((f) => !f.ok && f.error.code)).toEqual(['too_large']);
    expect(calls.at(-1)).toEqual({ jobId: 'job-1', names: ['f/a.md'], last: true });

    const later = recorder();
    stop = true;
    const cancelled = await startUploadJob([file('a'), file('b')], later.api, () => stop);
    await cancelled.sent;
    expect(later.calls).toEqual([{ jobId: 'job-1', names: [], last: true }]);
  });
});
