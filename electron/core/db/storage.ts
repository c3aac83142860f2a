/**
 * SQLite's failures of the library file itself (a full disk, a read-only file or folder, a damaged
 * page) as one sentence naming the file and what to do, instead of a stack trace. They are the
 * `storage` code: a bulk import stops at the first one, since every later file would fail alike.
 */
import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { CommonplaceError, errorMessage } from '../errors';

/** The message for a storage failure of `file`, or null when `e` is not one. */
export function explainStorageError(e: unknown, file: string): CommonplaceError | null {
  if (e instanceof CommonplaceError) return e.code === 'storage' ? e : null;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const say = (message: string) => new CommonplaceError('storage', `${file}: ${message}`);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return say('the disk is full, so nothing was changed; free some space and try again');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return say(
      `the library is read-only (${folderWritable(file) ? 'the file' : `its folder ${dirname(file)}`} can't be written), so nothing was changed`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return say(
      `the library file is damaged (${errorMessage(e)}); \`commonplace repair\` copies what is readable into a new file and leaves this one as it is`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') && !folderWritable(file)) {
    return say(
      `can't be opened: its folder ${dirname(file)} is read-only (the library keeps its journal files beside it)`,
    );
  }
  if (code.startsWith('SQLITE_IOERR'))
    return say(`could not read or write the library file (${errorMessage(e)})`);
  return null;
}

function folderWritable(file: string): boolean {
  try {
    accessSync(dirname(file), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
