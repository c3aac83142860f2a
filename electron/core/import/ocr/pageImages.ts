/**
 * The scanned image of each PDF page, as a greyscale bitmap for OCR. A scanner's PDF puts one
 * image over each page; the largest image painted on a page is taken as its scan. pdf.js decodes
 * every image filter itself (JPEG, JBIG2, CCITT, Flate), so no canvas or native library is needed.
 */
import { errorMessage } from '../../errors';
import { documentParams, loadPdfJs } from '../pdf/pdfjs';

export interface PageImage {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  /** One byte per pixel, 0 black … 255 white, row by row. */
  grey: Uint8Array;
}

/** pdf.js's decoded image (`ImageKind`: 1 = 1 bit per pixel, 2 = RGB, 3 = RGBA). */
interface DecodedImage {
  width: number;
  height: number;
  kind?: number;
  data?: Uint8Array | Uint8ClampedArray;
}

/** A scan bigger than this (pixels) is not read: 600 dpi A3 is ~70 megapixels. */
const MAX_PIXELS = 80_000_000;

interface PdfScan {
  numPages: number;
  /** The page's scan, or null for a page without one. */
  pageImage(page: number): Promise<PageImage | null>;
  close(): Promise<void>;
}

async function openPdfScan(bytes: Uint8Array): Promise<PdfScan> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(documentParams(bytes, pdfjs.VerbosityLevel.ERRORS));
  const doc = await task.promise;
  const paintOps = new Set<number>([
    pdfjs.OPS.paintImageXObject,
    pdfjs.OPS.paintInlineImageXObject,
    pdfjs.OPS.paintImageXObjectRepeat,
  ]);
  return {
    numPages: doc.numPages,
    async pageImage(n: number): Promise<PageImage | null> {
      const page = await doc.getPage(n);
      try {
        const ops = await page.getOperatorList();
        let best: DecodedImage | null = null;
        for (let i = 0; i < ops.fnArray.length; i++) {
          if (!paintOps.has(ops.fnArray[i] as number)) continue;
          const arg = (ops.argsArray[i] as unknown[])[0];
          const image =
            typeof arg === 'string' ? await objectOf(page, arg) : (arg as DecodedImage | null);
          if (!image?.data || !image.width || !image.height) continue;
          if (!best || image.width * image.height > best.width * best.height) best = image;
        }
        return best ? { page: n, ...toGrey(best) } : null;
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await doc.destroy().catch(() => undefined);
    },
  };
}

/**
 * One page's scan and the document's page count: what the bounded parser thread does for OCR, a
 * page per request, so a hostile image (a few KB declaring a gigapixel page) is decoded within a
 * parse's time and memory budget, never in the thread that asked.
 */
export async function readPageScan(
  bytes: Uint8Array,
  page: number,
): Promise<{ numPages: number; image: PageImage | null }> {
  const scan = await openPdfScan(bytes);
  try {
    const image = page >= 1 && page <= scan.numPages ? await scan.pageImage(page) : null;
    return { numPages: scan.numPages, image };
  } finally {
    await scan.close();
  }
}

interface ObjectStore {
  get(id: string, callback: (value: unknown) => void): void;
}

/** An image object by id: page-local, or shared (`g_…`) in the document's common objects. */
function objectOf(page: unknown, id: string): Promise<DecodedImage | null> {
  const p = page as { objs: ObjectStore; commonObjs: ObjectStore };
  const store = id.startsWith('g_') ? p.commonObjs : p.objs;
  return new Promise((resolve, reject) => {
    try {
      store.get(id, (value) => resolve((value as DecodedImage | null) ?? null));
    } catch (e) {
      reject(new Error(`image ${id} could not be decoded (${errorMessage(e)})`));
    }
  });
}

function toGrey(image: DecodedImage): Omit<PageImage, 'page'> {
  const { width, height } = image;
  if (width * height > MAX_PIXELS)
    throw new Error(`a ${width}×${height} scan is over the ${MAX_PIXELS / 1e6} megapixel limit`);
  const data = image.data as Uint8Array;
  const grey = new Uint8Array(width * height);
  if (image.kind === 1) {
    // 1 bit per pixel, rows padded to whole bytes; pdf.js paints a set bit white.
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const bit = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
        grey[y * width + x] = bit ? 255 : 0;
      }
  } else {
    const channels = image.kind === 3 ? 4 : 3;
    for (let i = 0, j = 0; i < grey.length; i++, j += channels) {
      // Rec. 601 luma.
      grey[i] = Math.round(
        0.299 * (data[j] ?? 0) + 0.587 * (data[j + 1] ?? 0) + 0.114 * (data[j + 2] ?? 0),
      );
    }
  }
  return { width, height, grey };
}

/** A binary PGM (P5) file: Leptonica, inside Tesseract, reads it without any image codec. */
export function toPgm(image: Pick<PageImage, 'width' | 'height' | 'grey'>): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.grey.length);
  out.set(header, 0);
  out.set(image.grey, header.length);
  return out;
}
