/**
 * pdf.js in the renderer, loaded only when a page view opens (its own chunk). Its worker is a
 * file of the built app, served from our own origin, so the CSP's `script-src`/`worker-src
 * 'self'` allows it; nothing is fetched from anywhere else: the document comes as bytes from the
 * API, no eval (`isEvalSupported: false`), no XFA, no scripting.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';

export type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | null = null;
let worker: InstanceType<PdfJs['PDFWorker']> | null = null;

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  });
  return loading;
}

/**
 * Loads pdf.js and starts its worker ahead of a page view (a PDF opened in the text view may be
 * switched to its pages): the worker's start is most of a first open.
 */
export function preloadPdfJs(): void {
  void loadPdfJs()
    .then((pdfjs) => {
      worker ??= new pdfjs.PDFWorker();
    })
    .catch(() => undefined); // the page view reports it when it opens
}

/**
 * Starts loading a document from its bytes (the task is destroyed to stop it and free it). One
 * worker serves every document: starting pdf.js's worker (a 1 MB script) is most of the time a
 * page view takes to open, and destroying a document leaves a worker it was given running.
 */
export function openDocument(pdfjs: PdfJs, data: Uint8Array): PDFDocumentLoadingTask {
  worker ??= new pdfjs.PDFWorker();
  return pdfjs.getDocument({
    data,
    worker,
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
}

/** A document opened for the page view, with what it took to lay its pages out. */
export interface OpenedPdf {
  pdfjs: PdfJs;
  doc: PDFDocumentProxy;
  labels: (string | null)[] | null;
  /** Each page's size at scale 1: the first page's for all until `measured`. */
  sizes: { width: number; height: number }[];
  measured: boolean;
}

/**
 * The last document the page view showed, kept open after it closes: switching between the text
 * and the pages, or going back to the article, would otherwise fetch the original over the API,
 * decode it and parse it again. One document only (a 300-page book's worker state is megabytes);
 * `key` names the article's version, so a changed original is opened anew.
 */
let kept: { key: string; opened: Promise<OpenedPdf>; destroy: () => void } | null = null;

/**
 * The document for `key`: the kept one, or `fetchBytes()` opened (replacing the kept one). A
 * failed open is not kept.
 */
export function openPdf(key: string, fetchBytes: () => Promise<Uint8Array>): Promise<OpenedPdf> {
  if (kept?.key === key) return kept.opened;
  kept?.destroy();
  let task: PDFDocumentLoadingTask | null = null;
  let destroyed = false;
  const opened = (async (): Promise<OpenedPdf> => {
    const [bytes, pdfjs] = await Promise.all([fetchBytes(), loadPdfJs()]);
    if (destroyed) throw new Error('closed');
    task = openDocument(pdfjs, bytes);
    const doc = await task.promise;
    const [first, labels] = await Promise.all([
      doc.getPage(1),
      doc.getPageLabels().catch(() => null),
    ]);
    const { width, height } = first.getViewport({ scale: 1 });
    return {
      pdfjs,
      doc,
      labels,
      sizes: Array.from({ length: doc.numPages }, () => ({ width, height })),
      measured: doc.numPages === 1,
    };
  })();
  const entry = {
    key,
    opened,
    destroy: () => {
      destroyed = true;
      void task?.destroy();
    },
  };
  kept = entry;
  opened.catch(() => {
    if (kept === entry) kept = null;
    entry.destroy();
  });
  return opened;
}

/**
 * Every page's size, measured in the background (most PDFs have one page size, so the first
 * page's stands in until then); kept with the document so the next open needn't measure again.
 */
export async function measurePages(
  opened: OpenedPdf,
  cancelled: () => boolean,
): Promise<OpenedPdf['sizes'] | null> {
  if (opened.measured) return null;
  const sizes = opened.sizes.slice();
  let changed = false;
  for (let n = 2; n <= opened.doc.numPages; n++) {
    if (cancelled()) return null;
    const page = await opened.doc.getPage(n).catch(() => null);
    if (!page) continue;
    const { width, height } = page.getViewport({ scale: 1 });
    const old = sizes[n - 1]!;
    if (Math.abs(old.width - width) > 0.5 || Math.abs(old.height - height) > 0.5) {
      sizes[n - 1] = { width, height };
      changed = true;
    }
  }
  opened.sizes = sizes;
  opened.measured = true;
  return changed ? sizes : null;
}
