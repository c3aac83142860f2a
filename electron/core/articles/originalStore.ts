/**
 * How an original file is kept in `originals`: its exact bytes, compressed when that pays
 * (migration 14), or — for a text, Markdown or HTML file that mostly holds its article's text —
 * as a delta against that text (migration 17, `originalDelta.ts`). Originals are read rarely
 * (download, open, re-parse, export); PDF, EPUB and DOCX are compressed already and kept as they
 * are. The key stays the sha256 of the file's own bytes; an encoded original is checked against it
 * (and its size) on every read, so a damaged row is named instead of handing back wrong bytes.
 * Every reader and writer goes through here.
 */
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import type { Database } from 'better-sqlite3';
import { decodeDelta, encodeDelta } from './originalDelta';
import { cachedStatement } from '../db/statements';
import { CommonplaceError, errorMessage } from '../errors';

/** `identity`: the bytes as they are; `zlib`: RFC 1950 (what Python's zlib.decompress reads). */
export type OriginalEncoding = 'identity' | 'zlib';

/** A compressed original must save at least this share of its size, else it is kept as is. */
const MIN_SAVING = 0.1;

/** Media types worth compressing: the text formats (the others are zip or Flate inside already). */
const compressible = (mediaType: string) => mediaType.startsWith('text/');

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** How a row is stored: `encoding` of the bytes, and `delta` 1 when they are a delta against the article's text. */
export interface StoredForm {
  data: Buffer;
  encoding: OriginalEncoding;
  delta: 0 | 1;
}

/**
 * The stored form of `bytes`. Encoded only when `hash` is the sha256 of the bytes (so a read can
 * verify it): as a delta against `text` (the text of the article stored with it) when that text
 * makes up most of the file, else compressed when that saves enough. Each is decoded again and
 * compared with the bytes before it is used.
 */
export function encodeOriginal(
  bytes: Buffer,
  hash: string,
  mediaType: string,
  text?: string,
): StoredForm {
  if (compressible(mediaType) && bytes.length >= 64 && sha256Hex(bytes) === hash) {
    if (text !== undefined) {
      const base = Buffer.from(text, 'utf8');
      const delta = encodeDelta(bytes, base);
      const back = delta && decodeDelta(delta, base, bytes.length);
      if (delta && Buffer.isBuffer(back) && back.equals(bytes)) {
        const packed = deflateSync(delta);
        return packed.length < delta.length
          ? { data: packed, encoding: 'zlib', delta: 1 }
          : { data: delta, encoding: 'identity', delta: 1 };
      }
    }
    const packed = deflateSync(bytes);
    if (packed.length <= bytes.length * (1 - MIN_SAVING))
      return { data: packed, encoding: 'zlib', delta: 0 };
  }
  return { data: bytes, encoding: 'identity', delta: 0 };
}

/** A row of `originals` as stored (the columns `decodeOriginal` needs). */
export interface OriginalRow {
  hash: string;
  bytes: Buffer;
  size: number;
  encoding: string;
  /** 1: a delta against the article's text (migration 17); absent or 0: the file itself. */
  delta?: number;
}

/**
 * The original's exact bytes from its stored form, verified when encoded. `text`: the text of the
 * article with this hash (a delta's base); read from the library when not given.
 */
export function decodeOriginal(db: Database, row: OriginalRow, text?: string): Buffer {
  if (row.encoding === 'identity' && !row.delta) return row.bytes;
  const damaged = (what: string) =>
    new CommonplaceError('storage', `original ${row.hash.slice(0, 16)}…: is damaged (${what})`);
  let stream: Buffer;
  if (row.encoding === 'identity') stream = row.bytes;
  else if (row.encoding !== 'zlib') throw damaged(`unknown encoding "${row.encoding}"`);
  else {
    try {
      // Bounded: a damaged stream can't inflate past the size the row declares (a delta is smaller).
      stream = inflateSync(row.bytes, { maxOutputLength: Math.max(1, row.size) });
    } catch (e) {
      throw damaged(errorMessage(e));
    }
  }
  let bytes = stream;
  if (row.delta) {
    const base =
      text ??
      (cachedStatement(db, 'SELECT text FROM articles WHERE hash = ?').pluck().get(row.hash) as
        string | undefined);
    if (base === undefined) throw damaged('the article text it is stored against is gone');
    const out = decodeDelta(stream, Buffer.from(base, 'utf8'), row.size);
    if (typeof out === 'string') throw damaged(out);
    bytes = out;
  }
  if (bytes.length !== row.size) throw damaged(`${bytes.length} bytes, not ${row.size}`);
  if (sha256Hex(bytes) !== row.hash) throw damaged('its bytes no longer match their sha256');
  return bytes;
}

/**
 * On every connection, before migrating: migration 17's triggers write a delta original whole
 * again (compressed) with this before the article text it is stored against changes or goes.
 */
export function registerOriginalFunctions(db: Database): void {
  db.function(
    'commonplace_original_whole',
    { deterministic: true },
    (hash: unknown, bytes: unknown, size: unknown, encoding: unknown, text: unknown) => {
      if (
        typeof hash !== 'string' ||
        !Buffer.isBuffer(bytes) ||
        typeof size !== 'number' ||
        typeof encoding !== 'string' ||
        typeof text !== 'string'
      )
        throw new CommonplaceError('internal', 'commonplace_original_whole: bad arguments');
      return deflateSync(decodeOriginal(db, { hash, bytes, size, encoding, delta: 1 }, text));
    },
  );
}

export interface NewOriginal {
  hash: string;
  bytes: Buffer;
  mediaType: string;
  fileName: string;
  createdAt: string;
  /**
   * The text of the article about to be inserted with this hash, in the same transaction: the
   * original may be stored against it. Only then: a delta whose article never comes can't be read.
   */
  articleText?: string;
}

/** Stores an original (nothing when one with this hash is already kept). */
export function insertOriginal(db: Database, o: NewOriginal): void {
  const { data, encoding, delta } = encodeOriginal(o.bytes, o.hash, o.mediaType, o.articleText);
  cachedStatement(
    db,
    'INSERT OR IGNORE INTO originals (hash, bytes, size, media_type, file_name, created_at, encoding, delta) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(o.hash, data, o.bytes.length, o.mediaType, o.fileName, o.createdAt, encoding, delta);
}

/**
 * Stores the original with this hash against its article's text (already in the library) when
 * that is smaller than how it is kept: for originals written before their article could be
 * (a JSON transfer, sync) or by an older version. Returns whether it changed.
 */
export function storeOriginalAgainstText(db: Database, hash: string): boolean {
  const row = cachedStatement(
    db,
    'SELECT o.hash, o.bytes, o.size, o.encoding, o.delta, o.media_type, a.text FROM originals o JOIN articles a ON a.hash = o.hash WHERE o.hash = ?',
  ).get(hash) as (OriginalRow & { media_type: string; text: string }) | undefined;
  if (!row || row.delta || !compressible(row.media_type)) return false;
  const stored = encodeOriginal(decodeOriginal(db, row), hash, row.media_type, row.text);
  if (!stored.delta || stored.data.length >= row.bytes.length) return false;
  cachedStatement(db, 'UPDATE originals SET bytes = ?, encoding = ?, delta = 1 WHERE hash = ?').run(
    stored.data,
    stored.encoding,
    hash,
  );
  return true;
}
