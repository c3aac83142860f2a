/**
 * OCR of an article's kept original (a scanned PDF): the text Tesseract reads replaces the
 * article's content, with a page number per page, so it is searchable and passages work on it.
 * The metadata comes from today's importer; passages re-anchor as on a re-parse. Reading happens
 * before the write transaction, which is all or nothing.
 */
import type { Database } from 'better-sqlite3';
import type { ReanchorReport } from '../../model/articles';
import { bodyToText, makeBody } from '../../model/body';
import { CommonplaceError } from '../errors';
import { nowIso } from '../ids';
import { parseBounded } from '../import/bounded';
import { languageSample, resolveLanguage } from '../import/language';
import { ocrPdf, tesseractCode, type OcrProgress } from '../import/ocr/recognize';
import { NO_TEXT_NOTICE } from '../import/pdf/parse';
import { reanchorArticlePassages } from '../passages/repo';
import { writeTransaction } from '../db/transactions';
import { articleFields } from './import';
import { getOriginal } from './originals';
import { getArticleText, replaceArticleContent } from './repo';

export interface OcrArticleOptions {
  onProgress?: (progress: OcrProgress) => void;
  signal?: AbortSignal;
}

export interface OcrArticleReport {
  report: ReanchorReport;
  /** Tesseract's language code used. */
  language: string;
  pages: number;
  emptyPages: number[];
}

export async function ocrArticle(
  db: Database,
  id: string,
  options: OcrArticleOptions = {},
): Promise<OcrArticleReport> {
  const original = getOriginal(db, id);
  if (original.mediaType !== 'application/pdf')
    throw new CommonplaceError(
      'invalid_input',
      `${original.fileName}: OCR reads scanned PDFs; this original is ${original.mediaType}`,
    );
  const parsed = await parseBounded(original.bytes, original.fileName);
  const declared = tesseractCode(parsed.lang);
  const ocr = await ocrPdf(original.bytes, original.fileName, {
    ...options,
    languages: declared ? [declared] : [],
  });
  const body = makeBody(ocr.blocks);
  const text = bodyToText(body);
  const fields = articleFields(
    {
      ...parsed,
      body,
      pages: ocr.pages,
      lang: resolveLanguage(parsed.lang, languageSample(body)),
      excerpt: parsed.excerpt === NO_TEXT_NOTICE ? null : parsed.excerpt,
    },
    {
      bytes: original.bytes,
      fileName: original.fileName,
      ...(original.source ? { source: original.source } : {}),
    },
    original.hash,
  );
  if (options.signal?.aborted)
    throw new CommonplaceError('invalid_input', `${original.fileName}: OCR was cancelled`);
  const report = writeTransaction(db, () => {
    const oldText = getArticleText(db, id);
    replaceArticleContent(db, id, { ...fields, text }, nowIso());
    return reanchorArticlePassages(db, id, oldText, text);
  });
  return { report, language: ocr.language, pages: ocr.pages.length, emptyPages: ocr.emptyPages };
}
