import { editArticleMeta, getArticleMeta } from '../../core/articles/meta';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

export function metaHandlers(library: Library) {
  const { db } = library;
  return {
    'articles.meta': ({ id }) => getArticleMeta(db, id),
    'articles.setMeta': ({ id, patch }) => editArticleMeta(db, id, patch),
    // citation-js (BibTeX, RIS) is loaded with the first such import, not with every start.
    'articles.importMeta': async ({ fileName, text }) => {
      const { importMetaEntries, parseMetaFile } = await import('../../core/citations/metaImport');
      return importMetaEntries(db, parseMetaFile(fileName, text));
    },
  } satisfies Partial<Handlers>;
}
