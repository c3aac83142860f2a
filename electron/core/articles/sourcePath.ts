/**
 * An article's `source` is data: a restored library JSON or a library file made elsewhere can hold
 * any string there. Before a path from data is followed (update from source) or accepted (restore),
 * it is checked here: an absolute, plain path to an ordinary file, outside the system's folders and
 * the usual credential folders; when read, a regular file (never a device, FIFO or socket, which
 * could hang or stream forever) within the import size limit.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { basename, posix, win32 } from 'node:path';
import { CommonplaceError, errorMessage } from '../errors';
import { checkImportSize } from '../import';

/** An imported file's bytes and where they came from. */
export interface ImportSource {
  bytes: Uint8Array;
  /** Shown in messages and kept as the original's name. */
  fileName: string;
  /** Absolute file path or URL the bytes came from, when known. */
  source?: string;
  /** What reading it left out (a saved page's pictures past the limits): import warnings. */
  warnings?: string[];
}

/** A source that is a URL (`scheme://…`) is a record of where the bytes came from, never read. */
export function isUrlSource(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

const MAX_SOURCE_CHARS = 4096;
/** System folders: their files are the machine's, not the user's sources (and some are devices). */
const SYSTEM_FOLDERS = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/run',
  '/boot',
  '/var/run',
  '/private/etc',
  '/private/var/run',
];
/** Folders that hold credentials, wherever they are (in a home folder, usually). */
const SECRET_SEGMENTS = new Set([
  '.ssh',
  '.gnupg',
  '.aws',
  '.azure',
  '.kube',
  '.docker',
  '.password-store',
  '.netrc',
  '.git-credentials',
  '.pgpass',
]);

/**
 * What is wrong with a stored source path, or null when it may be followed. URLs are accepted
 * (they are never read). Checks the string only; `readSourceFile` checks the file itself.
 */
export function sourcePathProblem(source: string): string | null {
  if (isUrlSource(source)) return null;
  if (!source) return 'is empty';
  if (source.length > MAX_SOURCE_CHARS)
    return `is longer than ${MAX_SOURCE_CHARS.toLocaleString('en-US')} characters`;
  if (/[\u0000-\u001f\u007f]/.test(source)) return 'holds a control character';
  const windows = /^[a-z]:[\\/]/i.test(source);
  if (source.startsWith('\\\\') || source.startsWith('//'))
    return 'is a network or device path (\\\\server\\share, \\\\?\\, \\\\.\\), which is never followed';
  if (!windows && !posix.isAbsolute(source)) return 'is not an absolute path';
  const path = windows ? win32 : posix;
  const segments = source.split(windows ? /[\\/]/ : '/');
  if (segments.some((s) => s === '.' || s === '..'))
    return 'is not a plain path (it has "." or ".." in it)';
  if (path.normalize(source) !== source)
    return 'is not a plain path (it has repeated or trailing separators)';
  if (windows) {
    if (/^[a-z]:\\windows(\\|$)/i.test(source.replaceAll('/', '\\')))
      return 'is in a system folder (Windows)';
  } else {
    const system = SYSTEM_FOLDERS.find((f) => source === f || source.startsWith(`${f}/`));
    if (system) return `is in a system folder (${system})`;
  }
  const secret = segments.find((s) => SECRET_SEGMENTS.has(s.toLowerCase()));
  if (secret) return `is in a credentials folder (${secret}), which is never read`;
  return null;
}

/** Throws a one-line error naming the article when its source may not be followed. */
export function checkSourcePath(source: string, what: string): void {
  const problem = sourcePathProblem(source);
  if (problem)
    throw new CommonplaceError(
      'invalid_input',
      `${what}: its source path "${source.slice(0, 200)}" ${problem}; it was not read`,
    );
}

/**
 * Reads the file a stored source names, re-checking the path once symlinks are resolved and the
 * file once it is open (so what is checked is what is read): a regular file within the size limit.
 * Opened non-blocking, so a FIFO put in its place answers at once instead of hanging the call.
 */
export function readSourceFile(source: string, what: string): ImportSource {
  checkSourcePath(source, what);
  let real: string;
  try {
    real = realpathSync(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new CommonplaceError(
        'not_found',
        `${source}: no such file (${what} was imported from it)`,
      );
    throw new CommonplaceError('io_error', `${source}: cannot be read (${errorMessage(e)})`);
  }
  if (real !== source) checkSourcePath(real, `${what} (${source} leads to ${real})`);
  let fd: number;
  try {
    fd = openSync(
      real,
      constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0),
    );
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      throw new CommonplaceError('io_error', `${source}: cannot be read (permission denied)`);
    throw new CommonplaceError('io_error', `${source}: cannot be read (${errorMessage(e)})`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory())
      throw new CommonplaceError('not_a_file', `${source}: is a folder, not a file`);
    if (!stat.isFile())
      throw new CommonplaceError(
        'not_a_file',
        `${source}: is not a regular file (a device, FIFO or socket is never read)`,
      );
    checkImportSize(stat.size, source);
    return { bytes: readFileSync(fd), fileName: basename(real), source: real };
  } catch (e) {
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError('io_error', `${source}: cannot be read (${errorMessage(e)})`);
  } finally {
    closeSync(fd);
  }
}
