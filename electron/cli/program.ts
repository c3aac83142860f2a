import { resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createDispatcher, inProcessClient } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { startWebServer } from '../api/transports/http';
import { errorMessage } from '../core/errors';
import { openLibrary, type Library } from '../core/library';
import { resolveLibraryPath } from '../core/paths';
import { formatArticle, formatImportLine, formatSummaryLine, importResultJson } from './format';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The built renderer, for `serve`. */
  rendererDir: string;
}

/** Keeps `serve` running: resolved when the process is asked to stop. */
export type ServeHook = (close: () => Promise<void>) => Promise<void>;

function openClient(libraryOption: string | undefined, io: CliIo) {
  const library = openLibrary(resolveLibraryPath(libraryOption, io.env), { watchIntervalMs: 0 });
  const dispatch = createDispatcher(createHandlers(library), library);
  return { library, dispatch, invoke: inProcessClient(dispatch) };
}

/**
 * The `commonplace` command. Returns the exit code instead of exiting, so tests run it in-process
 * against real temp libraries.
 */
export async function runCli(argv: readonly string[], io: CliIo, serveHook?: ServeHook): Promise<number> {
  let exitCode = 0;
  let library: Library | undefined;
  const program = new Command('commonplace')
    .description('Commonplace: an offline research notebook. Import, read and search your sources.')
    .addOption(new Option('--library <file>', 'library file (default: the desktop app\'s library; env COMMONPLACE_LIBRARY)'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError(false);

  const globalLibrary = () => program.opts<{ library?: string }>().library;

  program
    .command('import')
    .description('import .txt, .md and .html files')
    .argument('<paths...>', 'files to import')
    .option('--json', 'print a JSON array of the results')
    .action(async (paths: string[], o: { json?: boolean }) => {
      const c = openClient(globalLibrary(), io);
      library = c.library;
      const results = await c.invoke('articles.importPaths', { paths: paths.map((p) => resolve(p)) });
      // Report the paths as the user typed them.
      results.forEach((r, i) => (r.file = paths[i] ?? r.file));
      if (o.json) io.out(JSON.stringify(results.map(importResultJson), null, 2));
      for (const r of results) {
        if (!r.ok) io.err(formatImportLine(r));
        else if (!o.json) io.out(formatImportLine(r));
      }
      if (results.some((r) => !r.ok)) exitCode = 1;
    });

  program
    .command('list')
    .description('list articles, newest first')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many', (v) => parsePositiveInt(v, '--limit'), 1000)
    .option('--offset <n>', 'skip this many', (v) => parsePositiveInt(v, '--offset', true), 0)
    .action(async (o: { json?: boolean; limit: number; offset: number }) => {
      const c = openClient(globalLibrary(), io);
      library = c.library;
      const page = await c.invoke('articles.list', { offset: o.offset, limit: Math.min(o.limit, 1000) });
      if (o.json) io.out(JSON.stringify(page.items, null, 2));
      else if (!page.items.length) io.out('The library is empty. Import files with `commonplace import FILE...`.');
      else for (const a of page.items) io.out(formatSummaryLine(a));
    });

  program
    .command('show')
    .description('show one article with its text')
    .argument('<id>', 'article id')
    .option('--json', 'print JSON (includes text and body)')
    .action(async (id: string, o: { json?: boolean }) => {
      const c = openClient(globalLibrary(), io);
      library = c.library;
      const article = await c.invoke('articles.get', { id });
      io.out(o.json ? JSON.stringify(article, null, 2) : formatArticle(article));
    });

  program
    .command('serve')
    .description('web mode: serve the app and its API on 127.0.0.1 (the printed URL carries a one-run token)')
    .option('--port <n>', 'port (0 picks a free one)', (v) => parsePositiveInt(v, '--port', true), 0)
    .action(async (o: { port: number }) => {
      const lib = openLibrary(resolveLibraryPath(globalLibrary(), io.env));
      library = lib;
      const dispatch = createDispatcher(createHandlers(lib), lib);
      const server = await startWebServer({ library: lib, dispatch, rendererDir: io.rendererDir, port: o.port });
      io.out(`Commonplace web mode: ${server.openUrl}`);
      io.err(`library: ${lib.path} — press Ctrl+C to stop`);
      if (serveHook) await serveHook(() => server.close());
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    io.err(`commonplace: ${errorMessage(e)}`);
    exitCode = 1;
  } finally {
    library?.close();
  }
  return exitCode;
}

function parsePositiveInt(value: string, flag: string, allowZero = false): number {
  // Commander prefixes the option name and the bad value to the message.
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new InvalidArgumentError(`${flag} must be a whole number${allowZero ? '' : ' above 0'}.`);
  }
  return n;
}
