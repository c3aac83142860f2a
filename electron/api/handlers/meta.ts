import { editArticleMeta, getArticleMeta } from '../../core/articles/meta';
import { importMetaEntries, parseMetaFile } from '../../core/citations/metaImport';
import type { Library } from '../../core/library';
import type { Handlers } from './types';

export function metaHandlers(library: Library) {
  const { db } = library;
  return {
    'articles.meta': ({ id }) => getArticleMeta(db, id),
    'articles.setMeta': ({ id, patch }) => editArticleMeta(db, id, patch),
    'articles.importMeta': ({ fileName, text }) =>
      importMetaEntries(db, parseMetaFile(fileName, text)),
  } satisfies Partial<Handlers>;
}
