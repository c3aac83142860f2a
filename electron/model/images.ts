/**
 * Pictures kept from imported documents: which types, how large, and how a type is told from the
 * bytes (never from a file name or a declared type, which a hostile file can get wrong on purpose).
 * Runtime-neutral: the parser thread, the core and the API share it.
 */
import { z } from 'zod';

export const IMAGE_MEDIA_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/svg+xml',
] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/** One picture may be at most this large (a photo in a book is rarely over 5 MB). */
export const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
/** All the pictures kept from one document (an EPUB may be 200 MB, mostly pictures). */
export const MAX_DOCUMENT_IMAGE_BYTES = 192 * 1024 * 1024;
/** Pictures kept from one document; the rest keep their alt text only. */
export const MAX_DOCUMENT_IMAGES = 4000;

export const ImageHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a sha256 (64 hex digits)');

/** A kept picture as the reader gets it: a data: URL, which the pages' CSP allows (`img-src 'self' data:`). */
export const ImageDataSchema = z.object({
  hash: ImageHashSchema,
  mediaType: z.enum(IMAGE_MEDIA_TYPES),
  size: z.number().int().nonnegative(),
  dataUrl: z.string(),
});
export type ImageData = z.output<typeof ImageDataSchema>;

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/**
 * The raster type the bytes are, by their signature, or null. SVG is text, so it is not
 * recognised here: `looksLikeSvg` says whether text may be one, and only a sanitised SVG is kept.
 */
export function rasterMediaType(
  bytes: Uint8Array,
): Exclude<ImageMediaType, 'image/svg+xml'> | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Whether the bytes open like an SVG document (after a BOM, XML declaration, comments, doctype). */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  return /^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(
    head,
  );
}
