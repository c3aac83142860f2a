import { backupLibrary } from '../../core/backup/backup';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

export function transferHandlers(library: Library) {
  const { db } = library;
  // Loaded on use: the library JSON reader and writer are rare calls' weight.
  return {
    'library.exportJson': async ({ path }) =>
      (await import('../../core/transfer/exportJson')).exportLibraryJson(db, path),
    'library.importJson': async ({ path }) => ({
      counts: await (await import('../../core/transfer/importJson')).importLibraryJson(db, path),
    }),
    'library.backup': ({ path }) => backupLibrary(db, library.path, path),
  } satisfies Partial<Handlers>;
}
