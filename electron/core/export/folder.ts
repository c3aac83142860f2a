/**
 * Writes a folder export (Obsidian) into a folder the user goes on using: notes they add, the
 * `.obsidian/` settings, and any file they edit are theirs. A manifest in the folder records the
 * hash of every file an export wrote; a new export replaces or removes only files whose content
 * is still what it wrote. A file edited since is kept as it is, the new version is written beside
 * it, and both are reported.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { sha256Hex } from '../articles/import';
import { CommonplaceError } from '../errors';
import { removeStaleTemps } from '../tempFiles';
import type { ExportFile } from './types';
import { checkFolder, ioError, tempName, writeFileDurably } from './write';

/** The manifest: which files (relative paths, `/`-separated) an export wrote, with their hashes. */
export const MANIFEST_FILE = '.commonplace-export.json';
/** What exports before the manifest left in the folder (no hashes: every file counts as edited). */
export const LEGACY_MARKER = '.commonplace-export';

interface Manifest {
  format: 'commonplace-export';
  version: 1;
  /** Path → hashes Commonplace wrote there (more than one only while an export is being renamed into place). */
  files: Record<string, string[]>;
}

export interface FolderReport {
  /** Files edited since an export wrote them: kept, with this export's version written beside. */
  conflicts: { path: string; newVersion: string }[];
  /** Files an earlier export wrote, no longer part of this one, edited since: kept as they are. */
  keptEdited: string[];
  /** Files an earlier export wrote, no longer part of this one and never edited: removed. */
  removed: string[];
}

const encoder = new TextEncoder();

function readManifest(folder: string): Manifest | null {
  const file = join(folder, MANIFEST_FILE);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const m = JSON.parse(raw) as Partial<Manifest>;
    if (m?.format !== 'commonplace-export' || typeof m.files !== 'object' || m.files === null)
      return null;
    const files: Record<string, string[]> = {};
    for (const [path, hashes] of Object.entries(m.files))
      if (Array.isArray(hashes))
        files[path] = hashes.filter((h): h is string => typeof h === 'string');
    return { format: 'commonplace-export', version: 1, files };
  } catch {
    // Unreadable: trust nothing in it, so no file is replaced or removed on its word.
    return { format: 'commonplace-export', version: 1, files: {} };
  }
}

function writeManifest(folder: string, files: Record<string, string[]>): void {
  const manifest: Manifest = { format: 'commonplace-export', version: 1, files };
  const target = join(folder, MANIFEST_FILE);
  const tmp = tempName(target);
  writeFileDurably(tmp, (write) => write(encoder.encode(`${JSON.stringify(manifest, null, 1)}\n`)));
  renameSync(tmp, target);
}

/** The hash of the regular file at `path`, undefined when there is none, null for anything else. */
function currentHash(path: string): string | undefined | null {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (!st.isFile()) return null;
  return sha256Hex(readFileSync(path));
}

/** `Name (new export).md`, `Name (new export 2).md`…: the first name that is free or still ours. */
function besideName(
  rel: string,
  taken: Set<string>,
  isOurs: (rel: string) => boolean,
  exists: (rel: string) => boolean,
): string {
  const slash = rel.lastIndexOf('/');
  const dot = rel.lastIndexOf('.');
  const [stem, ext] = dot > slash + 1 ? [rel.slice(0, dot), rel.slice(dot)] : [rel, ''];
  for (let n = 1; ; n++) {
    const name = `${stem} (new export${n === 1 ? '' : ` ${n}`})${ext}`;
    if (!taken.has(name) && (!exists(name) || isOurs(name))) return name;
  }
}

interface Planned {
  rel: string;
  target: string;
  bytes: Uint8Array;
  hash: string;
  /** False when the file there already holds exactly these bytes. */
  write: boolean;
  tmp?: string;
}

/**
 * Writes `files` into `folder` (created if missing; its parent must exist). Every file goes to a
 * temp file first; only when all are written are they renamed into place, so a failure while
 * writing leaves the folder as it was.
 */
export function writeExportFolder(folder: string, files: readonly ExportFile[]): FolderReport {
  const root = resolve(folder);
  checkFolder(dirname(root));
  const existing = statSync(root, { throwIfNoEntry: false });
  if (existing && !existing.isDirectory())
    throw new CommonplaceError('io_error', `${root}: a file is in the way; give a new folder name`);
  const old = existing ? readManifest(root) : null;
  const legacy = existing ? existsSync(join(root, LEGACY_MARKER)) : false;
  if (existing && !old && !legacy) {
    const entries = readdirSync(root);
    // A folder no export made: never write into it (the user may have picked the wrong one).
    if (entries.length)
      throw new CommonplaceError(
        'io_error',
        `${root}: the folder exists and is not empty, and no Commonplace export made it; choose a new folder name`,
      );
  }
  const known = old?.files ?? {};
  const isOurs = (rel: string) => {
    const h = currentHash(join(root, ...rel.split('/')));
    return typeof h === 'string' && (known[rel] ?? []).includes(h);
  };
  const exists = (rel: string) => existsSync(join(root, ...rel.split('/')));

  // Plan: where each file goes, before anything is written.
  const report: FolderReport = { conflicts: [], keptEdited: [], removed: [] };
  const planned: Planned[] = [];
  const taken = new Set(files.map((f) => f.path));
  for (const f of files) {
    const target = resolve(root, ...f.path.split('/'));
    if (!target.startsWith(root + sep))
      throw new CommonplaceError('internal', `export file name "${f.path}" leaves its folder`);
    const hash = sha256Hex(f.bytes);
    const now = existing ? currentHash(target) : undefined;
    if (
      now === undefined ||
      now === hash ||
      (now !== null && (known[f.path] ?? []).includes(now))
    ) {
      planned.push({ rel: f.path, target, bytes: f.bytes, hash, write: now !== hash });
      continue;
    }
    // Edited since it was exported (or never ours): keep it; this version goes beside it.
    const beside = besideName(f.path, taken, isOurs, exists);
    taken.add(beside);
    const besideTarget = resolve(root, ...beside.split('/'));
    planned.push({
      rel: beside,
      target: besideTarget,
      bytes: f.bytes,
      hash,
      write: currentHash(besideTarget) !== hash,
    });
    report.conflicts.push({ path: f.path, newVersion: beside });
  }
  const stale = Object.keys(known).filter((rel) => !taken.has(rel) && rel !== MANIFEST_FILE);

  let created = false;
  try {
    if (!existing) {
      mkdirSync(root);
      created = true;
    }
    for (const p of planned) removeStaleTemps(p.target);
    removeStaleTemps(join(root, MANIFEST_FILE));
    for (const p of planned) {
      if (!p.write) continue;
      mkdirSync(dirname(p.target), { recursive: true });
      p.tmp = tempName(p.target);
      writeFileDurably(p.tmp, (write) => write(p.bytes));
    }
    // Before renaming: both the old and the new hashes count as ours, so an export cut short
    // here is finished by the next one instead of being mistaken for the user's edits.
    const pending: Record<string, string[]> = { ...known };
    for (const p of planned) pending[p.rel] = [...new Set([...(known[p.rel] ?? []), p.hash])];
    writeManifest(root, pending);
  } catch (e) {
    for (const p of planned) if (p.tmp) rmSync(p.tmp, { force: true });
    if (created) rmSync(join(root, MANIFEST_FILE), { force: true });
    if (created) rmdirSafe(root);
    if (e instanceof CommonplaceError) throw e;
    // Nothing made yet: the parent folder is the one at fault (read-only, missing).
    throw ioError(e, existing || created ? root : dirname(root), 'write the folder');
  }
  try {
    for (const p of planned) if (p.tmp) renameSync(p.tmp, p.target);
    for (const rel of stale) {
      if (!exists(rel)) continue;
      if (isOurs(rel)) {
        rmSync(join(root, ...rel.split('/')), { force: true });
        report.removed.push(rel);
      } else report.keptEdited.push(rel);
    }
    writeManifest(root, Object.fromEntries(planned.map((p) => [p.rel, [p.hash]])));
    if (legacy) rmSync(join(root, LEGACY_MARKER), { force: true });
  } catch (e) {
    if (e instanceof CommonplaceError) throw e;
    throw ioError(e, root, 'write the folder');
  }
  return report;
}

function rmdirSafe(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Not empty (someone else's file appeared): leave it.
  }
}
