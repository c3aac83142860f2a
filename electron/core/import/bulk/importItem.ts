/**
 * One file of a bulk import, through the same per-file import as single files (so every format
 * the importers learn flows through here): read, parse, then one transaction. Files whose names
 * are not valid UTF-8 are read by their raw bytes, which `readImportFile` (text paths) cannot do.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportResult } from '../../../model/articles';
import { CommonplaceError, errorMessage } from '../../errors';
import {
  importDocument,
  importedResult,
  importPaths,
  toImportError,
  type OnChangedSource,
} from '../../articles/import';
import type { ImportSource } from '../../articles/sourcePath';
import { checkImportSize } from '..';
import { legibleName } from './names';
import type { UploadedFile } from './protocol';
import type { WalkedFile } from './walk';

export async function importWalkedFile(
  db: Database,
  file: WalkedFile,
  onChangedSource: OnChangedSource,
): Promise<ImportResult> {
  if (typeof file.path === 'string') {
    const [result] = await importPaths(db, [file.path], onChangedSource);
    if (!result)
      return {
        ok: false,
        file: file.display,
        error: { code: 'internal', message: `${file.display}: no result` },
      };
    return relabel(result, file.path, file.display);
  }
  try {
    return importedResult(
      file.display,
      await importDocument(db, readByBytes(file.path, file.display), onChangedSource),
    );
  } catch (e) {
    return { ok: false, file: file.display, error: toImportError(e, db) };
  }
}

export async function importUploadedFile(db: Database, file: UploadedFile): Promise<ImportResult> {
  const display = legibleName(file.name);
  try {
    return importedResult(
      display,
      await importDocument(db, { bytes: file.bytes, fileName: display }),
    );
  } catch (e) {
    return { ok: false, file: display, error: toImportError(e, db) };
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
