/**
 * OCR of a scanned PDF article, offline, as a background job: start it, poll its progress, cancel
 * it. When it finishes, the text it read replaces the article's content (page numbers kept,
 * passages re-anchored).
 */
import { z } from 'zod';
import { Id } from '../../model/ids';
import { OcrJobId, OcrStatusSchema } from '../../model/ocr';
import { call } from './call';

export const ocrContract = {
  'articles.ocrStart': call({
    summary:
      'Start OCR of a PDF article from its kept original (a scan without a text layer) in the background.',
    input: z.object({ id: Id }),
    output: OcrStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
  'articles.ocrStatus': call({
    summary: 'Progress of an OCR job; when finished, the article holds the text it read.',
    input: z.object({ jobId: OcrJobId }),
    output: OcrStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
  'articles.ocrCancel': call({
    summary: 'Cancel an OCR job; the article stays as it was.',
    input: z.object({ jobId: OcrJobId }),
    output: OcrStatusSchema,
    mutates: false,
    exposure: 'client',
  }),
} as const;
