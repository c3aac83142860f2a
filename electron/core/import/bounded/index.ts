/**
 * `parseBounded`: the one way to parse an untrusted file. Every import path (CLI, web upload,
 * desktop, the bulk-import worker, re-parse and update from source) goes through it, so no parse
 * runs on a thread that serves anything else, and none outlives its time or memory budget.
 */
import { checkImportSize } from '..';
import type { CheckedStyle } from '../../../model/citationStyles';
import type { CslItem } from '../../citations/item';
import type { CitedDocument, CiteRequest } from '../../citations/processor';
import type { CslStyle } from '../../citations/styles';
import type { ParsedArticle } from '../types';
import {
  citeBudgetFor,
  currentParseBudgetOverride,
  parseBudgetFor,
  type ParseBudgetOverride,
} from './budget';
import { ParsePool, type ScannedPage } from './pool';

export {
  citeBudgetFor,
  overrideParseBudget,
  PARSE_BUDGET,
  parseBudgetFor,
  type ParseBudgetOverride,
} from './budget';

export interface ParseBoundedOptions {
  /** Where the bytes came from (a path or URL), as `parseDocument` takes it. */
  source?: string;
  /** Replaces parts of the computed budget (tests, fuzzing); the process-wide override applies below it. */
  budget?: ParseBudgetOverride;
}

let pool: ParsePool | null = null;

/**
 * Parses `bytes` (named `fileName` in messages) in this thread's parser thread, within the budget
 * for its size (budget.ts). Over budget, it rejects with a `too_large` CommonplaceError whose
 * message names the file and the limit; other failures are the parser's own, as before.
 */
export async function parseBounded(
  bytes: Uint8Array,
  fileName: string,
  options: ParseBoundedOptions = {},
): Promise<ParsedArticle> {
  // Refused for its size alone: no need to wake a thread.
  checkImportSize(bytes.byteLength, fileName);
  const budget = parseBudgetFor(bytes.byteLength, {
    ...currentParseBudgetOverride(),
    ...options.budget,
  });
  pool ??= new ParsePool();
  return pool.parse(
    { bytes, fileName, ...(options.source === undefined ? {} : { source: options.source }) },
    budget,
  );
}

/**
 * Checks a `.csl` file (styleFile.ts) in the parser thread, within the budget a file of its size
 * gets: a style whose probe rendering runs long is refused, naming the file, and the thread is
 * replaced. The structural failures are the checker's own one-line messages.
 */
export async function checkStyleBounded(
  xml: string,
  fileName: string,
  options: Pick<ParseBoundedOptions, 'budget'> = {},
): Promise<CheckedStyle> {
  const budget = parseBudgetFor(Buffer.byteLength(xml), {
    ...currentParseBudgetOverride(),
    ...options.budget,
  });
  pool ??= new ParsePool();
  return pool.checkStyle(xml, fileName, budget);
}

/**
 * A document's citations in a user's own style (`fileName` is the style's file), rendered in the
 * parser thread within the budget for the style's size and the number of entries: a style whose
 * rendering runs long for these items is refused, naming the file, and the thread is replaced.
 */
export async function citeDocumentBounded(
  style: CslStyle,
  items: readonly CslItem[],
  cites: readonly CiteRequest[],
  fileName: string,
  options: Pick<ParseBoundedOptions, 'budget'> = {},
): Promise<CitedDocument> {
  const budget = citeBudgetFor(Buffer.byteLength(style.xml), items.length + cites.length, {
    ...currentParseBudgetOverride(),
    ...options.budget,
  });
  pool ??= new ParsePool();
  return pool.cite(style, [...items], [...cites], fileName, budget);
}

/**
 * Decodes page `page`'s scan of a PDF for OCR in the same parser thread and within the same
 * budget as a parse of the file: pdf.js decodes whatever image a page declares, and a few KB can
 * declare gigapixels. Also gives the document's page count.
 */
export async function scanPageBounded(
  bytes: Uint8Array,
  fileName: string,
  page: number,
  options: Pick<ParseBoundedOptions, 'budget'> = {},
): Promise<ScannedPage> {
  const budget = parseBudgetFor(bytes.byteLength, {
    ...currentParseBudgetOverride(),
    ...options.budget,
  });
  pool ??= new ParsePool();
  return pool.scanPage({ bytes, fileName }, page, budget);
}
