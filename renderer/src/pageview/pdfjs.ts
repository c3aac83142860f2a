/**
 * pdf.js in the renderer, loaded only when a page view opens (its own chunk). Its worker is a
 * file of the built app, served from our own origin, so the CSP's `script-src`/`worker-src
 * 'self'` allows it; nothing is fetched from anywhere else: the document comes as bytes from the
 * API, no eval (`isEvalSupported: false`), no XFA, no scripting.
 */
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';

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
