/** Articles: list, read, import (files sent by a client or local paths), tag, correct. */
import { z } from 'zod';
import {
  ArticleSchema,
  ArticleSummarySchema,
  FileUpload,
  ImportResultSchema,
  ReanchorReportSchema,
  ReadingPlaceSchema,
} from '../../model/articles';
import { BodySchema } from '../../model/body';
import { Id } from '../../model/ids';
import { TagName } from '../../model/tags';
import {
  ArticleSelectionSchema,
  BulkActionSchema,
  BulkJobId,
  BulkProgressEventSchema,
  BulkResultSchema,
  IdBatch,
  ListQuerySchema,
  MAX_BATCH_IDS,
} from '../../model/library';
import { call } from './call';

const Summaries = z.array(ArticleSummarySchema);

export const articlesContract = {
  'articles.list': call({
    summary:
      'A page of the articles not in the trash, newest import first unless sorted otherwise; filtered by tag, collection, read state or typed text.',
    input: ListQuerySchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ total: z.number().int(), items: z.array(ArticleSummarySchema) }),
    mutates: false,
    exposure: 'client',
  }),
  'articles.get': call({
    summary: 'One article with its text and structured body.',
    input: z.object({ id: Id }),
    output: ArticleSchema,
    mutates: false,
    exposure: 'client',
  }),
  'articles.importFiles': call({
    summary: 'Import files sent by the client (drag and drop, file picker). One result per file.',
    input: z.object({ files: z.array(FileUpload).min(1, 'no files given').max(1000) }),
    output: z.array(ImportResultSchema),
    mutates: true,
    exposure: 'client',
  }),
  'articles.importPaths': call({
    summary: 'Import files from local paths (CLI, native dialog). One result per path.',
    input: z.object({
      paths: z.array(z.string().min(1, 'path is empty')).min(1, 'no paths given'),
      /** A changed file at a known path: only report it (`offer`) or update the article (`update`). */
      onChangedSource: z.enum(['offer', 'update']).default('offer'),
    }),
    output: z.array(ImportResultSchema),
    mutates: true,
    exposure: 'local',
  }),
  'articles.updateFromSource': call({
    summary:
      'Re-import an article from the file it came from (a changed version); passages re-anchor. Not over HTTP: the path is data, which may come from a restored or foreign library.',
    input: z.object({ id: Id }),
    output: z.object({ article: ArticleSummarySchema, report: ReanchorReportSchema.nullable() }),
    mutates: true,
    exposure: 'desktop',
  }),
  'articles.setTags': call({
    summary: 'Replace the tags of a whole article.',
    input: z.object({ id: Id, tags: z.array(TagName).max(1000) }),
    output: ArticleSchema,
    mutates: true,
    exposure: 'client',
  }),
  'articles.updateBody': call({
    summary: 'Save a corrected article body (edit mode); its passages re-anchor.',
    input: z.object({ id: Id, body: BodySchema }),
    output: z.object({ article: ArticleSchema, report: ReanchorReportSchema }),
    mutates: true,
    exposure: 'client',
  }),
  'articles.trash': call({
    summary:
      'Put articles in the trash: gone from the list, search, suggestions and exports; passages, links and quotes kept for a restore.',
    input: z.object({ ids: IdBatch }),
    output: Summaries,
    mutates: true,
    exposure: 'client',
  }),
  'articles.restore': call({
    summary: 'Take articles out of the trash, with everything they held.',
    input: z.object({ ids: IdBatch }),
    output: Summaries,
    mutates: true,
    exposure: 'client',
  }),
  'articles.trashList': call({
    summary: 'The articles in the trash, most recently trashed first.',
    input: z.object({}),
    output: Summaries,
    mutates: false,
    exposure: 'client',
  }),
  'articles.emptyTrash': call({
    summary:
      'Delete articles in the trash for good (the given ones, or all): passages and links go with them; notes keep their quotes as text.',
    input: z.object({ ids: IdBatch.optional() }),
    output: z.object({ deleted: z.number().int() }),
    mutates: true,
    exposure: 'client',
  }),
  'articles.bulk': call({
    summary:
      'One action (trash, restore, read state, a collection) on a selection: ids, everything a list query shows less some ids, or what one trash action put in the trash (its Undo). An unknown id changes nothing. Up to 500 articles: one transaction, done when this answers; more: a job in batches of 500 (each one transaction) reporting bulk-progress events, its jobId answered at once.',
    input: z.object({ selection: ArticleSelectionSchema, action: BulkActionSchema }),
    output: BulkResultSchema,
    mutates: true,
    exposure: 'client',
  }),
  'articles.bulkJobs': call({
    summary:
      "Each bulk job's latest bulk-progress event, oldest first: the running ones and the last few ended. A page that reloaded or lost its event stream mid-job puts its progress bars back from it.",
    input: z.object({}),
    output: z.array(BulkProgressEventSchema),
    mutates: false,
    exposure: 'client',
  }),
  'articles.bulkCancel': call({
    summary:
      'Stop a bulk job after the batch in progress (each batch is one transaction); what its batches did stays done (a trash’s Undo restores exactly those) and its end event says cancelled. Answers its latest event.',
    input: z.object({ jobId: BulkJobId }),
    output: BulkProgressEventSchema,
    mutates: false,
    exposure: 'client',
  }),
  'articles.ids': call({
    summary:
      'The ids of a stretch of the library list (a Shift+click range over rows not yet fetched), in its order.',
    input: ListQuerySchema.extend({
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_BATCH_IDS),
    }),
    output: z.array(Id),
    mutates: false,
    exposure: 'client',
  }),
  'articles.setReadingPlace': call({
    summary:
      "Remember where the reader is in an article: an offset into its text (the top of the screen), at most the text's length.",
    input: ReadingPlaceSchema,
    output: ReadingPlaceSchema,
    mutates: true,
    exposure: 'client',
  }),
  'articles.markRead': call({
    summary: 'Mark articles read (now, and as last opened) or unread.',
    input: z.object({ ids: IdBatch, read: z.boolean() }),
    output: Summaries,
    mutates: true,
    exposure: 'client',
  }),
} as const;
