/**
 * One file of a bulk import, through the same per-file import as single files (so every format
 * the importers learn flows through here): read and parse (`prepare…`), then the write, which the
 * import loop gathers into one transaction per batch. Files whose names are not valid UTF-8 are
 * read by their raw bytes, which `readImportFile` (text paths) cannot do.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportResult } from '../../../model/articles';
import { CommonplaceError, errorMessage } from '../../errors';
import {
  importedResult,
  prepareImport,
  readImportFile,
  toImportError,
  type Imported,
  type OnChangedSource,
  type StagedImport,
} from '../../articles/import';
import { withSavedPageFolder } from '../../articles/savedPageFolder';
import { writeTransaction } from '../../db/transactions';
import type { ImportSource } from '../../articles/sourcePath';
import { checkImportSize } from '..';
import { legibleName } from './names';
import type { UploadedFile } from './protocol';
import type { WalkedFile } from './walk';

/**
 * A file of a bulk import read and parsed: its result already (a failure, a duplicate), or the
 * write that gives it, which `writePrepared` runs in its own savepoint of the batch's transaction.
 */
export type PreparedItem =
  | { result: ImportResult }
  | { write: () => ImportResult; failed: (e: unknown) => ImportResult; staged?: StagedItem };

/** A new article's write in parts (`StagedImport`), its result as the batch reports it. */
export interface StagedItem extends Omit<StagedImport, 'after'> {
  after: () => ImportResult;
}

/** The parts of `prepared`'s write, when it has them, with `result` making the item's result. */
function stagedItem(
  prepared: { staged?: StagedImport },
  result: (imported: Imported) => ImportResult,
): { staged?: StagedItem } {
  const s = prepared.staged;
  return s ? { staged: { ...s, after: () => result(s.after()) } } : {};
}

export async function prepareWalkedFile(
  db: Database,
  file: WalkedFile,
  onChangedSource: OnChangedSource,
): Promise<PreparedItem> {
  const path = file.path;
  // Text paths are named by the path until relabelled as the walk showed them (as importPaths did).
  const name = typeof path === 'string' ? path : file.display;
  const label = (r: ImportResult) =>
    typeof path === 'string' ? relabel(r, path, file.display) : r;
  const failed = (e: unknown): ImportResult =>
    label({ ok: false, file: name, error: toImportError(e, db) });
  try {
    // A page saved as "Web page, complete" comes with the pictures of its `_files` folder.
    const src =
      typeof path === 'string'
        ? await withSavedPageFolder(readImportFile(path))
        : readByBytes(path, file.display);
    const prepared = await prepareImport(db, src, onChangedSource);
    if ('done' in prepared) return { result: label(importedResult(name, prepared.done)) };
    const result = (imported: Imported) => label(importedResult(name, imported));
    return { write: () => result(prepared.write()), failed, ...stagedItem(prepared, result) };
  } catch (e) {
    return { result: failed(e) };
  }
}

export async function prepareUploadedFile(db: Database, file: UploadedFile): Promise<PreparedItem> {
  const display = legibleName(file.name);
  const failed = (e: unknown): ImportResult => ({
    ok: false,
    file: display,
    error: toImportError(e, db),
  });
  try {
    const prepared = await prepareImport(db, { bytes: file.bytes, fileName: display });
    if ('done' in prepared) return { result: importedResult(display, prepared.done) };
    const result = (imported: Imported) => importedResult(display, imported);
    return { write: () => result(prepared.write()), failed, ...stagedItem(prepared, result) };
  } catch (e) {
    return { result: failed(e) };
  }
}

/**
 * Writes a prepared file in one transaction, or in a savepoint when the caller's batch is open:
 * a file that fails rolls back only its own writes and gets its own error.
 */
export function writePrepared(db: Database, item: PreparedItem): ImportResult {
  if ('result' in item) return item.result;
  try {
    return writeTransaction(db, item.write);
  } catch (e) {
    return item.failed(e);
  }
}

/** Reports name the file as the walk showed it; messages that began with the raw path follow. */
function relabel(result: ImportResult, path: string, display: string): ImportResult {
  if (result.ok || path === display) return { ...result, file: display };
  const message = result.error.message.startsWith(path)
    ? display + result.error.message.slice(path.length)
    : result.error.message;
  return { ...result, file: display, error: { ...result.error, message: legibleName(message) } };
}

function readByBytes(path: Buffer, display: string): ImportSource {
  try {
    const stat = statSync(path);
    if (!stat.isFile())
      throw new CommonplaceError('not_a_file', `${display}: is not a regular file`);
    checkImportSize(stat.size, display);
    const bytes = readFileSync(path);
    return {
      bytes,
      fileName: basename(display),
      source: legibleName(realpathSync.native(path, { encoding: 'buffer' })),
    };
  } catch (e) {
    if (e instanceof CommonplaceError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new CommonplaceError('io_error', `${display}: cannot be read (permission denied)`);
    throw new CommonplaceError('io_error', `${display}: cannot be read (${errorMessage(e)})`);
  }
}
