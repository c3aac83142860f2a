/**
 * pdfjs-dist on Node, configured once: no worker thread (its "fake worker" runs in this thread;
 * we import the worker module ourselves so bundling cannot lose it), no eval, no font loading,
 * no network. The predefined CJK CMaps shipped in the package are read from disk when present.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfJs> | null = null;

/** Loaded on first use: pdfjs costs ~150 ms to import, which a CLI listing articles shouldn't pay. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    // @ts-expect-error the worker module ships without type declarations
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

let cMapDir: string | null | undefined;

function packagedCMaps(): string | null {
  if (cMapDir === undefined) {
    try {
      const req = createRequire(__filename);
      cMapDir = `${join(dirname(dirname(dirname(req.resolve('pdfjs-dist/legacy/build/pdf.mjs')))), 'cmaps')}/`;
    } catch {
      cMapDir = null;
    }
  }
  return cMapDir;
}

export function documentParams(data: Uint8Array, verbosity: number): DocumentInitParameters {
  const cMapUrl = packagedCMaps();
  return {
    // pdfjs transfers (detaches) the buffer it is given and refuses Node Buffers: a plain copy.
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    disableAutoFetch: true,
    disableStream: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  };
}
