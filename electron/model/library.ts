/**
 * Managing the library: the list's sort orders and filters, the trash, read state and
 * collections. Runtime: both (Node and browser); shared by the core, the API and the renderer.
 */
import { z } from 'zod';
import { Id } from './ids';
import { TagName } from './tags';

/** The orders the library list offers; `added` (newest import first) is the default. */
export const ARTICLE_SORTS = ['added', 'published', 'title', 'author', 'lastRead'] as const;
export const ArticleSortSchema = z.enum(ARTICLE_SORTS);
export type ArticleSort = z.output<typeof ArticleSortSchema>;

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export const SortDirectionSchema = z.enum(SORT_DIRECTIONS);
export type SortDirection = z.output<typeof SortDirectionSchema>;

/** The direction each order starts in: newest or most recently read first, A to Z. */
export const DEFAULT_DIRECTION: Readonly<Record<ArticleSort, SortDirection>> = {
  added: 'desc',
  published: 'desc',
  title: 'asc',
  author: 'asc',
  lastRead: 'desc',
};

export const READ_FILTERS = ['read', 'unread'] as const;
export const ReadFilterSchema = z.enum(READ_FILTERS);
export type ReadFilter = z.output<typeof ReadFilterSchema>;

/** Type-to-filter text: matched as a substring of title, author or site (case-insensitive). */
export const MAX_FILTER_LENGTH = 200;
export const ListFilterText = z
  .string()
  .max(MAX_FILTER_LENGTH, `filter is longer than ${MAX_FILTER_LENGTH} characters`);

/** The longest collection name in characters. */
export const MAX_COLLECTION_NAME = 100;
export const CollectionName = z
  .string()
  .refine((s) => s.trim().length > 0, 'collection name is empty')
  .refine(
    (s) => Array.from(s.trim()).length <= MAX_COLLECTION_NAME,
    `collection name is longer than ${MAX_COLLECTION_NAME} characters`,
  );

export const CollectionSchema = z.object({
  id: Id,
  name: z.string(),
  /** Articles in it that are not in the trash. */
  count: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Collection = z.output<typeof CollectionSchema>;

/** At most this many articles in one trash, restore or collection call. */
export const MAX_BATCH_IDS = 10_000;
export const IdBatch = z
  .array(Id)
  .min(1, 'no article ids given')
  .max(MAX_BATCH_IDS, `more than ${MAX_BATCH_IDS} article ids`);

/**
 * What the library list shows, without paging: its filters and order (the list call's input and
 * a selection made with Select all).
 */
export const ListQuerySchema = z.object({
  /** Articles tagged so, or holding a passage tagged so. */
  tag: TagName.optional(),
  /** Articles in the collection of this name. */
  collection: z.string().max(400).optional(),
  sort: ArticleSortSchema.default('added'),
  /** Each sort's own direction when left out (newest, A to Z). */
  direction: SortDirectionSchema.optional(),
  /** A substring of the title, author or site. */
  filter: ListFilterText.optional(),
  read: ReadFilterSchema.optional(),
});
export type ListQuery = z.input<typeof ListQuerySchema>;

/**
 * The articles a bulk action acts on: a list of ids; everything a list query shows (Select all
 * on a list of any length), less the ids unselected since; or the articles one bulk trash put in
 * the trash and that are still there (its `action`: how its Undo names them without listing
 * 100,000 ids).
 */
export const ArticleSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: IdBatch }),
  z.object({
    kind: z.literal('query'),
    query: ListQuerySchema,
    except: z.array(Id).max(MAX_BATCH_IDS, `more than ${MAX_BATCH_IDS} article ids`).default([]),
  }),
  z.object({ kind: z.literal('trashAction'), action: Id }),
]);
export type ArticleSelection = z.input<typeof ArticleSelectionSchema>;

/** What a bulk call does to its selection. */
export const BulkActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trash') }),
  z.object({ kind: z.literal('restore') }),
  z.object({ kind: z.literal('markRead'), read: z.boolean() }),
  z.object({ kind: z.literal('addToCollection'), name: CollectionName }),
  z.object({ kind: z.literal('removeFromCollection'), name: CollectionName }),
]);
export type BulkAction = z.output<typeof BulkActionSchema>;

/**
 * A selection of more than this many articles is acted on by a background job, this many per
 * transaction; up to it, in one transaction before the call returns (no progress bar to flash).
 */
export const BULK_BATCH_SIZE = 500;

export const BulkJobId = z.string().regex(/^bulk-[0-9a-f-]{36}$/, 'must be a bulk job id');

export const BulkResultSchema = z.object({
  /** How many articles the selection held. */
  count: z.number().int(),
  /** The action's id: a trash's Undo restores `{ kind: 'trashAction', action }`. */
  action: Id,
  /**
   * The background job carrying out a large action (its `bulk-progress` events say how far it
   * got); null when it was done in one transaction before this answer.
   */
  jobId: BulkJobId.nullable(),
});
export type BulkResult = z.output<typeof BulkResultSchema>;

export const BULK_JOB_STATES = ['running', 'finished', 'failed', 'cancelled'] as const;

/**
 * Sent as a bulk job goes (after each batch commits), when someone asks it to stop, and once
 * when it ends; `articles.bulkJobs` answers each job's latest. A failed or cancelled job kept
 * what its committed batches did (`done` articles); a trash's Undo still restores those.
 */
export const BulkProgressEventSchema = z.object({
  type: z.literal('bulk-progress'),
  jobId: BulkJobId,
  action: z.enum(['trash', 'restore', 'markRead', 'addToCollection', 'removeFromCollection']),
  /** The action's id (a trash's Undo). */
  actionId: Id,
  done: z.number().int(),
  total: z.number().int(),
  state: z.enum(BULK_JOB_STATES),
  /** Why the job stopped (failed), or null. */
  error: z.string().nullable(),
  /** Seconds left at the recent rate; null while unknown. */
  etaSeconds: z.number().nullable(),
  /** Asked to stop (Cancel): it ends after the batch in progress, as `cancelled`. */
  cancelling: z.boolean(),
});
export type BulkProgressEvent = z.output<typeof BulkProgressEventSchema>;
