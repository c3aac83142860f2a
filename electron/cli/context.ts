import type { inProcessClient } from '../api/dispatch';
import type { CliIo } from './program';

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
