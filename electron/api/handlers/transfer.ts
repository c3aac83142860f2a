import { backupLibrary } from '../../core/backup/backup';
import type { Library } from '../../core/library';
import { exportLibraryJson } from '../../core/transfer/exportJson';
import { importLibraryJson } from '../../core/transfer/importJson';
import type { Handlers } from './types';

export function transferHandlers(library: Library) {
  const { db } = library;
  return {
    'library.exportJson': ({ path }) => exportLibraryJson(db, path),
    'library.importJson': ({ path }) => ({ counts: importLibraryJson(db, path) }),
    'library.backup': ({ path }) => backupLibrary(db, library.path, path),
  } satisfies Partial<Handlers>;
}
