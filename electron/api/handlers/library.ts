import { countArticles } from '../../core/articles/repo';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

export function libraryHandlers(library: Library) {
  return {
    'library.info': () => ({
      path: library.path,
      articleCount: countArticles(library.db),
      schemaVersion: library.schemaVersion,
    }),
  } satisfies Partial<Handlers>;
}
