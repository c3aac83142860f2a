/**
 * The library one CLI run works on: which file (`--library`, COMMONPLACE_LIBRARY, or the desktop
 * app's), opened once on first use, and the dispatcher every command calls through (the in-process
 * transport, with the same validation as IPC and HTTP).
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createDispatcher, inProcessClient } from '../api/dispatch';
import { createHandlers, createServices } from '../api/handlers';
import { CommonplaceError } from '../core/errors';
import type { OpenDatabaseOptions } from '../core/db/open';
import { openLibrary } from '../core/library';
import { resolveLibraryPath } from '../core/paths';
import type { CliIo, CliSession } from './context';

/** Says on stderr why opening takes a while: a library made by an older version is upgraded. */
function upgradeNotice(io: CliIo): OpenDatabaseOptions['onUpgrade'] {
  return ({ from, to, copy }) =>
    io.err(
      `upgrading the library from schema ${from} to ${to}${copy ? `; a copy of it as it was is kept at ${copy}` : ''}…`,
    );
}

/**
 * The library file to use. One the user names (`--library`, COMMONPLACE_LIBRARY) must be in a
 * folder that exists: a typo must not silently start a new library somewhere. Only the desktop
 * app's default library gets its folder created.
 */
export function chosenLibrary(libraryOption: string | undefined, env: NodeJS.ProcessEnv): string {
  if (libraryOption !== undefined && !libraryOption.trim())
    throw new CommonplaceError('invalid_input', '--library is empty: give the library file to use');
  const path = resolveLibraryPath(libraryOption, env);
  if (libraryOption === undefined && !env.COMMONPLACE_LIBRARY) return path;
  const folder = dirname(resolve(path));
  const st = statSync(folder, { throwIfNoEntry: false });
  const from = libraryOption === undefined ? 'COMMONPLACE_LIBRARY' : '--library';
  if (!st)
    throw new CommonplaceError(
      'not_found',
      `${folder}: the folder does not exist (${from} ${path}); create it first or give another path`,
    );
  if (!st.isDirectory())
    throw new CommonplaceError('not_a_file', `${folder}: is not a folder (${from} ${path})`);
  return path;
}

/**
 * Opens the library with its API. `watch`: also publish other processes' commits as events
 * (web mode's pages need them); a short CLI call needs no watcher for its own changes.
 */
export function openSession(
  libraryOption: string | undefined,
  io: CliIo,
  { watch }: { watch: boolean },
): CliSession {
  const library = openLibrary(chosenLibrary(libraryOption, io.env), {
    ...(watch ? {} : { watchIntervalMs: 0 }),
    onUpgrade: upgradeNotice(io),
  });
  const services = createServices(library, { liveSync: watch });
  const dispatch = createDispatcher(createHandlers(library, services), library);
  return { library, services, dispatch, invoke: inProcessClient(dispatch) };
}
