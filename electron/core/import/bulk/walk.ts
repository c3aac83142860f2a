/**
 * Turns the paths a user chose (files and folders) into the list of files to import. Folders are
 * walked recursively in name order; hidden and system clutter is skipped; symbolic links are
 * followed unless they lead back into a folder being walked (a loop); anything unusable becomes
 * one failure line instead of stopping the walk. Names are handled as raw bytes, so a file whose
 * name is not valid UTF-8 can still be opened (and is reported with its odd bytes escaped).
 */
import { type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { ImportResult } from '../../../model/articles';
import { errorMessage } from '../../errors';
import { isJunkName } from '../../../model/junkNames';
import { isTextName, legibleName } from './names';

export { isJunkName };

export type ImportFailure = Extract<ImportResult, { ok: false }>;

export interface WalkedFile {
  /** What fs calls get: text when the name round-trips through UTF-8, else the raw bytes. */
  path: string | Buffer;
  /** The path as a report shows it. */
  display: string;
}

/** One line of the eventual report, in walk order: a file to import, or why an entry can't be. */
export type WalkItem =
  { kind: 'file'; file: WalkedFile } | { kind: 'failure'; failure: ImportFailure };

export interface WalkReport {
  items: WalkItem[];
  files: WalkedFile[];
  failures: ImportFailure[];
  /** Hidden and system entries skipped inside folders (`.git`, `.DS_Store`, `Thumbs.db`…). */
  ignored: number;
}

function failure(display: string, code: string, what: string): ImportFailure {
  return { ok: false, file: display, error: { code, message: `${display}: ${what}` } };
}

function describeFsError(e: unknown): { code: string; what: string } {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { code: 'not_found', what: 'no such file or folder' };
  if (code === 'EACCES' || code === 'EPERM')
    return { code: 'io_error', what: 'cannot be read (permission denied)' };
  if (code === 'ELOOP')
    return {
      code: 'io_error',
      what: 'symbolic link loop (the link leads back to itself), skipped',
    };
  if (code === 'ENAMETOOLONG') return { code: 'io_error', what: 'the path is too long' };
  return { code: 'io_error', what: `cannot be read (${errorMessage(e)})` };
}

/** A key for a real path that works for any bytes. */
function realKey(path: Buffer): string {
  return realpathSync.native(path, { encoding: 'buffer' }).toString('latin1');
}

export function walkImportPaths(inputs: readonly string[]): WalkReport {
  const report: WalkReport = { items: [], files: [], failures: [], ignored: 0 };
  const fail = (f: ImportFailure) => {
    report.failures.push(f);
    report.items.push({ kind: 'failure', failure: f });
  };
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const separator = Buffer.from(sep);

  const addFile = (path: Buffer, display: string) => {
    let key: string;
    try {
      key = realKey(path);
    } catch (e) {
      const { code, what } = describeFsError(e);
      fail(failure(display, code, what));
      return;
    }
    // The same file reached twice (a link beside its target) is imported once.
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    const file = { path: isTextName(path) ? path.toString('utf8') : path, display };
    report.files.push(file);
    report.items.push({ kind: 'file', file });
  };

  /** `ancestors`: real paths of the folders above (and including) this one, to spot loops. */
  const walkDir = (dir: Buffer, display: string, ancestors: ReadonlyMap<string, string>) => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      const { code, what } = describeFsError(e);
      fail(failure(display, code, what.replace('cannot be read', 'folder cannot be read')));
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name;
      if (isJunkName(name.toString('utf8'))) {
        report.ignored++;
        continue;
      }
      const child = Buffer.concat([dir, separator, name]);
      // Links, and entries whose type the file system didn't say, need a stat that follows them.
      const known = entry.isFile() || entry.isDirectory();
      visit(child, `${display}${sep}${legibleName(name)}`, known ? entry : null, ancestors);
    }
  };

  /** `entry` is null for links and top-level paths, whose type needs a (following) stat. */
  const visit = (
    path: Buffer,
    display: string,
    entry: Dirent<Buffer> | null,
    ancestors: ReadonlyMap<string, string>,
  ) => {
    let isDir: boolean;
    let isFile: boolean;
    if (entry) {
      isDir = entry.isDirectory();
      isFile = entry.isFile();
    } else {
      try {
        const stat = statSync(path);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch (e) {
        let dangling = false;
        try {
          dangling =
            (e as NodeJS.ErrnoException).code === 'ENOENT' && lstatSync(path).isSymbolicLink();
        } catch {
          // Not there at all: the plain "no such file" below says so.
        }
        const { code, what } = describeFsError(e);
        fail(
          failure(
            display,
            code,
            dangling ? 'broken symbolic link (its target does not exist)' : what,
          ),
        );
        return;
      }
    }
    if (isFile) return addFile(path, display);
    if (!isDir) {
      fail(
        failure(display, 'not_a_file', 'is not a regular file (a pipe, socket or device), skipped'),
      );
      return;
    }
    let key: string;
    try {
      key = realKey(path);
    } catch (e) {
      const { code, what } = describeFsError(e);
      fail(failure(display, code, what));
      return;
    }
    const loopTarget = ancestors.get(key);
    if (loopTarget !== undefined) {
      fail(
        failure(display, 'io_error', `symbolic link loop (leads back to ${loopTarget}), skipped`),
      );
      return;
    }
    // A folder reached a second time through a link (not a loop) is walked once.
    if (seenDirs.has(key)) return;
    seenDirs.add(key);
    walkDir(path, display, new Map(ancestors).set(key, display));
  };

  for (const input of inputs) {
    const abs = Buffer.from(resolve(input));
    const before = report.items.length;
    visit(abs, legibleName(input), null, new Map());
    if (report.items.length === before && statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
      fail(
        failure(
          legibleName(input),
          'not_found',
          'the folder holds no files to import (hidden and system files are skipped)',
        ),
      );
    }
  }
  return report;
}
