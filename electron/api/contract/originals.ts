/**
 * Originals: the file every article was imported from, kept in the library. Read it back
 * (web mode downloads it), open it in the system viewer (desktop app), or re-parse the article
 * from it once an importer has improved. The pictures kept from it (image blocks) are read here too.
 */
import { z } from 'zod';
import { ArticleSchema, OriginalFileSchema, ReanchorReportSchema } from '../../model/articles';
import { Id } from '../../model/ids';
import { ImageDataSchema, ImageHashSchema } from '../../model/images';
import { call } from './call';

export const originalsContract = {
  'articles.original': call({
    summary: 'The original file an article was imported from (name, media type, bytes as base64).',
    input: z.object({ id: Id }),
    output: OriginalFileSchema,
    mutates: false,
    exposure: 'client',
  }),
  'articles.openOriginal': call({
    summary:
      'Open the original file in the system viewer (desktop app only; elsewhere it is refused).',
    input: z.object({ id: Id }),
    output: z.object({ opened: z.literal(true) }),
    mutates: false,
    exposure: 'client',
  }),
  'articles.image': call({
    summary:
      'A picture kept from an imported document (an image block names it by sha256), as a data: URL.',
    input: z.object({ hash: ImageHashSchema }),
    output: ImageDataSchema,
    mutates: false,
    exposure: 'client',
  }),
  'articles.reparse': call({
    summary:
      "Re-run today's importer on the stored original; the content is replaced and passages re-anchor.",
    input: z.object({ id: Id }),
    output: z.object({ article: ArticleSchema, report: ReanchorReportSchema }),
    mutates: true,
    exposure: 'client',
  }),
} as const;
