/**
 * The CLI's exit codes, declared once: `runCli` maps every way a command ends to one of these,
 * `--help` prints the table, and the README's CLI section repeats it (program.test.ts holds the
 * two equal and makes each code happen).
 */
import { CommanderError } from 'commander';
import { isCommonplaceError, type ErrorCode } from '../core/errors';

export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  notFound: 3,
  library: 4,
} as const;

type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each code means, in the order `--help` and the README list them. */
export const EXIT_CODES: ReadonlyArray<{ code: ExitCode; meaning: string }> = [
  { code: EXIT.ok, meaning: 'done' },
  {
    code: EXIT.failed,
    meaning: 'failed: bad input, or part of the work (an import with a failed file)',
  },
  {
    code: EXIT.usage,
    meaning: 'usage error: unknown command or option, missing argument, bad value',
  },
  {
    code: EXIT.notFound,
    meaning: 'not found: no article, passage, note, link, tag or file by that name',
  },
  {
    code: EXIT.library,
    meaning: "the library can't be opened or written: full disk, read-only, damaged",
  },
];

/** Error codes that stop a command because of the library itself, not of what was asked. */
const LIBRARY_CODES: ReadonlySet<ErrorCode> = new Set([
  'storage',
  'newer_database',
  'native_module',
]);

/** The exit code of a command that ended by throwing `e`. */
export function exitCodeFor(e: unknown): ExitCode {
  if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (!isCommonplaceError(e)) return EXIT.failed;
  if (e.code === 'not_found') return EXIT.notFound;
  if (LIBRARY_CODES.has(e.code)) return EXIT.library;
  return EXIT.failed;
}

/** The table as `--help` prints it after the commands. */
export function exitCodesHelp(): string {
  return ['Exit codes:', ...EXIT_CODES.map(({ code, meaning }) => `  ${code}  ${meaning}`)].join(
    '\n',
  );
}
