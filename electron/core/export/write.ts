/**
 * Writes an export file so that a failure never leaves a half-written result: it goes to a temp
 * file beside the target and is renamed over it (folders: folder.ts). Missing or read-only
 * folders give a message naming the path.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CommonplaceError } from '../errors';
import { removeStaleTemps, tempPathFor } from '../tempFiles';

export function ioError(e: unknown, path: string, doing: string): CommonplaceError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT')
    return new CommonplaceError('io_error', `${path}: the folder does not exist`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new CommonplaceError('io_error', `${path}: permission denied (the folder is read-only)`);
  if (code === 'ENOSPC') return new CommonplaceError('io_error', `${path}: the disk is full`);
  if (code === 'ENAMETOOLONG')
    return new CommonplaceError('io_error', `${path}: the name is too long`);
  return new CommonplaceError('io_error', `${path}: could not ${doing} (${(e as Error).message})`);
}

export function checkFolder(dir: string): void {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new CommonplaceError('io_error', `${dir}: the folder does not exist`);
  if (!st.isDirectory()) throw new CommonplaceError('io_error', `${dir}: not a folder`);
}

/** A hidden temp file beside `target` (tempFiles.ts: stale ones are recognised by their name). */
export const tempName = tempPathFor;

/** Writes through `produce` (which may call `write` any number of times), then syncs to disk. */
export function writeFileDurably(
  path: string,
  produce: (write: (bytes: Uint8Array) => void) => void,
): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    produce((bytes) => {
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
    });
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes one file atomically (replacing an existing file). Folders: `writeExportFolder`. */
export function writeAtomically(target: string, content: Uint8Array): void {
  writeAtomicallyStreamed(target, (write) => write(content));
}

/**
 * Writes one file atomically from a producer that hands over its bytes in pieces, so an export
 * larger than one string or buffer can hold is never built in memory. A producer that throws
 * leaves nothing behind (its own errors pass through unchanged).
 */
export function writeAtomicallyStreamed(
  target: string,
  produce: (write: (bytes: Uint8Array) => void) => void,
): void {
  const path = resolve(target);
  checkFolder(dirname(path));
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing?.isDirectory())
    throw new CommonplaceError('io_error', `${path}: is a folder; give a file name`);
  removeStaleTemps(path);
  const tmp = tempName(path);
  try {
    writeFileDurably(tmp, produce);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof CommonplaceError) throw e;
    throw ioError(
      e,
      e instanceof Error && (e as NodeJS.ErrnoException).path === tmp ? dirname(path) : path,
      'write the file',
    );
  }
}
