import { importDocument, importPaths, toImportError } from '../../core/articles/import';
import { getArticle, listArticles } from '../../core/articles/repo';
import type { Library } from '../../core/library';
import type { ImportResult } from '../contract';
import type { Handlers } from './types';

export function articleHandlers(library: Library) {
  const { db } = library;
  return {
    'articles.list': ({ offset, limit }) => listArticles(db, offset, limit),
    'articles.get': ({ id }) => getArticle(db, id),
    'articles.importFiles': ({ files }) =>
      files.map((f): ImportResult => {
        try {
          const bytes = Buffer.from(f.dataBase64, 'base64');
          const { duplicate, article } = importDocument(db, { bytes, fileName: f.name });
          return { ok: true, file: f.name, duplicate, article };
        } catch (e) {
          return { ok: false, file: f.name, error: toImportError(e) };
        }
      }),
    'articles.importPaths': ({ paths }) => importPaths(db, paths),
  } satisfies Partial<Handlers>;
}
