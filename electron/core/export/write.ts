/**
 * Writes an export so that a failure never leaves a half-written result: a file goes to a temp
 * file beside the target and is renamed over it; a folder is built as a temp folder beside the
 * target and renamed into place. Missing or read-only folders give a message naming the path.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CommonplaceError } from '../errors';
import type { ExportFile } from './types';

/** Marks a folder as a Commonplace export, which a later export to the same path may replace. */
export const FOLDER_MARKER = '.commonplace-export';

function ioError(e: unknown, path: string, doing: string): CommonplaceError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new CommonplaceError('io_error', `${path}: the folder does not exist`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new CommonplaceError('io_error', `${path}: permission denied (the folder is read-only)`);
  if (code === 'ENOSPC') return new CommonplaceError('io_error', `${path}: the disk is full`);
  if (code === 'ENAMETOOLONG') return new CommonplaceError('io_error', `${path}: the name is too long`);
  return new CommonplaceError('io_error', `${path}: could not ${doing} (${(e as Error).message})`);
}

function checkFolder(dir: string): void {
  const st = statSync(dir, { throwIfNoEntry: false });
  if (!st) throw new CommonplaceError('io_error', `${dir}: the folder does not exist`);
  if (!st.isDirectory()) throw new CommonplaceError('io_error', `${dir}: not a folder`);
}

function tempName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes through `produce` (which may call `write` any number of times), then syncs to disk. */
function writeFileDurably(path: string, produce: (write: (bytes: Uint8Array) => void) => void): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    produce((bytes) => {
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
    });
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes one file atomically (replacing an existing file), or a folder of files. */
export function writeAtomically(target: string, content: Uint8Array | readonly ExportFile[]): void {
  if (content instanceof Uint8Array) return writeAtomicallyStreamed(target, (write) => write(content));
  const path = resolve(target);
  checkFolder(dirname(path));
  return writeFolder(path, content);
}

/**
 * Writes one file atomically from a producer that hands over its bytes in pieces, so an export
 * larger than one string or buffer can hold is never built in memory. A producer that throws
 * leaves nothing behind (its own errors pass through unchanged).
 */
export function writeAtomicallyStreamed(target: string, produce: (write: (bytes: Uint8Array) => void) => void): void {
  const path = resolve(target);
  checkFolder(dirname(path));
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new CommonplaceError('io_error', `${path}: is a folder; give a file name`);
  const tmp = tempName(path);
  try {
    writeFileDurably(tmp, produce);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof CommonplaceError) throw e;
    throw ioError(e, e instanceof Error && (e as NodeJS.ErrnoException).path === tmp ? dirname(path) : path, 'write the file');
  }
}

function writeFolder(path: string, files: readonly ExportFile[]): void {
  const existing = statSync(path, { throwIfNoEntry: false });
  let replace = false;
  if (existing) {
    if (!existing.isDirectory()) throw new CommonplaceError('io_error', `${path}: a file is in the way; give a new folder name`);
    const entries = readdirSync(path);
    // Never delete a folder we didn't make: only an empty one or an earlier export is replaced.
    if (entries.length && !entries.includes(FOLDER_MARKER)) {
      throw new CommonplaceError('io_error', `${path}: the folder exists and is not empty; choose a new folder name`);
    }
    replace = true;
  }
  const tmp = tempName(path);
  try {
    mkdirSync(tmp);
    writeFileDurably(join(tmp, FOLDER_MARKER), (write) => write(new TextEncoder().encode('Exported by Commonplace; a new export to this folder replaces it.\n')));
    for (const f of files) {
      const out = resolve(tmp, ...f.path.split('/'));
      if (!out.startsWith(tmp + sep)) throw new CommonplaceError('internal', `export file name "${f.path}" leaves its folder`);
      mkdirSync(dirname(out), { recursive: true });
      writeFileDurably(out, (write) => write(f.bytes));
    }
    if (replace) {
      const old = tempName(path);
      renameSync(path, old);
      try {
        renameSync(tmp, path);
      } catch (e) {
        renameSync(old, path);
        throw e;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, path);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (e instanceof CommonplaceError) throw e;
    const failedPath = (e as NodeJS.ErrnoException).path;
    throw ioError(e, failedPath && failedPath.startsWith(tmp) ? dirname(path) : path, 'write the folder');
  }
}
