import { join } from 'node:path';
import { createDispatcher, inProcessClient } from '../api/dispatch';
import { createHandlers, createServices, type ServiceOptions } from '../api/handlers';
import { openLibrary, type Library } from '../core/library';

/** A real library in a temp folder with the real handlers, services and dispatcher. */
export function openTestLibrary(dir: string, watchIntervalMs = 0, options: ServiceOptions = {}) {
  const library: Library = openLibrary(join(dir, 'library.sqlite'), { watchIntervalMs });
  const services = createServices(library, options);
  const dispatch = createDispatcher(createHandlers(library, services), library);
  return { library, services, dispatch, invoke: inProcessClient(dispatch) };
}
