/**
 * How an original file is kept in `originals`: its exact bytes, compressed when that pays
 * (migration 14). Originals are read rarely (download, open, re-parse, export) and a text, Markdown
 * or HTML file holds the article's text once more, so those are zlib-compressed; PDF, EPUB and
 * DOCX are compressed already and kept as they are. The key stays the sha256 of the file's own
 * bytes; a compressed original is checked against it (and its size) on every read, so a damaged
 * row is named instead of handing back wrong bytes. Every reader and writer goes through here.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { cachedStatement } from '../db/statements';
import { CommonplaceError, errorMessage } from '../errors';

/** `identity`: the bytes as they are; `zlib`: RFC 1950 (what Python's zlib.decompress reads). */
export type OriginalEncoding = 'identity' | 'zlib';

/** A compressed original must save at least this share of its size, else it is kept as is. */
const MIN_SAVING = 0.1;

/** Media types worth compressing: the text formats (the others are zip or Flate inside already). */
const compressible = (mediaType: string) => mediaType.startsWith('text/');

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * The stored form of `bytes`. Compressed only when `hash` is the sha256 of the bytes (so a read can
 * verify it) and compressing saves enough.
 */
export function encodeOriginal(
  bytes: Buffer,
  hash: string,
  mediaType: string,
): { data: Buffer; encoding: OriginalEncoding } {
  if (compressible(mediaType) && bytes.length >= 64 && sha256Hex(bytes) === hash) {
    const packed = deflateSync(bytes);
    if (packed.length <= bytes.length * (1 - MIN_SAVING)) return { data: packed, encoding: 'zlib' };
  }
  return { data: bytes, encoding: 'identity' };
}

/** The original's exact bytes from its stored form, verified when compressed. */
export function decodeOriginal(row: {
  hash: string;
  bytes: Buffer;
  size: number;
  encoding: string;
}): Buffer {
  if (row.encoding === 'identity') return row.bytes;
  const damaged = (what: string) =>
    new CommonplaceError('storage', `original ${row.hash.slice(0, 16)}…: is damaged (${what})`);
  if (row.encoding !== 'zlib') throw damaged(`unknown encoding "${row.encoding}"`);
  let bytes: Buffer;
  try {
    // Bounded by the size the row declares: a damaged stream can't inflate past it.
    bytes = inflateSync(row.bytes, { maxOutputLength: Math.max(1, row.size) });
  } catch (e) {
    throw damaged(errorMessage(e));
  }
  if (bytes.length !== row.size) throw damaged(`${bytes.length} bytes, not ${row.size}`);
  if (sha256Hex(bytes) !== row.hash) throw damaged('its bytes no longer match their sha256');
  return bytes;
}

export interface NewOriginal {
  hash: string;
  bytes: Buffer;
  mediaType: string;
  fileName: string;
  createdAt: string;
}

/** Stores an original (nothing when one with this hash is already kept). */
export function insertOriginal(db: Database, o: NewOriginal): void {
  const { data, encoding } = encodeOriginal(o.bytes, o.hash, o.mediaType);
  cachedStatement(
    db,
    'INSERT OR IGNORE INTO originals (hash, bytes, size, media_type, file_name, created_at, encoding) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(o.hash, data, o.bytes.length, o.mediaType, o.fileName, o.createdAt, encoding);
}
