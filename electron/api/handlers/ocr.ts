import { randomUUID } from 'node:crypto';
import type { OcrStatus } from '../../model/ocr';
import { getArticle } from '../../core/articles/repo';
import { CommonplaceError, errorMessage } from '../../core/errors';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

interface Job {
  status: OcrStatus;
  controller: AbortController;
}

/** Finished jobs are kept this long for a late status poll, then forgotten. */
const KEEP_FINISHED_MS = 10 * 60_000;

export function ocrHandlers(library: Library) {
  const jobs = new Map<string, Job>();

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new CommonplaceError('not_found', `OCR job ${jobId}: no such job`);
    return job;
  };

  const settle = (job: Job, patch: Partial<OcrStatus>): void => {
    Object.assign(job.status, patch);
    setTimeout(() => jobs.delete(job.status.jobId), KEEP_FINISHED_MS).unref?.();
  };

  return {
    'articles.ocrStart': ({ id }) => {
      const article = getArticle(library.db, id);
      if (article.format !== 'pdf')
        throw new CommonplaceError(
          'invalid_input',
          `"${article.title}": OCR reads scanned PDFs; this article is ${article.format}`,
        );
      for (const job of jobs.values())
        if (job.status.articleId === id && job.status.state === 'running') return { ...job.status };
      const jobId = `ocr-${randomUUID()}`;
      const job: Job = {
        controller: new AbortController(),
        status: {
          jobId,
          articleId: id,
          state: 'running',
          done: 0,
          page: 0,
          total: 0,
          fraction: 0,
          language: null,
          report: null,
          error: null,
        },
      };
      jobs.set(jobId, job);
      // OCR (tesseract.js, franc, the PDF parser) is loaded when a job starts.
      import('../../core/articles/ocr')
        .then(({ ocrArticle }) =>
          ocrArticle(library.db, id, {
            signal: job.controller.signal,
            onProgress: (p) => Object.assign(job.status, p),
          }),
        )
        .then(
          (result) => {
            library.flushChanges();
            settle(job, {
              state: 'finished',
              fraction: 1,
              language: result.language,
              report: result.report,
            });
          },
          (e: unknown) =>
            settle(job, {
              state: job.controller.signal.aborted ? 'cancelled' : 'failed',
              error: job.controller.signal.aborted ? null : errorMessage(e),
            }),
        );
      return { ...job.status };
    },
    'articles.ocrStatus': ({ jobId }) => ({ ...find(jobId).status }),
    'articles.ocrCancel': ({ jobId }) => {
      const job = find(jobId);
      if (job.status.state === 'running') job.controller.abort();
      return { ...job.status };
    },
  } satisfies Partial<Handlers>;
}
