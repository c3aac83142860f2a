/**
 * Citation metadata of an article: read it (what import found, what the user set, the result and
 * its CSL-JSON), and edit it through one call whose answer carries the patch that undoes it.
 */
import { z } from 'zod';
import { Id } from '../../model/ids';
import {
  ArticleMetaSchema,
  MetaImportReportSchema,
  SourceMetaPatchSchema,
} from '../../model/sourceMeta';
import { call } from './call';

export const metaContract = {
  'articles.meta': call({
    summary: "An article's citation metadata: imported, edited, effective, and as CSL-JSON.",
    input: z.object({ id: Id }),
    output: ArticleMetaSchema,
    mutates: false,
    exposure: 'client',
  }),
  'articles.setMeta': call({
    summary:
      "Edit an article's citation metadata (fields given are set, null clears); returns the patch that undoes it.",
    input: z.object({ id: Id, patch: SourceMetaPatchSchema }),
    output: z.object({ meta: ArticleMetaSchema, undo: SourceMetaPatchSchema }),
    mutates: true,
    exposure: 'client',
  }),
  'articles.importMeta': call({
    summary:
      'Put the metadata of a CSL-JSON, BibTeX or RIS file (a Zotero export) onto the matching articles (by DOI, URL, then title).',
    input: z.object({
      fileName: z.string().trim().min(1).max(300),
      text: z.string().max(6 * 1024 * 1024, 'the file is larger than 5 MB'),
    }),
    output: MetaImportReportSchema,
    mutates: true,
    exposure: 'client',
  }),
} as const;
