/**
 * "Open with Commonplace": the files a launch names (Windows and Linux pass them as arguments,
 * first launch or second instance). Runtime-neutral, so the argv scan is unit-tested.
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DEEP_LINK_SCHEME } from './deep-link';

/** The extensions the OS may hand us (the file associations) and File → Import… offers. */
export const IMPORTABLE_EXTENSIONS = [
  'txt',
  'text',
  'md',
  'markdown',
  'html',
  'htm',
  'xhtml',
  'mhtml',
  'mht',
  'pdf',
  'epub',
  'docx',
] as const;
const IMPORTABLE: ReadonlySet<string> = new Set(IMPORTABLE_EXTENSIONS);

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The existing files of an importable kind among a launch's arguments, made absolute against the
 * launch's working directory. argv[0] is the executable; Electron's and Chromium's switches, the
 * app's own path (unpackaged: `electron .` or out/main/index.js) and commonplace:// links are not files to import.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    if (!IMPORTABLE.has(extname(arg).slice(1).toLowerCase())) continue;
    const path = resolve(cwd, arg);
    if (isFile(path) && !files.includes(path)) files.push(path);
  }
  return files;
}
