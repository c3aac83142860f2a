import type { Library } from '../../core/library';
import { articleHandlers } from './articles';
import { bulkImportHandlers } from './bulkImport';
import { citationsHandlers } from './citations';
import { collectionsHandlers } from './collections';
import { exportHandlers } from './export';
import { originalsHandlers } from './originals';
import { libraryHandlers } from './library';
import { metaHandlers } from './meta';
import { notesHandlers } from './notes';
import { ocrHandlers } from './ocr';
import { passageHandlers } from './passages';
import { searchHandlers } from './search';
import { syncHandlers } from './sync';
import { tagHandlers } from './tags';
import { transferHandlers } from './transfer';
import type { Services } from './services';
import type { Handlers } from './types';

export type { Handlers } from './types';
export { createServices, type ServiceOptions, type Services, type SystemViewer } from './services';

/**
 * Joins the per-domain handlers into the one object every transport dispatches to; `services`
 * (see `createServices`) are what they use besides the library.
 */
export function createHandlers(library: Library, services: Services): Handlers {
  return {
    ...libraryHandlers(library),
    ...articleHandlers(library),
    ...originalsHandlers(library, services.systemViewer),
    ...metaHandlers(library),
    ...citationsHandlers(library),
    ...ocrHandlers(library),
    ...passageHandlers(library),
    ...tagHandlers(library),
    ...collectionsHandlers(library),
    ...searchHandlers(library),
    ...notesHandlers(library),
    ...bulkImportHandlers(services.bulkImports),
    ...exportHandlers(library),
    ...transferHandlers(library),
    ...syncHandlers(library, services.liveSync),
  } satisfies Handlers;
}
