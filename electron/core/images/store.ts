/**
 * The `images` table (migration 24): pictures kept from imported documents, named by the sha256 of
 * their bytes. Written with the article that shows them, in its transaction; read back verified
 * (a damaged row is named, never shown). Every reader and writer of the table goes through here.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  IMAGE_MEDIA_TYPES,
  looksLikeSvg,
  rasterMediaType,
  type ImageData,
  type ImageMediaType,
} from '../../model/images';
import { cachedStatement } from '../db/statements';
import { CommonplaceError } from '../errors';

export interface StoredImage {
  hash: string;
  mediaType: ImageMediaType;
  bytes: Buffer;
}

interface ImageRow {
  hash: string;
  bytes: Buffer;
  media_type: string;
}

/** Stores pictures not yet in the library (the same picture in two documents is kept once). */
export function insertImages(
  db: Database,
  images: readonly { hash: string; mediaType: ImageMediaType; bytes: Uint8Array }[],
  createdAt: string,
): void {
  const insert = cachedStatement(
    db,
    'INSERT OR IGNORE INTO images (hash, bytes, size, media_type, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  for (const image of images) {
    const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
    insert.run(image.hash, bytes, bytes.length, image.mediaType, createdAt);
  }
}

export function hasImage(db: Database, hash: string): boolean {
  return cachedStatement(db, 'SELECT 1 FROM images WHERE hash = ?').get(hash) !== undefined;
}

/** The picture's bytes, checked against its name; `not_found` when the library lacks it. */
export function getImage(db: Database, hash: string): StoredImage {
  const row = cachedStatement<[string], ImageRow>(
    db,
    'SELECT hash, bytes, media_type FROM images WHERE hash = ?',
  ).get(hash);
  if (!row) throw new CommonplaceError('not_found', `image ${hash}: not in the library`);
  if (createHash('sha256').update(row.bytes).digest('hex') !== hash)
    throw new CommonplaceError('internal', `image ${hash}: its stored bytes are damaged`);
  if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(row.media_type))
    throw new CommonplaceError('internal', `image ${hash}: unknown type ${row.media_type}`);
  return { hash, mediaType: row.media_type as ImageMediaType, bytes: row.bytes };
}

/** The picture as the reader shows it: a data: URL (the pages' CSP allows `data:` images only). */
export function imageData(db: Database, hash: string): ImageData {
  const image = getImage(db, hash);
  return {
    hash,
    mediaType: image.mediaType,
    size: image.bytes.length,
    dataUrl: `data:${image.mediaType};base64,${image.bytes.toString('base64')}`,
  };
}

/**
 * The pictures a stored body (`articles.body`, as bodyStore.ts writes it) names, without
 * unpacking it against its text: image blocks are `["i", hash, …]`, or `{type: "image", src}`
 * in a body stored whole.
 */
export function storedBodyImages(stored: string): string[] {
  const out = new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [];
  }
  if (parsed === null || typeof parsed !== 'object') return [];
  const p = parsed as { v?: unknown; b?: unknown; blocks?: unknown };
  if (p.v === 2 && Array.isArray(p.b)) {
    for (const b of p.b)
      if (Array.isArray(b) && b[0] === 'i' && typeof b[1] === 'string') out.add(b[1]);
  } else if (Array.isArray(p.blocks)) {
    for (const b of p.blocks as { type?: unknown; src?: unknown }[])
      if (b && b.type === 'image' && typeof b.src === 'string') out.add(b.src);
  }
  return [...out];
}

/** Pictures no article's body names any more (after articles are deleted for good). */
export function deleteUnusedImages(db: Database): number {
  const used = new Set<string>();
  for (const body of cachedStatement<[], string>(
    db,
    'SELECT body FROM articles WHERE instr(body, \'"i"\') OR instr(body, \'"image"\')',
  )
    .pluck()
    .iterate())
    for (const hash of storedBodyImages(body)) used.add(hash);
  let deleted = 0;
  const del = cachedStatement(db, 'DELETE FROM images WHERE hash = ?');
  for (const hash of cachedStatement<[], string>(db, 'SELECT hash FROM images').pluck().all())
    if (!used.has(hash)) deleted += del.run(hash).changes;
  return deleted;
}

/**
 * The type of a picture that arrives from elsewhere (a sync blob, a JSON transfer), checked by its
 * bytes as at import; an SVG only when nothing in it could run or load (it was sanitised where it
 * was imported: one that still holds a script, handler, link or style was not, and is refused).
 */
export function syncedImageType(bytes: Uint8Array): ImageMediaType | null {
  const raster = rasterMediaType(bytes);
  if (raster) return raster;
  if (!looksLikeSvg(bytes)) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (
    /<\s*(?:script|style|a|use|image|foreignObject|feImage)\b|\bon\w+\s*=|href\s*=|url\s*\(|<!ENTITY/i.test(
      text,
    )
  )
    return null;
  return 'image/svg+xml';
}
