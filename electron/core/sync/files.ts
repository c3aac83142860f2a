/**
 * The files in a sync folder: segments (a device's changes, append-only, immutable) and
 * originals (content-addressed blobs). Every file is written whole under a temporary name and
 * then linked into place, so the sync engine (or a reader) never sees a half-written file under a
 * final name, and an existing file is never overwritten. What is read back is verified (checksum,
 * size bounds, schema) before anyone uses it.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SegmentSchema, type Segment } from '../../model/sync';
import { CommonplaceError, errorMessage } from '../errors';
import { tempPathFor } from '../tempFiles';

/** First line of every segment: magic, sha256 of the compressed payload, its length. */
const MAGIC = 'CPSEG1';
/** A segment's compressed size and decompressed size are bounded before anything is parsed. */
export const MAX_SEGMENT_BYTES = 256 * 1024 * 1024;
export const MAX_SEGMENT_JSON_BYTES = 1024 * 1024 * 1024;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Why a file in the folder could not be used: skipped now, tried again at the next sync. */
export class SyncFileError extends CommonplaceError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super('parse_error', `${file}: ${reason}`);
  }
}

/** Why a write failed, in words a user can act on. */
function writeProblem(target: string, e: unknown): CommonplaceError {
  if (e instanceof CommonplaceError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'the folder is not writable'
        : errorMessage(e);
  return new CommonplaceError('io_error', `${target}: cannot write (${why}); nothing was written`);
}

/** Writes `bytes` to a new file `path` (`flag` w or wx) and fsyncs it. */
function writeSynced(path: string, bytes: Uint8Array, flag: 'w' | 'wx'): void {
  const fd = openSync(path, flag);
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Hard-links `from` (whose bytes are `bytes`) into place at `target`, which, unlike rename,
 * refuses to replace a file that is there. Returns false when `target` already held the same bytes;
 * a different file there is an error (a device writes each name once).
 */
function linkInto(from: string, target: string, bytes: Uint8Array): boolean {
  try {
    linkSync(from, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const there = readFileSync(target);
    if (Buffer.compare(there, bytes) === 0) return false;
    throw new CommonplaceError(
      'io_error',
      `${target}: a different file is already there; this device never rewrites a file`,
    );
  }
}

/**
 * Writes `bytes` to `target` or not at all: temp file, fsync, hard link into place. Returns false
 * when `target` already existed with the same bytes; a different file there is an error.
 */
export function writeOnce(target: string, bytes: Uint8Array): boolean {
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    writeSynced(temp, bytes, 'wx');
    return linkInto(temp, target, bytes);
  } catch (e) {
    throw writeProblem(target, e);
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Writes a segment's bytes under its pending name (fsynced), to be published under its final name
 * once the transaction that numbered it has committed (`publishPending`). A pending file of the
 * same name is one a run that died before its commit left: it is replaced.
 */
export function writePending(pending: string, target: string, bytes: Uint8Array): void {
  try {
    mkdirSync(dirname(pending), { recursive: true });
    writeSynced(pending, bytes, 'w');
  } catch (e) {
    rmSync(pending, { force: true });
    throw writeProblem(target, e);
  }
}

/**
 * Links a pending segment into place under its final name and removes the pending name. A pending
 * file already gone with the final one there was published by another sync of the same library.
 */
export function publishPending(pending: string, target: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(pending);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(target)) return;
    throw writeProblem(target, e);
  }
  try {
    linkInto(pending, target, bytes);
  } catch (e) {
    throw writeProblem(target, e);
  }
  rmSync(pending, { force: true });
}

function encodePayload(json: string): Buffer {
  // Level 1: half the time of the default for ~3% more bytes (segments are mostly ids and clocks).
  const payload = gzipSync(Buffer.from(json, 'utf8'), { level: 1 });
  const header = Buffer.from(`${MAGIC} ${sha256Hex(payload)} ${payload.length}\n`, 'ascii');
  return Buffer.concat([header, payload]);
}

export function encodeSegment(segment: Segment): Buffer {
  return encodePayload(JSON.stringify(segment));
}

/**
 * The same file from ops already in JSON (as the outbox holds them), so writing a segment never
 * parses and serialises its ops again.
 */
export function encodeSegmentOps(segment: Omit<Segment, 'ops'>, ops: readonly string[]): Buffer {
  const head = JSON.stringify({ ...segment, ops: [] });
  // `ops` is the last key: `…,"ops":[]}` takes the ops between its brackets.
  return encodePayload(`${head.slice(0, -2)}${ops.join(',')}]}`);
}

/** Reads and checks a segment file; anything wrong is a SyncFileError naming the file. */
export function readSegment(file: string): Segment {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_SEGMENT_BYTES)
      throw new SyncFileError(file, `is ${size} bytes, more than a segment may be`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof SyncFileError) throw e;
    throw new SyncFileError(file, `cannot be read (${errorMessage(e)})`);
  }
  return decodeSegment(file, bytes);
}

export function decodeSegment(file: string, bytes: Buffer): Segment {
  const nl = bytes.indexOf(0x0a);
  const header = nl > 0 && nl < 200 ? bytes.subarray(0, nl).toString('ascii') : '';
  const m = /^CPSEG1 ([0-9a-f]{64}) (\d+)$/.exec(header);
  if (!m) throw new SyncFileError(file, 'is not a Commonplace segment (no header)');
  const payload = bytes.subarray(nl + 1);
  if (payload.length !== Number(m[2]))
    throw new SyncFileError(
      file,
      `is incomplete (${payload.length} of ${m[2]} bytes; still being delivered?)`,
    );
  if (sha256Hex(payload) !== m[1])
    throw new SyncFileError(file, 'is corrupt (its checksum does not match)');
  let json: unknown;
  try {
    json = JSON.parse(
      gunzipSync(payload, { maxOutputLength: MAX_SEGMENT_JSON_BYTES }).toString('utf8'),
    );
  } catch (e) {
    throw new SyncFileError(file, `cannot be decompressed or parsed (${errorMessage(e)})`);
  }
  const parsed = SegmentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SyncFileError(file, `${issue.path.join('.') || 'segment'}: ${issue.message}`);
  }
  return parsed.data;
}

/** A blob's bytes, verified against the hash that names it. */
export function readBlob(file: string, hash: string, maxBytes: number): Buffer {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > maxBytes) throw new SyncFileError(file, `is larger than an original may be`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof SyncFileError) throw e;
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SyncFileError(
      file,
      missing ? 'has not arrived yet' : `cannot be read (${errorMessage(e)})`,
    );
  }
  if (sha256Hex(bytes) !== hash)
    throw new SyncFileError(file, 'is incomplete or corrupt (its SHA-256 does not match its name)');
  return bytes;
}
