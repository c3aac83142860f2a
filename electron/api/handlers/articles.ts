import { getArticle } from '../../core/articles/repo';
import { listArticles, listIds } from '../../core/articles/listing';
import {
  emptyTrash,
  listTrash,
  markRead,
  restoreArticles,
  setReadingPlace,
  trashArticles,
} from '../../core/articles/state';
import { setArticleTags } from '../../core/tags/repo';
import type { BulkJobs } from '../../core/articles/bulkJobs';
import type { Library } from '../../core/library';
import type { ImportResult } from '../../model/articles';
import type { Handlers } from './types';
import { onFirstUse } from '../onFirstUse';

// Importing (parsers, metadata, passage re-anchoring) and body edits (re-anchoring) load on their
// first call: `list` and `show` on the CLI never run them (issue #17, startup.test.ts).
const importing = onFirstUse(() => import('../../core/articles/import'));
const editing = onFirstUse(() => import('../../core/articles/edit'));

export function articleHandlers(library: Library, bulkJobs: BulkJobs) {
  const { db } = library;
  return {
    'articles.list': (input) => listArticles(db, input),
    'articles.get': ({ id }) => getArticle(db, id),
    'articles.importFiles': async ({ files }) => {
      const { importDocument, importedResult, toImportError } = await importing();
      const results: ImportResult[] = [];
      for (const f of files) {
        try {
          const bytes = Buffer.from(f.dataBase64, 'base64');
          results.push(
            importedResult(f.name, await importDocument(db, { bytes, fileName: f.name })),
          );
        } catch (e) {
          results.push({ ok: false, file: f.name, error: toImportError(e, db) });
        }
      }
      return results;
    },
    'articles.importPaths': async ({ paths, onChangedSource }) =>
      (await importing()).importPaths(db, paths, onChangedSource),
    'articles.updateFromSource': async ({ id }) => (await importing()).updateFromSource(db, id),
    'articles.setTags': ({ id, tags }) => {
      getArticle(db, id);
      setArticleTags(db, id, tags);
      return getArticle(db, id);
    },
    'articles.updateBody': async ({ id, body }) => {
      const report = (await editing()).updateArticleBody(db, id, body);
      return { article: getArticle(db, id), report };
    },
    'articles.trash': ({ ids }) => trashArticles(db, ids),
    'articles.restore': ({ ids }) => restoreArticles(db, ids),
    'articles.trashList': () => listTrash(db),
    'articles.emptyTrash': ({ ids }) => ({ deleted: emptyTrash(db, ids) }),
    'articles.markRead': ({ ids, read }) => markRead(db, ids, read),
    'articles.bulk': ({ selection, action }) => bulkJobs.start(selection, action),
    'articles.bulkJobs': () => bulkJobs.list(),
    'articles.bulkCancel': ({ jobId }) => bulkJobs.cancel(jobId),
    'articles.ids': (input) => listIds(db, input),
    'articles.setReadingPlace': ({ id, offset }) => setReadingPlace(db, id, offset),
  } satisfies Partial<Handlers>;
}
