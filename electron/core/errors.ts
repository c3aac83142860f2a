/**
 * Errors the library reports to users. `code` is stable (tests and clients branch on it);
 * `message` is one line a person can act on, naming the file or field at fault.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'unsupported_format'
  | 'empty_file'
  | 'too_large'
  | 'not_a_file'
  | 'io_error'
  | 'parse_error'
  | 'encrypted'
  | 'newer_database'
  | 'native_module'
  | 'invalid_link'
  | 'duplicate_link'
  /** The library file itself can't be written or read (disk full, read-only, damaged): nothing after this can succeed. */
  | 'storage'
  | 'internal';

export class CommonplaceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommonplaceError';
  }
}

export function isCommonplaceError(e: unknown): e is CommonplaceError {
  return e instanceof CommonplaceError;
}

/**
 * The one-line message of any thrown value. Libraries' messages may span lines (xmldom puts its
 * position on a second line); ours go to one-line reports and status lines, so breaks become spaces.
 */
export function errorMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim();
}

/**
 * A message as one line: line breaks that came in with a value it quotes (a job id, a file name
 * may hold one) are shown escaped, as `\n`, rather than breaking the line a report prints it on.
 */
export function oneLineMessage(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]/g, (c) => LINE_BREAK_ESCAPES[c] ?? ' ');
}

const LINE_BREAK_ESCAPES: Record<string, string> = {
  '\r': '\\r',
  '\n': '\\n',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
