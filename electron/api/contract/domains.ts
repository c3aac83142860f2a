/**
 * Which domain declares each call, by name alone, and each domain's method table loaded on first
 * use. The dispatcher builds a domain's zod schemas only when a call into it arrives, so a short
 * CLI run (`list`, `search`) builds only the schemas it uses (issue #17: start-up time). The
 * table below is checked against the contract files by the type checker (a call missing, extra or
 * in the wrong domain fails to compile) and by `domains.test.ts`.
 *
 * Type-only imports of the domain files: loading this module loads no schema.
 */
import type { z } from 'zod';
import type { Exposure } from './call';
import type { articlesContract } from './articles';
import type { bulkImportContract } from './bulkImport';
import type { citationsContract } from './citations';
import type { collectionsContract } from './collections';
import type { exportContract } from './export';
import type { libraryContract } from './library';
import type { metaContract } from './meta';
import type { notesContract } from './notes';
import type { ocrContract } from './ocr';
import type { originalsContract } from './originals';
import type { passagesContract } from './passages';
import type { searchContract } from './search';
import type { syncContract } from './sync';
import type { tagsContract } from './tags';
import type { transferContract } from './transfer';

interface DomainTables {
  library: typeof libraryContract;
  articles: typeof articlesContract;
  passages: typeof passagesContract;
  search: typeof searchContract;
  tags: typeof tagsContract;
  collections: typeof collectionsContract;
  notes: typeof notesContract;
  originals: typeof originalsContract;
  meta: typeof metaContract;
  citations: typeof citationsContract;
  ocr: typeof ocrContract;
  export: typeof exportContract;
  bulkImport: typeof bulkImportContract;
  transfer: typeof transferContract;
  sync: typeof syncContract;
}
export type Domain = keyof DomainTables;
/** The calls a domain declares. */
export type DomainMethod<D extends Domain> = keyof DomainTables[D] & string;
type AnyMethod = { [D in Domain]: DomainMethod<D> }[Domain];
type DomainOf<M extends AnyMethod> = {
  [D in Domain]: M extends DomainMethod<D> ? D : never;
}[Domain];

export const METHOD_DOMAINS = {
  'articles.list': 'articles',
  'articles.get': 'articles',
  'articles.importFiles': 'articles',
  'articles.importPaths': 'articles',
  'articles.updateFromSource': 'articles',
  'articles.setTags': 'articles',
  'articles.updateBody': 'articles',
  'articles.trash': 'articles',
  'articles.restore': 'articles',
  'articles.trashList': 'articles',
  'articles.emptyTrash': 'articles',
  'articles.markRead': 'articles',
  'articles.bulk': 'articles',
  'articles.bulkJobs': 'articles',
  'articles.bulkCancel': 'articles',
  'articles.ids': 'articles',
  'articles.setReadingPlace': 'articles',
  'bulkImport.startPaths': 'bulkImport',
  'bulkImport.startUpload': 'bulkImport',
  'bulkImport.addFiles': 'bulkImport',
  'bulkImport.cancel': 'bulkImport',
  'bulkImport.results': 'bulkImport',
  'bulkImport.status': 'bulkImport',
  'citations.passage': 'citations',
  'citations.styles': 'citations',
  'citations.addStyle': 'citations',
  'citations.removeStyle': 'citations',
  'collections.list': 'collections',
  'collections.create': 'collections',
  'collections.rename': 'collections',
  'collections.delete': 'collections',
  'collections.add': 'collections',
  'collections.remove': 'collections',
  'export.preview': 'export',
  'export.start': 'export',
  'export.status': 'export',
  'export.download': 'export',
  'export.toPath': 'export',
  'export.note': 'export',
  'export.noteToPath': 'export',
  'library.info': 'library',
  'articles.meta': 'meta',
  'articles.setMeta': 'meta',
  'articles.importMeta': 'meta',
  'notes.list': 'notes',
  'notes.get': 'notes',
  'notes.create': 'notes',
  'notes.update': 'notes',
  'notes.setTags': 'notes',
  'notes.delete': 'notes',
  'notes.restore': 'notes',
  'notes.markdown': 'notes',
  'passages.lookup': 'notes',
  'links.create': 'notes',
  'links.delete': 'notes',
  'links.list': 'notes',
  'links.resolve': 'notes',
  'links.suggest': 'notes',
  'articles.ocrStart': 'ocr',
  'articles.ocrStatus': 'ocr',
  'articles.ocrCancel': 'ocr',
  'articles.original': 'originals',
  'articles.openOriginal': 'originals',
  'articles.image': 'originals',
  'articles.reparse': 'originals',
  'passages.list': 'passages',
  'passages.create': 'passages',
  'passages.createFromQuote': 'passages',
  'passages.update': 'passages',
  'passages.delete': 'passages',
  'passages.restore': 'passages',
  'passages.reattach': 'passages',
  'search.query': 'search',
  'search.reindex': 'search',
  'sync.init': 'sync',
  'sync.now': 'sync',
  'sync.status': 'sync',
  'sync.devices': 'sync',
  'tags.list': 'tags',
  'tags.create': 'tags',
  'tags.rename': 'tags',
  'tags.recolor': 'tags',
  'tags.merge': 'tags',
  'tags.delete': 'tags',
  'library.exportJson': 'transfer',
  'library.importJson': 'transfer',
  'library.backup': 'transfer',
} as const satisfies { [M in AnyMethod]: DomainOf<M> };

/** What the dispatcher needs of a call's declaration (see `call`). */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  mutates: boolean;
  exposure: Exposure;
}

export function isMethod(name: string): name is AnyMethod {
  return Object.prototype.hasOwnProperty.call(METHOD_DOMAINS, name);
}

const LOADERS: { [D in Domain]: () => Promise<DomainTables[D]> } = {
  library: async () => (await import('./library')).libraryContract,
  articles: async () => (await import('./articles')).articlesContract,
  passages: async () => (await import('./passages')).passagesContract,
  search: async () => (await import('./search')).searchContract,
  tags: async () => (await import('./tags')).tagsContract,
  collections: async () => (await import('./collections')).collectionsContract,
  notes: async () => (await import('./notes')).notesContract,
  originals: async () => (await import('./originals')).originalsContract,
  meta: async () => (await import('./meta')).metaContract,
  citations: async () => (await import('./citations')).citationsContract,
  ocr: async () => (await import('./ocr')).ocrContract,
  export: async () => (await import('./export')).exportContract,
  bulkImport: async () => (await import('./bulkImport')).bulkImportContract,
  transfer: async () => (await import('./transfer')).transferContract,
  sync: async () => (await import('./sync')).syncContract,
};

const loaded = new Map<Domain, Promise<Record<string, MethodSpec>>>();

/** A call's declaration, its domain's schemas built on the first call into it. */
export async function methodSpec(method: AnyMethod): Promise<MethodSpec> {
  const domain: Domain = METHOD_DOMAINS[method];
  let table = loaded.get(domain);
  if (!table) {
    table = LOADERS[domain]() as Promise<Record<string, MethodSpec>>;
    loaded.set(domain, table);
  }
  const spec = (await table)[method];
  if (!spec) throw new Error(`${method} is not declared in contract/${domain}.ts`);
  return spec;
}
