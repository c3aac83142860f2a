/**
 * The API contract: every call a client (renderer, CLI, web page) can make, declared once with
 * its input and output schema. Types are inferred from the schemas; handlers, transports and the
 * renderer's client are all checked against this object. The schemas and types themselves are the
 * model's (electron/model); each domain's calls live in `contract/<domain>.ts` and are joined here.
 *
 * Runtime-neutral: imported by the main process, the CLI and the renderer.
 */
import { z } from 'zod';
import {
  ArticleSchema,
  ArticleSummarySchema,
  FileUpload,
  ImportResultSchema,
  ReanchorReportSchema,
} from '../../model/articles';
import { BodySchema } from '../../model/body';
import type { LibraryEvent } from '../../model/events';
import { Id } from '../../model/ids';
import { Comment, Offset, PassageColorSchema, PassageSchema } from '../../model/passages';
import { SearchHitSchema } from '../../model/search';
import { TagColor, TagName, TagSchema } from '../../model/tags';
import { bulkImportContract } from './bulkImport';
import { call } from './call';
import { exportContract } from './export';
import { importsContract } from './imports';
import { metaContract } from './meta';
import { notesContract } from './notes';
import { ocrContract } from './ocr';
import { transferContract } from './transfer';

const coreContract = {
  'library.info': call({
    summary: 'Where the library lives and how big it is.',
    input: z.object({}),
    output: z.object({
      path: z.string(),
      articleCount: z.number().int(),
      schemaVersion: z.number().int(),
    }),
    mutates: false,
    exposure: 'client',
  }),
  'articles.list': call({
    summary: 'A page of articles, newest first.',
    input: z.object({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(200),
      /** Articles tagged so, or holding a passage tagged so. */
      tag: TagName.optional(),
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
  'passages.list': call({
    summary: 'Passages in reading order, for one article and/or one tag.',
    input: z.object({ articleId: Id.optional(), tag: TagName.optional() }),
    output: z.array(PassageSchema),
    mutates: false,
    exposure: 'client',
  }),
  'passages.create': call({
    summary: "Keep a passage: a range of the article's canonical text.",
    input: z.object({
      articleId: Id,
      start: Offset,
      end: Offset,
      color: PassageColorSchema.default('yellow'),
      tags: z.array(TagName).max(100).default([]),
      comment: Comment.default(''),
    }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.createFromQuote': call({
    summary: 'Keep a passage by quoting it: the Nth occurrence of the quote in the article.',
    input: z.object({
      articleId: Id,
      quote: z.string().min(1, 'quote is empty'),
      occurrence: z.number().int().min(1).default(1),
      color: PassageColorSchema.default('yellow'),
      tags: z.array(TagName).max(100).default([]),
      comment: Comment.default(''),
    }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.update': call({
    summary: "Change a passage's colour, tags or comment.",
    input: z.object({
      id: Id,
      color: PassageColorSchema.optional(),
      tags: z.array(TagName).max(100).optional(),
      comment: Comment.optional(),
    }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.delete': call({
    summary: 'Delete a passage (undo with passages.restore).',
    input: z.object({ id: Id }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.restore': call({
    summary: 'Undo the deletion of a passage.',
    input: z.object({ id: Id }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'passages.reattach': call({
    summary: 'Attach a passage (typically an orphan) to a new range of its article.',
    input: z.object({ id: Id, start: Offset, end: Offset }),
    output: PassageSchema,
    mutates: true,
    exposure: 'client',
  }),
  'search.query': call({
    summary:
      'Search articles, passages and notes: words, "phrases", OR, -exclude, prefix*, tag:, kind:, site:, before:, after:, lang:.',
    input: z.object({
      query: z.string().max(10_000, 'query is longer than 10,000 characters'),
      kind: z.enum(['article', 'passage', 'note']).optional(),
      limit: z.number().int().min(1).max(200).default(20),
      offset: z.number().int().min(0).max(10_000).default(0),
    }),
    output: z.object({
      total: z.number().int(),
      counts: z.object({
        article: z.number().int(),
        passage: z.number().int(),
        note: z.number().int(),
      }),
      /** Kinds whose count is an estimate ("about N"; ranked by title hits then newest, not bm25): see search.ts RANK_CAP. */
      estimated: z.array(z.enum(['article', 'passage', 'note'])),
      hits: z.array(SearchHitSchema),
    }),
    mutates: false,
    exposure: 'client',
  }),
  'search.reindex': call({
    summary: 'Rebuild the search indexes from the library (repair).',
    input: z.object({}),
    output: z.object({ problemsBefore: z.array(z.string()), problemsAfter: z.array(z.string()) }),
    mutates: false,
    exposure: 'client',
  }),
  'tags.list': call({
    summary: 'Every tag with how many passages, articles and notes carry it.',
    input: z.object({}),
    output: z.array(TagSchema),
    mutates: false,
    exposure: 'client',
  }),
  'tags.create': call({
    summary: 'Create a tag.',
    input: z.object({ name: TagName, color: TagColor.default(null) }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.rename': call({
    summary: 'Rename a tag everywhere.',
    input: z.object({ from: TagName, to: TagName }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.recolor': call({
    summary: "Change a tag's colour.",
    input: z.object({ name: TagName, color: TagColor }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.merge': call({
    summary: 'Move everything tagged `from` to `into`, then remove `from`.',
    input: z.object({ from: TagName, into: TagName }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
  'tags.delete': call({
    summary: 'Delete a tag; what carried it stays, untagged.',
    input: z.object({ name: TagName }),
    output: TagSchema,
    mutates: true,
    exposure: 'client',
  }),
} as const;

export const contract = {
  ...coreContract,
  ...notesContract,
  ...importsContract,
  ...metaContract,
  ...ocrContract,
  ...exportContract,
  ...bulkImportContract,
  ...transferContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;
export type ClientMethod = {
  [M in Method]: Contract[M]['exposure'] extends 'client' ? M : never;
}[Method];
/** What the desktop app's page may call over IPC: every client method plus the `desktop` ones (paths). */
export type DesktopMethod = {
  [M in Method]: Contract[M]['exposure'] extends 'client' | 'desktop' ? M : never;
}[Method];

/** Failures cross every transport in this envelope; clients rethrow them as errors. */
export type Envelope<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * What the renderer sees of a transport: the Electron preload exposes exactly this through
 * contextBridge (`window.commonplace`); web mode implements it over fetch + Server-Sent Events.
 */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: LibraryEvent) => void): () => void;
}

/**
 * What the Electron preload adds to the `Bridge` (`window.commonplace` in the desktop app). Web
 * mode has none of it: the renderer feature-detects each function.
 */
export interface DesktopBridgeExtension {
  /** A note's last save as the window closes, answered before the page may unload (`notes.update` input). */
  saveNoteSync(input: unknown): Envelope<unknown>;
  /** The local path of a dropped or picked file (`webUtils.getPathForFile`); null when it has none. */
  pathForFile(file: File): string | null;
  /**
   * Called once, after the page subscribed with `onEvent` and mounted its deep-link listener.
   * Main holds `navigate` events (deep links, opened files) for the window until then.
   */
  rendererReady(): void;
}

/** `window.commonplace` in the desktop app. */
export type DesktopBridge = Bridge & DesktopBridgeExtension;

/** Paths of the web-mode HTTP API (the server and the browser transport share them). */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
