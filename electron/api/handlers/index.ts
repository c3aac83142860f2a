import type { Library } from '../../core/library';
import { METHOD_DOMAINS, type Domain, type DomainMethod } from '../contract/domains';
import type { Services } from './services';
import type { Handlers } from './types';

export type { Handlers } from './types';
export { createServices, type ServiceOptions, type Services, type SystemViewer } from './services';

type DomainHandlers<D extends Domain> = { [M in DomainMethod<D> & keyof Handlers]: Handlers[M] };
type DomainFactory<D extends Domain> = (library: Library, services: Services) => DomainHandlers<D>;

/**
 * Each domain's handlers file, imported on the first call into the domain: a CLI `list` loads the
 * articles domain's handlers and the core code they use, not export's, sync's or OCR's
 * (issue #17: start-up time; `cli/startup.test.ts` guards it).
 */
const FACTORIES: { [D in Domain]: () => Promise<DomainFactory<D>> } = {
  library: async () => (await import('./library')).libraryHandlers,
  articles: async () => {
    const { articleHandlers } = await import('./articles');
    return (library, services) => articleHandlers(library, services.bulkJobs);
  },
  originals: async () => {
    const { originalsHandlers } = await import('./originals');
    return (library, services) => originalsHandlers(library, services.systemViewer);
  },
  meta: async () => (await import('./meta')).metaHandlers,
  citations: async () => (await import('./citations')).citationsHandlers,
  ocr: async () => (await import('./ocr')).ocrHandlers,
  passages: async () => (await import('./passages')).passageHandlers,
  tags: async () => (await import('./tags')).tagHandlers,
  collections: async () => (await import('./collections')).collectionsHandlers,
  search: async () => (await import('./search')).searchHandlers,
  notes: async () => (await import('./notes')).notesHandlers,
  bulkImport: async () => {
    const { bulkImportHandlers } = await import('./bulkImport');
    return (_library, services) => bulkImportHandlers(services.bulkImports);
  },
  export: async () => (await import('./export')).exportHandlers,
  transfer: async () => (await import('./transfer')).transferHandlers,
  sync: async () => {
    const { syncHandlers } = await import('./sync');
    return (library, services) => syncHandlers(library, services.liveSync);
  },
};

type AnyHandler = (input: unknown) => unknown;

/**
 * The one object every transport dispatches to: a function per contract call that answers it
 * with its domain's handler, the domain's handlers made (from `library` and `services`, see
 * `createServices`) on its first call.
 */
export function createHandlers(library: Library, services: Services): Handlers {
  const domains = new Map<Domain, Promise<Record<string, AnyHandler>>>();
  const domainHandlers = (domain: Domain) => {
    let made = domains.get(domain);
    if (!made) {
      made = FACTORIES[domain]().then(
        (factory) => factory(library, services) as unknown as Record<string, AnyHandler>,
      );
      domains.set(domain, made);
    }
    return made;
  };
  const handlers: Record<string, AnyHandler> = {};
  for (const [method, domain] of Object.entries(METHOD_DOMAINS) as [string, Domain][]) {
    handlers[method] = async (input) => {
      const handler = (await domainHandlers(domain))[method];
      if (!handler) throw new Error(`${method} has no handler in handlers/${domain}.ts`);
      return handler(input);
    };
  }
  return handlers as Handlers;
}
