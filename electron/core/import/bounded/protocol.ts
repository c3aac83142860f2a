/** Messages between a parse pool (parent) and its parser thread. Structured-clone safe. */
import type { CheckedStyle } from '../../../model/citationStyles';
import type { ErrorCode } from '../../errors';
import type { PageImage } from '../ocr/pageImages';
import type { ParsedArticle } from '../types';

export type ParseRequest =
  | { kind: 'parse'; id: number; bytes: Uint8Array; fileName: string; source?: string }
  /** A `.csl` file checked as adding it checks it (its probe rendering can run long). */
  | { kind: 'checkStyle'; id: number; xml: string; fileName: string }
  /** One page's scan of a PDF decoded for OCR (pdf.js decodes whatever image a page declares). */
  | { kind: 'scanPage'; id: number; bytes: Uint8Array; fileName: string; page: number };

export type ParseReply =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; parsed: ParsedArticle }
  | { type: 'styleChecked'; id: number; checked: CheckedStyle }
  | { type: 'scanned'; id: number; numPages: number; image: PageImage | null }
  /** `code` null: not one of our errors (a parser bug); the message is passed on as it was. */
  | { type: 'failed'; id: number; code: ErrorCode | null; message: string };
