import type { inProcessClient } from '../api/dispatch';

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

/** What a domain's command file (electron/cli/commands/*.ts) may use. */
export interface CliContext {
  io: CliIo;
  /** The library's API, opened on first use (so `--help` never touches the library). */
  client(): CliClient;
  /** Prints a value as indented JSON. */
  print(value: unknown): void;
  /** Sets the process exit code (default 1) without stopping other output. */
  fail(code?: number): void;
  /** The library file the command works on (`--library`, env, or the app's default). */
  libraryPath(): string;
}
