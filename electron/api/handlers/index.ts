import type { Library } from '../../core/library';
import { articleHandlers } from './articles';
import { libraryHandlers } from './library';
import { passageHandlers } from './passages';
import { searchHandlers } from './search';
import { tagHandlers } from './tags';
import type { Handlers } from './types';

export type { Handlers } from './types';

/** Joins the per-domain handlers into the one object every transport dispatches to. */
export function createHandlers(library: Library): Handlers {
  return {
    ...libraryHandlers(library),
    ...articleHandlers(library),
    ...passageHandlers(library),
    ...tagHandlers(library),
    ...searchHandlers(library),
  } satisfies Handlers;
}
