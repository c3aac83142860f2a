/**
 * The sync folder's layout (see README.md here). Only paths and the small JSON identity files;
 * segments and blobs are in files.ts.
 *
 *   <folder>/commonplace-library.json                 { format, libraryId, createdAt }
 *   <folder>/devices/<deviceId>/device.json           { format, deviceId, name }
 *   <folder>/devices/<deviceId>/segments/<n>.seg      n = 1, 2, … (8 digits), never rewritten
 *   <folder>/devices/<deviceId>/segments/.<n>.seg.pending   written, its commit not yet known
 *   <folder>/originals/<sha256[0..2]>/<sha256>        an imported file's bytes, once
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  DeviceFileSchema,
  LibraryFileSchema,
  SyncId,
  type DeviceFile,
  type LibraryFile,
} from '../../model/sync';
import { CommonplaceError, errorMessage } from '../errors';
import { SyncFileError, writeOnce } from './files';

export const LIBRARY_FILE = 'commonplace-library.json';

export const libraryFilePath = (folder: string) => join(folder, LIBRARY_FILE);
export const deviceDir = (folder: string, device: string) => join(folder, 'devices', device);
export const deviceFilePath = (folder: string, device: string) =>
  join(deviceDir(folder, device), 'device.json');
export const segmentPath = (folder: string, device: string, n: number) =>
  join(deviceDir(folder, device), 'segments', `${String(n).padStart(8, '0')}.seg`);
/** A segment written in a transaction not yet committed (engine.ts: published after the commit). */
export const pendingSegmentPath = (folder: string, device: string, n: number) =>
  join(deviceDir(folder, device), 'segments', `.${String(n).padStart(8, '0')}.seg.pending`);
export const blobPath = (folder: string, hash: string) =>
  join(folder, 'originals', hash.slice(0, 2), hash);

/**
 * Whether a path inside the folder (relative, either separator) is part of the layout above: the
 * only files a sync reads, and the directories that hold them. Everything else is not a delivery:
 * engines' temp and partial files (Syncthing's `.syncthing.*.tmp`, Nextcloud's `.name.~hex`,
 * Dropbox's `.dropbox.cache/`, `*.part`, office lock files…), ours, and Syncthing's markers.
 */
export function isLayoutPath(relativePath: string): boolean {
  const p = relativePath.split(/[\\/]/).join('/');
  return (
    p === LIBRARY_FILE ||
    /^devices(\/[0-9a-f-]{36}(\/device\.json|\/segments(\/\d{8}\.seg)?)?)?$/.test(p) ||
    /^originals(\/[0-9a-f]{2}(\/[0-9a-f]{64})?)?$/.test(p)
  );
}

function readJson<T>(file: string, schema: z.ZodType<T>): T | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SyncFileError(file, `cannot be read (${errorMessage(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SyncFileError(file, 'is not valid JSON (half-written?)');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SyncFileError(file, `${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return parsed.data;
}

export const readLibraryFile = (folder: string): LibraryFile | null =>
  readJson(libraryFilePath(folder), LibraryFileSchema);
export const readDeviceFile = (folder: string, device: string): DeviceFile | null =>
  readJson(deviceFilePath(folder, device), DeviceFileSchema);

export function writeJsonOnce(file: string, value: unknown): void {
  writeOnce(file, Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'));
}

/** The devices that have a folder here (names that aren't device ids are ignored). */
export function listDevices(folder: string): string[] {
  try {
    return readdirSync(join(folder, 'devices')).filter((n) => SyncId.safeParse(n).success);
  } catch {
    return [];
  }
}

export interface SegmentFile {
  n: number;
  path: string;
  mtimeMs: number;
}

/** A device's segments folder and the names in it (none when it doesn't exist yet). */
function segmentDir(folder: string, device: string): { dir: string; names: string[] } {
  const dir = join(deviceDir(folder, device), 'segments');
  try {
    return { dir, names: readdirSync(dir) };
  } catch {
    return { dir, names: [] };
  }
}

/** A device's segment files in order (temp files and strangers are not segments). */
export function listSegments(folder: string, device: string): SegmentFile[] {
  const { dir, names } = segmentDir(folder, device);
  const out: SegmentFile[] = [];
  for (const name of names) {
    const m = /^(\d{8})\.seg$/.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      out.push({ n: Number(m[1]), path, mtimeMs: statSync(path).mtimeMs });
    } catch {
      // Removed meanwhile (the engine renames as it delivers): the next sync sees it.
    }
  }
  return out.sort((a, b) => a.n - b.n);
}

/** A device's pending segments (see `pendingSegmentPath`), by number. */
export function listPendingSegments(folder: string, device: string): { n: number; path: string }[] {
  const { dir, names } = segmentDir(folder, device);
  return names.flatMap((name) => {
    const m = /^\.(\d{8})\.seg\.pending$/.exec(name);
    return m ? [{ n: Number(m[1]), path: join(dir, name) }] : [];
  });
}

/** Refuses a folder that can't hold a library: missing, a file, or another library's. */
export function checkFolder(folder: string, libraryId: string | null): LibraryFile | null {
  let st;
  try {
    st = statSync(folder);
  } catch {
    throw new CommonplaceError('not_found', `${folder}: the sync folder does not exist`);
  }
  if (!st.isDirectory())
    throw new CommonplaceError('not_a_file', `${folder}: is a file, not a folder`);
  const lib = readLibraryFile(folder);
  if (lib && libraryId && lib.libraryId !== libraryId)
    throw new CommonplaceError(
      'invalid_input',
      `${folder}: belongs to another library (${lib.libraryId}); this library is ${libraryId}. Choose an empty folder or this library's own`,
    );
  if (!lib && listDevices(folder).length > 0)
    throw new CommonplaceError(
      'invalid_input',
      `${folder}: holds device folders but no ${LIBRARY_FILE}; it is not a sync folder Commonplace can trust`,
    );
  return lib;
}
