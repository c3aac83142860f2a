import { Command, CommanderError, Option } from 'commander';
import { errorMessage } from '../core/errors';
import type { CliContext, CliIo, CliSession, ServeHook } from './context';
import { EXIT, exitCodeFor, exitCodesHelp } from './exitCodes';
import { chosenLibrary, openSession } from './session';
import { registerImportCommand } from './commands/import';
import { registerListCommand } from './commands/list';
import { registerShowCommand } from './commands/show';
import { registerServeCommand } from './commands/serve';
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
import { registerInfoCommand } from './commands/info';
import { version } from '../../package.json';

export type { CliIo, ServeHook } from './context';

/** Every command file, in the order `--help` lists their commands; a new one adds a line here. */
const COMMANDS: ReadonlyArray<(program: Command, context: CliContext) => void> = [
  registerExportCommands,
  registerNotesCommands,
  registerImportsCommands,
  registerArticleCommands,
  registerStyleCommands,
  registerLibraryCommands,
  registerTransferCommands,
  registerRepairCommands,
  registerSyncCommands,
  registerImportCommand,
  registerListCommand,
  registerShowCommand,
  registerPassageCommands,
  registerTagCommands,
  registerSearchCommands,
  registerServeCommand,
  registerInfoCommand,
];

/** The assembled command line of one run: its commands, and what the run leaves to close. */
interface CliProgram {
  program: Command;
  /** The exit code set by a command that failed part of its work (`context.fail`). */
  exitCode(): number;
  /** Closes the library if a command opened it. */
  close(): void;
}

/** Assembles the `commonplace` command: the global options and every command file's commands. */
export function createProgram(io: CliIo, serveHook?: ServeHook): CliProgram {
  let exitCode: number = EXIT.ok;
  let session: CliSession | undefined;
  const program = new Command('commonplace')
    .description('Commonplace: an offline research notebook. Import, read and search your sources.')
    .version(version, '-V, --version', 'print the version and exit')
    .addOption(
      new Option(
        '--library <file>',
        "library file (default: the desktop app's library; env COMMONPLACE_LIBRARY)",
      ),
    )
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', `\n${exitCodesHelp()}`)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError(false);

  const globalLibrary = () => program.opts<{ library?: string }>().library;
  /** Opened on first use, so `--help` and usage errors never touch the library. */
  const open = (watch: boolean): CliSession =>
    (session ??= openSession(globalLibrary(), io, { watch }));
  const context: CliContext = {
    io,
    client: () => open(false).invoke,
    connect: () => {
      const s = open(false);
      return { invoke: s.invoke, onEvent: (listener) => s.library.onEvent(listener) };
    },
    serveSession: () => open(true),
    keepServing: serveHook,
    print: (value) => io.out(JSON.stringify(value, null, 2)),
    fail: (code = EXIT.failed) => {
      exitCode = code;
    },
    libraryPath: () => chosenLibrary(globalLibrary(), io.env),
  };
  for (const register of COMMANDS) register(program, context);
  return { program, exitCode: () => exitCode, close: () => session?.library.close() };
}

/**
 * The `commonplace` command. Maps how a run ends to an exit code (exitCodes.ts) and returns it
 * instead of exiting, so tests run it in-process against real temp libraries.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  serveHook?: ServeHook,
): Promise<number> {
  const cli = createProgram(io, serveHook);
  try {
    await cli.program.parseAsync([...argv], { from: 'user' });
    return cli.exitCode();
  } catch (e) {
    // Commander has printed its own message (or the help); ours get one line.
    if (!(e instanceof CommanderError)) io.err(`commonplace: ${errorMessage(e)}`);
    return exitCodeFor(e);
  } finally {
    cli.close();
  }
}
