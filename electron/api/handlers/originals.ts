import { getArticle } from '../../core/articles/repo';
import { getOriginal, reparseArticle, writeOriginalToTemp } from '../../core/articles/originals';
import { CommonplaceError } from '../../core/errors';
import { imageData } from '../../core/images/store';
import type { Library } from '../../core/library';
import type { SystemViewer } from './services';
import type { Handlers } from './types';

export function originalsHandlers(library: Library, systemViewer: SystemViewer | null) {
  const { db } = library;
  return {
    'articles.original': ({ id }) => {
      const o = getOriginal(db, id);
      return {
        fileName: o.fileName,
        mediaType: o.mediaType,
        size: o.size,
        dataBase64: o.bytes.toString('base64'),
      };
    },
    'articles.openOriginal': async ({ id }) => {
      // Web mode and the CLI have no viewer: a browser page must never launch programs on the host.
      if (!systemViewer)
        throw new CommonplaceError(
          'invalid_input',
          'articles.openOriginal: only the desktop app can open files; download the original instead',
        );
      await systemViewer(writeOriginalToTemp(getOriginal(db, id)));
      return { opened: true as const };
    },
    'articles.image': ({ hash }) => imageData(db, hash),
    'articles.reparse': async ({ id }) => {
      const report = await reparseArticle(db, id);
      return { article: getArticle(db, id), report };
    },
  } satisfies Partial<Handlers>;
}
