/**
 * The pictures an excerpt shows: the image blocks of its article that its range of the canonical
 * text covers, with their bytes from the library, their alt text and the caption under them. An
 * image block's text is its alt text, so a passage over a picture quotes that text; the formats
 * that can carry a picture (HTML, Word, Obsidian) put the picture beside the quote.
 */
import type { Database } from 'better-sqlite3';
import { BLOCK_SEPARATOR, blockText, inlineText, type Body } from '../../model/body';
import type { ImageMediaType } from '../../model/images';
import type { Passage } from '../../model/passages';
import { unpackBody } from '../articles/bodyStore';
import { cachedStatement } from '../db/statements';
import { getImage, storedBodyImages } from '../images/store';

export interface ExportImage {
  hash: string;
  mediaType: ImageMediaType;
  bytes: Uint8Array;
  /** The image block's text (may be empty). */
  alt: string;
  /** The caption block right under it, or ''. */
  caption: string;
}

/** A picture's file name in a folder export: its hash, so the same picture is written once. */
export function imageFileName(image: Pick<ExportImage, 'hash' | 'mediaType'>): string {
  return `${image.hash}.${IMAGE_EXTENSIONS[image.mediaType]}`;
}

export const IMAGE_EXTENSIONS: Record<ImageMediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

/** The description a picture gets where it can't be shown ("Picture: alt — caption"). */
export function imageText(image: Pick<ExportImage, 'alt' | 'caption'>): string {
  const said = [image.alt.trim(), image.caption.trim()].filter(Boolean);
  return said.length ? `Picture: ${said.join(' — ')}` : 'Picture';
}

interface PlacedImage {
  hash: string;
  start: number;
  end: number;
  alt: string;
  caption: string;
}

/** Each image block of `body` with its range in the canonical text, its caption included. */
export function placedImages(body: Body): PlacedImage[] {
  const out: PlacedImage[] = [];
  let at = 0;
  body.blocks.forEach((block, i) => {
    if (i) at += BLOCK_SEPARATOR.length;
    const length = blockText(block).length;
    if (block.type === 'image') {
      const next = body.blocks[i + 1];
      const caption = next?.type === 'caption' ? inlineText(next.content) : '';
      out.push({
        hash: block.src,
        start: at,
        // The caption's end, when it has one.
        end: at + length + (caption ? BLOCK_SEPARATOR.length + caption.length : 0),
        alt: inlineText(block.content),
        caption,
      });
    }
    at += length;
  });
  return out;
}

/**
 * Whether a passage over [start, end) shows the picture: it overlaps the picture's alt text or
 * the caption under it (a caption belongs to its picture), or, for a picture with neither (no
 * characters of its own), the passage runs across its place.
 */
function covers(p: Pick<Passage, 'start' | 'end'>, image: PlacedImage): boolean {
  if (image.end > image.start) return image.start < p.end && image.end > p.start;
  return p.start <= image.start && image.start <= p.end;
}

/**
 * The pictures each passage shows, by passage id (passages without any are left out). An orphaned
 * passage shows none: its range no longer says where it is. A picture the library lacks or holds
 * damaged is left out (its alt text is still in the quote).
 */
export function excerptImages(
  db: Database,
  passages: readonly Passage[],
): Map<string, ExportImage[]> {
  const out = new Map<string, ExportImage[]>();
  const byArticle = new Map<string, Passage[]>();
  for (const p of passages) {
    if (p.orphaned) continue;
    const list = byArticle.get(p.articleId);
    if (list) list.push(p);
    else byArticle.set(p.articleId, [p]);
  }
  const bytes = new Map<string, ReturnType<typeof getImage> | null>();
  const load = (hash: string) => {
    if (!bytes.has(hash)) {
      try {
        bytes.set(hash, getImage(db, hash));
      } catch {
        bytes.set(hash, null);
      }
    }
    return bytes.get(hash)!;
  };
  const read = cachedStatement<[string], { body: string; text: string }>(
    db,
    'SELECT body, text FROM articles WHERE id = ?',
  );
  for (const [articleId, list] of byArticle) {
    const row = read.get(articleId);
    // Most articles hold no picture: their body isn't unpacked at all.
    if (!row || !storedBodyImages(row.body).length) continue;
    const placed = placedImages(unpackBody(row.body, row.text, `article ${articleId}`));
    for (const p of list) {
      const shown: ExportImage[] = [];
      for (const image of placed) {
        if (!covers(p, image)) continue;
        const stored = load(image.hash);
        if (stored)
          shown.push({
            hash: image.hash,
            mediaType: stored.mediaType,
            bytes: stored.bytes,
            alt: image.alt,
            caption: image.caption,
          });
      }
      if (shown.length) out.set(p.id, shown);
    }
  }
  return out;
}

/**
 * A raster picture's size in pixels from its header (PNG, GIF, JPEG, WebP), or null. Word needs a
 * display size; a header that lies only makes the picture the wrong shape, never unsafe.
 */
export function imagePixelSize(
  bytes: Uint8Array,
  mediaType: ImageMediaType,
): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ok = (w: number, h: number) => (w > 0 && h > 0 ? { width: w, height: h } : null);
  try {
    switch (mediaType) {
      case 'image/png':
        return ok(view.getUint32(16), view.getUint32(20));
      case 'image/gif':
        return ok(view.getUint16(6, true), view.getUint16(8, true));
      case 'image/jpeg': {
        let at = 2;
        while (at + 9 < bytes.length) {
          if (bytes[at] !== 0xff) return null;
          const marker = bytes[at + 1]!;
          // SOF0–SOF15 hold the frame size, except DHT (C4), JPG (C8) and DAC (CC).
          if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
            return ok(view.getUint16(at + 7), view.getUint16(at + 5));
          at += 2 + view.getUint16(at + 2);
        }
        return null;
      }
      case 'image/webp': {
        const chunk = String.fromCharCode(...bytes.subarray(12, 16));
        if (chunk === 'VP8 ')
          return ok(view.getUint16(26, true) & 0x3fff, view.getUint16(28, true) & 0x3fff);
        if (chunk === 'VP8L') {
          const b = view.getUint32(21, true);
          return ok((b & 0x3fff) + 1, ((b >> 14) & 0x3fff) + 1);
        }
        if (chunk === 'VP8X')
          return ok(
            1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16)),
            1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16)),
          );
        return null;
      }
      default:
        return null;
    }
  } catch {
    return null;
  }
}
