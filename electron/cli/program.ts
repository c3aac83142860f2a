import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { createDispatcher, inProcessClient } from '../api/dispatch';
import { createHandlers, createServices, type Services } from '../api/handlers';
import { startWebServer } from '../api/transports/http';
import { CommonplaceError, errorMessage } from '../core/errors';
import type { OpenDatabaseOptions } from '../core/db/open';
import { openLibrary, type Library } from '../core/library';
import { resolveLibraryPath } from '../core/paths';
import { parsePositiveInt, parseSort, SORT_FLAGS } from './options';
import type { ArticleSort } from '../model/library';
import type { CliContext, CliIo, ServeHook } from './context';

export type { CliIo, ServeHook } from './context';
import { registerExportCommands } from './commands/export';
import { registerNotesCommands } from './commands/notes';
import { registerImportsCommands } from './commands/imports';
import { registerArticleCommands } from './commands/article';
import { registerLibraryCommands } from './commands/library';
import { registerTransferCommands } from './commands/transfer';
import { registerRepairCommands } from './commands/repair';
import { registerPassageCommands } from './commands/passages';
import { registerTagCommands } from './commands/tags';
import { registerSearchCommands } from './commands/search';
import { registerStyleCommands } from './commands/style';
import { registerSyncCommands } from './commands/sync';
import { formatArticle, formatImportLine, formatSummaryLine, importResultJson } from './format';
import { formatImportSummary, runImportJob } from './importJob';

/** Domains that declare their commands in their own file; each adds one line here. */
const DOMAIN_COMMANDS: ReadonlyArray<(program: Command, context: CliContext) => void> = [
  registerExportCommands,
  registerNotesCommands,
  registerImportsCommands,
  registerArticleCommands,
  registerStyleCommands,
  registerLibraryCommands,
  registerTransferCommands,
  registerRepairCommands,
  registerSyncCommands,
];

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
function chosenLibrary(libraryOption: string | undefined, env: NodeJS.ProcessEnv): string {
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

function openClient(libraryOption: string | undefined, io: CliIo) {
  // No watcher: a CLI call is short, and its own changes need no events.
  const library = openLibrary(chosenLibrary(libraryOption, io.env), {
    watchIntervalMs: 0,
    onUpgrade: upgradeNotice(io),
  });
  const services = createServices(library);
  const dispatch = createDispatcher(createHandlers(library, services), library);
  return { library, services, dispatch, invoke: inProcessClient(dispatch) };
}

/**
 * The `commonplace` command. Returns the exit code instead of exiting, so tests run it in-process
 * against real temp libraries.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  serveHook?: ServeHook,
): Promise<number> {
  let exitCode = 0;
  let library: Library | undefined;
  let services: Services | undefined;
  const program = new Command('commonplace')
    .description('Commonplace: an offline research notebook. Import, read and search your sources.')
    .addOption(
      new Option(
        '--library <file>',
        "library file (default: the desktop app's library; env COMMONPLACE_LIBRARY)",
      ),
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError(false);

  const globalLibrary = () => program.opts<{ library?: string }>().library;
  /** Opened on first use, so `--help` and usage errors never touch the library. */
  const client = () => {
    const c = openClient(globalLibrary(), io);
    library = c.library;
    services = c.services;
    return c.invoke;
  };
  const print = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  /** What each domain's command file gets (electron/cli/commands/*.ts). */
  const context: CliContext = {
    io,
    client,
    print,
    fail: (code = 1) => {
      exitCode = code;
    },
    libraryPath: () => chosenLibrary(globalLibrary(), io.env),
  };
  for (const register of DOMAIN_COMMANDS) register(program, context);

  interface ListFlags {
    json?: boolean;
    limit: number;
    offset: number;
    tag?: string;
    collection?: string;
    sort: ArticleSort;
    asc?: boolean;
    desc?: boolean;
    filter?: string;
    read?: boolean;
    unread?: boolean;
  }

  program
    .command('import')
    .description('import files, and folders recursively (hidden and system files are skipped)')
    .argument('<paths...>', 'files and folders to import')
    .option('--json', 'print a JSON array of the results, one per file')
    .option(
      '--update',
      'when a file changed since it was imported, update the article (its passages re-anchor)',
    )
    .action(async (paths: string[], o: { json?: boolean; update?: boolean }) => {
      const invoke = client();
      const report = await runImportJob(
        library!,
        services!.bulkImports,
        invoke,
        paths,
        o.update ? 'update' : 'offer',
        io.progress,
      );
      if (o.json) print(report.results.map(importResultJson));
      for (const r of report.results) {
        if (!r.ok) io.err(formatImportLine(r));
        else if (!o.json) io.out(formatImportLine(r));
        // Imported, but not as the user may think (no text layer, front matter ignored).
        if (r.ok) for (const w of r.warnings ?? []) io.err(`warning: ${w}`);
      }
      if (report.error) io.err(`commonplace: ${report.error}`);
      if (!o.json && (report.results.length > 1 || report.notReached > 0))
        io.out(formatImportSummary(report));
      if (report.state !== 'finished' || report.counts.failed > 0) exitCode = 1;
    });

  program
    .command('list')
    .description('list articles (not in the trash), newest import first unless sorted otherwise')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many', (v) => parsePositiveInt(v, '--limit'), 1000)
    .option('--offset <n>', 'skip this many', (v) => parsePositiveInt(v, '--offset', true), 0)
    .option('--tag <tag>', 'only articles tagged so, or holding passages tagged so')
    .option('--collection <name>', 'only articles in this collection')
    .option('--sort <order>', `order: ${SORT_FLAGS.join(', ')}`, parseSort, 'added' as ArticleSort)
    .option('--asc', 'ascending (oldest, A to Z; each order has its own default)')
    .option('--desc', 'descending (newest, Z to A)')
    .option('--filter <text>', 'only articles whose title, author or site contains the text')
    .option('--read', 'only articles marked read')
    .option('--unread', 'only articles not marked read')
    .action(async (o: ListFlags) => {
      if (o.asc && o.desc)
        throw new CommonplaceError('invalid_input', '--asc and --desc: give one');
      if (o.read && o.unread)
        throw new CommonplaceError('invalid_input', '--read and --unread: give one');
      const page = await client()('articles.list', {
        offset: o.offset,
        limit: Math.min(o.limit, 1000),
        tag: o.tag,
        collection: o.collection,
        sort: o.sort,
        direction: o.asc ? 'asc' : o.desc ? 'desc' : undefined,
        filter: o.filter,
        read: o.read ? 'read' : o.unread ? 'unread' : undefined,
      });
      if (o.json) print(page.items);
      else if (!page.items.length)
        io.out(
          o.tag || o.collection || o.filter || o.read || o.unread
            ? 'No articles match.'
            : 'The library is empty. Import files with `commonplace import FILE...`.',
        );
      else for (const a of page.items) io.out(formatSummaryLine(a));
    });

  program
    .command('show')
    .description('show one article with its text')
    .argument('<id>', 'article id')
    .option('--json', 'print JSON (includes text and body)')
    .action(async (id: string, o: { json?: boolean }) => {
      const article = await client()('articles.get', { id });
      io.out(o.json ? JSON.stringify(article, null, 2) : formatArticle(article));
    });

  // Declared in their own files, registered here to keep `--help`'s order.
  registerPassageCommands(program, context);
  registerTagCommands(program, context);
  registerSearchCommands(program, context);

  program
    .command('serve')
    .description(
      'web mode: serve the app and its API on 127.0.0.1 (the printed URL carries a one-run token)',
    )
    .option(
      '--port <n>',
      'port (0 picks a free one)',
      (v) => parsePositiveInt(v, '--port', true),
      0,
    )
    .action(async (o: { port: number }) => {
      const lib = openLibrary(chosenLibrary(globalLibrary(), io.env), {
        onUpgrade: upgradeNotice(io),
      });
      library = lib;
      const served = createServices(lib);
      const dispatch = createDispatcher(createHandlers(lib, served), lib);
      const server = await startWebServer({
        library: lib,
        dispatch,
        rendererDir: io.rendererDir,
        port: o.port,
      });
      io.out(`Commonplace web mode: ${server.openUrl}`);
      io.err(`library: ${lib.path} — press Ctrl+C to stop`);
      // A running import stops with the server (whatever it committed stays; its current file is not half-written).
      if (serveHook)
        await serveHook(async () =>
          Promise.all([server.close(), served.bulkImports.closeAll()]).then(() => undefined),
        );
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
