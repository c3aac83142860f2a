/**
 * A page saved as "Web page, complete" and imported from its path: `page.html` beside its
 * `page_files/` folder. The page and the pictures in that folder are packed into one zip (what
 * the importer reads as a zipped saved page, and what is kept as the original), so the pictures
 * it names by relative path come with it. Only regular files inside that folder are read (no
 * symbolic link is followed, nothing beside or above it), only pictures by their extension, with
 * the import's size limit on the whole; the zip's dates are fixed so the same files give the same
 * bytes (an unchanged page imported again is recognised).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Zippable } from 'fflate';
import { formatMegabytes, MAX_IMPORT_FILE_BYTES } from '../import';
import type { ImportSource } from './sourcePath';

const PICTURE = /\.(?:png|jpe?g|gif|webp|svg)$/i;
const MAX_FILES = 2000;
const MAX_DEPTH = 4;
const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

/** A file read from `src.source` (a path), with its `_files` pictures packed in when it has them. */
export async function withSavedPageFolder(src: ImportSource): Promise<ImportSource> {
  if (!src.source || !/\.html?$/i.test(src.source)) return src;
  // Loaded here: read-only CLI commands never pay for a zip library (cli/startup.test.ts).
  const { zipSync } = await import('fflate');
  const packed = packSavedPage(src.source, src.bytes, zipSync);
  if (!packed) return src;
  const warnings = leftOutWarnings(packed.leftOut, packed.folderName);
  return { ...src, bytes: packed.zip, ...(warnings.length ? { warnings } : {}) };
}

/** Pictures of the folder not packed, by reason: said as import warnings, never dropped silently. */
interface LeftOut {
  tooMany: number;
  tooLarge: number;
}

function leftOutWarnings({ tooMany, tooLarge }: LeftOut, folderName: string): string[] {
  const pictures = (n: number) => `${n} picture${n === 1 ? '' : 's'} of ${folderName}`;
  const warnings: string[] = [];
  if (tooMany)
    warnings.push(
      `${pictures(tooMany)} left out: a saved page brings at most ${MAX_FILES} pictures`,
    );
  if (tooLarge)
    warnings.push(
      `${pictures(tooLarge)} left out: with them the page would pass the ${formatMegabytes(MAX_IMPORT_FILE_BYTES)} limit for imported files`,
    );
  return warnings;
}

/**
 * The page and its folder's pictures as one zip, with the pictures left out by the limits; null
 * when no `_files` folder is beside it.
 */
function packSavedPage(
  htmlPath: string,
  html: Uint8Array,
  zipSync: typeof import('fflate').zipSync,
): { zip: Uint8Array; folderName: string; leftOut: LeftOut } | null {
  if (!/\.html?$/i.test(htmlPath)) return null;
  const name = basename(htmlPath);
  const folderName = `${name.slice(0, -extname(name).length)}_files`;
  const folder = join(dirname(htmlPath), folderName);
  const st = lstatSync(folder, { throwIfNoEntry: false });
  if (!st?.isDirectory()) return null;
  const files: Zippable = { [name]: html };
  let total = html.byteLength;
  let count = 0;
  const leftOut: LeftOut = { tooMany: 0, tooLarge: 0 };
  const walk = (dir: string, rel: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const relPath = `${rel}/${entry.name}`;
      // Dirent types come from lstat: a symbolic link is neither a file nor a folder here.
      if (entry.isDirectory() && depth < MAX_DEPTH) walk(path, relPath, depth + 1);
      if (!entry.isFile() || !PICTURE.test(entry.name)) continue;
      if (count >= MAX_FILES) {
        leftOut.tooMany++;
        continue;
      }
      const size = lstatSync(path).size;
      if (total + size > MAX_IMPORT_FILE_BYTES) {
        leftOut.tooLarge++;
        continue;
      }
      files[relPath] = [readFileSync(path), { level: 0 }];
      total += size;
      count++;
    }
  };
  walk(folder, folderName, 1);
  return { zip: zipSync(files, { mtime: FIXED_DATE }), folderName, leftOut };
}
