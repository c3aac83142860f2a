import { join } from 'node:path';
import { createDispatcher, inProcessClient } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { openLibrary, type Library } from '../core/library';

/** A real library in a temp folder with the real handlers and dispatcher. */
export function openTestLibrary(dir: string, watchIntervalMs = 0) {
  const library: Library = openLibrary(join(dir, 'library.sqlite'), { watchIntervalMs });
  const dispatch = createDispatcher(createHandlers(library), library);
  return { library, dispatch, invoke: inProcessClient(dispatch) };
}
