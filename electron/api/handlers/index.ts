import type { Library } from '../../core/library';
import { articleHandlers } from './articles';
import { bulkImportHandlers } from './bulkImport';
import { exportHandlers } from './export';
import { importsHandlers } from './imports';
import { libraryHandlers } from './library';
import { metaHandlers } from './meta';
import { notesHandlers } from './notes';
import { ocrHandlers } from './ocr';
import { passageHandlers } from './passages';
import { searchHandlers } from './search';
import { tagHandlers } from './tags';
import { transferHandlers } from './transfer';
import type { Handlers } from './types';

export type { Handlers } from './types';

/** Joins the per-domain handlers into the one object every transport dispatches to. */
export function createHandlers(library: Library): Handlers {
  return {
    ...libraryHandlers(library),
    ...articleHandlers(library),
    ...importsHandlers(library),
    ...metaHandlers(library),
    ...ocrHandlers(library),
    ...passageHandlers(library),
    ...tagHandlers(library),
    ...searchHandlers(library),
    ...notesHandlers(library),
    ...bulkImportHandlers(library),
    ...exportHandlers(library),
    ...transferHandlers(library),
  } satisfies Handlers;
}
