import type { Library } from '../../core/library';
import { checkSearchIndexes, rebuildSearchIndexes, search } from '../../core/search';
import type { Handlers } from './types';

export function searchHandlers(library: Library) {
  const { db } = library;
  return {
    'search.query': ({ query, kind, limit, offset }) => search(db, query, { kind, limit, offset }),
    'search.reindex': () => {
      const problemsBefore = checkSearchIndexes(db);
      rebuildSearchIndexes(db);
      return { problemsBefore, problemsAfter: checkSearchIndexes(db) };
    },
  } satisfies Partial<Handlers>;
}
