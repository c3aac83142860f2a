/** Messages between a parse pool (parent) and its parser thread. Structured-clone safe. */
import type { CheckedStyle } from '../../../model/citationStyles';
import type { CslItem } from '../../citations/item';
import type { CitedDocument, CiteRequest } from '../../citations/processor';
import type { CslStyle } from '../../citations/styles';
import type { ErrorCode } from '../../errors';
import type { PageImage } from '../ocr/pageImages';
import type { ParsedArticle } from '../types';

export type ParseRequest =
  | { kind: 'parse'; id: number; bytes: Uint8Array; fileName: string; source?: string }
  /** A `.csl` file checked as adding it checks it (its probe rendering can run long). */
  | { kind: 'checkStyle'; id: number; xml: string; fileName: string }
  /** A document's citations in a user's style (its rendering can run long for any item). */
  | {
      kind: 'cite';
      id: number;
      style: CslStyle;
      items: CslItem[];
      cites: CiteRequest[];
    }
  /** One page's scan of a PDF decoded for OCR (pdf.js decodes whatever image a page declares). */
  | { kind: 'scanPage'; id: number; bytes: Uint8Array; fileName: string; page: number };

export type ParseReply =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; parsed: ParsedArticle }
  | { type: 'styleChecked'; id: number; checked: CheckedStyle }
  | { type: 'cited'; id: number; cited: CitedDocument }
  | { type: 'scanned'; id: number; numPages: number; image: PageImage | null }
  /** `code` null: not one of our errors (a parser bug); the message is passed on as it was. */
  | { type: 'failed'; id: number; code: ErrorCode | null; message: string };
