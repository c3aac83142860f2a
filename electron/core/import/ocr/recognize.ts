/**
 * OCR of a scanned PDF, offline: tesseract.js (Tesseract compiled to WebAssembly, run in its own
 * worker thread) with language data read from an npm package (`@tesseract.js-data/eng`; another
 * language is one more package, `@tesseract.js-data/fra`…). Nothing is fetched or cached: the
 * worker, the core and the traineddata all come from node_modules (`cacheMethod: 'none'`).
 *
 * Each page's scan becomes paragraphs; every page starts a block, with its page number, exactly
 * like a PDF with a text layer, so search, passages and page labels work on the result.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Block } from '../../../model/body';
import { BLOCK_SEPARATOR, blockText } from '../../../model/body';
import { CommonplaceError, errorMessage, isCommonplaceError } from '../../errors';
import type { PageStart } from '../../../model/pages';
import { scanPageBounded, type ParseBudgetOverride } from '../bounded';
import { toPgm } from './pageImages';

export interface OcrProgress {
  /** Pages finished, and the page now being read (1-based; 0 before the first). */
  done: number;
  page: number;
  total: number;
  /** 0…1 over the whole document. */
  fraction: number;
}

export interface OcrOptions {
  /** Tesseract language codes (`eng`, `fra`, `deu`…); the first installed one is used. */
  languages?: readonly string[];
  onProgress?: (progress: OcrProgress) => void;
  signal?: AbortSignal;
  /** Replaces parts of the page decode's budget (tests). */
  budget?: ParseBudgetOverride;
}

export interface OcrResult {
  blocks: Block[];
  pages: PageStart[];
  /** The Tesseract language used. */
  language: string;
  /** Pages that had no scan to read. */
  emptyPages: number[];
}

/** Tesseract codes for the BCP 47 tags an article may carry. */
const TESSERACT_CODES: Record<string, string> = {
  en: 'eng',
  fr: 'fra',
  de: 'deu',
  es: 'spa',
  it: 'ita',
  pt: 'por',
  nl: 'nld',
  ru: 'rus',
  ja: 'jpn',
  zh: 'chi_sim',
  ko: 'kor',
  ar: 'ara',
};

export function tesseractCode(lang: string | null | undefined): string | null {
  const primary = lang?.split('-')[0]?.toLowerCase();
  return primary ? (TESSERACT_CODES[primary] ?? null) : null;
}

const req = createRequire(__filename);

/** The folder holding `<code>.traineddata.gz` from the installed data package, or null. */
export function languageDataPath(code: string): string | null {
  if (!/^[a-z_]{3,12}$/.test(code)) return null;
  let root: string;
  try {
    root = dirname(req.resolve(`@tesseract.js-data/${code}/package.json`));
  } catch {
    return null;
  }
  // The integer-quantised LSTM model: a third of the size and faster, with nearly the accuracy.
  for (const folder of ['4.0.0_best_int', '4.0.0']) {
    const dir = join(root, folder);
    if (existsSync(join(dir, `${code}.traineddata.gz`))) return dir;
  }
  return null;
}

/** Installed OCR languages among `wanted`, falling back to English. */
function pickLanguage(wanted: readonly string[]): { code: string; path: string } {
  for (const code of [...wanted, 'eng']) {
    const path = languageDataPath(code);
    if (path) return { code, path };
  }
  throw new CommonplaceError(
    'internal',
    'OCR language data is not installed (the npm package @tesseract.js-data/eng)',
  );
}

function cancelled(fileName: string): CommonplaceError {
  return new CommonplaceError('invalid_input', `${fileName}: OCR was cancelled`);
}

export async function ocrPdf(
  bytes: Uint8Array,
  fileName: string,
  options: OcrOptions = {},
): Promise<OcrResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw cancelled(fileName);
  const language = pickLanguage(options.languages ?? []);
  // Each page's scan is decoded in the bounded parser thread (like any parse of an untrusted
  // file): the first call also tells the page count.
  const scanPage = async (n: number): Promise<Awaited<ReturnType<typeof scanPageBounded>>> => {
    try {
      return await scanPageBounded(
        bytes,
        fileName,
        n,
        options.budget ? { budget: options.budget } : {},
      );
    } catch (e) {
      if (isCommonplaceError(e)) throw e;
      throw new CommonplaceError(
        'parse_error',
        `${fileName}: the PDF could not be read (${errorMessage(e)})`,
      );
    }
  };
  const first = await scanPage(1);
  const total = first.numPages;
  let done = 0;
  let page = 0;
  const report = (pageFraction: number): void =>
    onProgress?.({ done, page, total, fraction: total ? (done + pageFraction) / total : 1 });

  const { createWorker, OEM } = await import('tesseract.js');
  const worker = await createWorker(language.code, OEM.LSTM_ONLY, {
    langPath: language.path,
    gzip: true,
    cacheMethod: 'none',
    logger: (m) => {
      if (m.status === 'recognizing text') report(m.progress);
    },
    errorHandler: () => undefined,
  });
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelled(fileName));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    const blocks: Block[] = [];
    const pages: PageStart[] = [];
    const emptyPages: number[] = [];
    let offset = 0;
    for (page = 1; page <= total; page++) {
      report(0);
      const image =
        page === 1 ? first.image : (await Promise.race([scanPage(page), aborted])).image;
      const pageBlocks: Block[] = [];
      if (image) {
        const result = await Promise.race([
          worker.recognize(Buffer.from(toPgm(image)), {}, { text: false, blocks: true }),
          aborted,
        ]);
        for (const block of result.data.blocks ?? [])
          for (const para of block.paragraphs) {
            const text = joinLines(para.lines.map((l) => l.text));
            if (text) pageBlocks.push({ type: 'paragraph', content: [{ text }] });
          }
      }
      if (pageBlocks.length) {
        pages.push({
          label: String(page),
          start: blocks.length ? offset + BLOCK_SEPARATOR.length : 0,
        });
        for (const b of pageBlocks) {
          offset += (blocks.length ? BLOCK_SEPARATOR.length : 0) + blockText(b).length;
          blocks.push(b);
        }
      } else emptyPages.push(page);
      done++;
      report(0);
    }
    if (!blocks.length)
      throw new CommonplaceError('empty_file', `${fileName}: OCR found no text on any page`);
    return { blocks, pages, language: language.code, emptyPages };
  } catch (e) {
    if (isCommonplaceError(e)) throw e;
    throw new CommonplaceError('parse_error', `${fileName}: OCR failed (${errorMessage(e)})`);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    await worker.terminate().catch(() => undefined);
  }
}

/** A paragraph's lines as one line of text: hyphenated line ends rejoined, spaces collapsed. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) continue;
    if (!out) out = line;
    else if (/\p{Ll}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    else out += ` ${line}`;
  }
  return out;
}
