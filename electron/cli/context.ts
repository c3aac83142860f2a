import type { Dispatch, inProcessClient } from '../api/dispatch';
import type { Services } from '../api/handlers';
import type { Library } from '../core/library';
import type { LibraryEvent } from '../model/events';

/*
 * The CLI's types, in their own module: the program and every command file import them, and
 * this file imports neither (no import cycle between program.ts and commands/).
 */

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The built renderer, for `serve`. */
  rendererDir: string;
  /** Rewrites one status line in place (a TTY's stderr only); null clears it. */
  progress?: (line: string | null) => void;
}

/** Keeps `serve` running: resolved when the process is asked to stop. */
export type ServeHook = (close: () => Promise<void>) => Promise<void>;

export type CliClient = ReturnType<typeof inProcessClient>;

/** An open library with its API (electron/cli/session.ts opens it). */
export interface CliSession {
  library: Library;
  services: Services;
  dispatch: Dispatch;
  invoke: CliClient;
}

/** The library's API as a command uses it: calls through the dispatcher, and its events. */
export interface CliConnection {
  invoke: CliClient;
  /** Subscribes to the library's events (import progress and reports, changes); returns the unsubscribe. */
  onEvent(listener: (event: LibraryEvent) => void): () => void;
}

/** What a command file (electron/cli/commands/*.ts) may use. */
export interface CliContext {
  io: CliIo;
  /** The library's API, opened on first use (so `--help` never touches the library). */
  client(): CliClient;
  /** The API with the library's events (opened on first use, as `client`). */
  connect(): CliConnection;
  /** Opens the library for web mode (watching other processes' commits); closed when the run ends. */
  serveSession(): CliSession;
  /** Keeps `serve` running until the process is asked to stop; absent in tests that only start it. */
  keepServing?: ServeHook;
  /** Prints a value as indented JSON. */
  print(value: unknown): void;
  /** Sets the process exit code (default 1, see exitCodes.ts) without stopping other output. */
  fail(code?: number): void;
  /** The library file the command works on (`--library`, env, or the app's default). */
  libraryPath(): string;
}
