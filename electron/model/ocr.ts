/** OCR of a scanned PDF article: the status of its background job. */
import { z } from 'zod';
import { ReanchorReportSchema } from './articles';
import { Id } from './ids';

export const OcrJobId = z.string().regex(/^ocr-[0-9a-z-]{1,64}$/, 'must be an OCR job id');

export const OCR_STATES = ['running', 'finished', 'cancelled', 'failed'] as const;

export const OcrStatusSchema = z.object({
  jobId: OcrJobId,
  articleId: Id,
  state: z.enum(OCR_STATES),
  /** Pages finished, the page being read (1-based), and the page count (0 until known). */
  done: z.number().int(),
  page: z.number().int(),
  total: z.number().int(),
  /** 0…1 over the whole document. */
  fraction: z.number(),
  /** Tesseract's language code, once finished. */
  language: z.string().nullable(),
  report: ReanchorReportSchema.nullable(),
  /** One line, when failed. */
  error: z.string().nullable(),
});

export type OcrStatus = z.output<typeof OcrStatusSchema>;
