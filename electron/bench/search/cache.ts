/**
 * A generated benchmark library kept between runs: building 100,000 articles takes ~8 minutes
 * here, measuring the queries a few seconds. One folder per (corpus version, N, seed) under the
 * cache root, holding `library.sqlite`, the same texts as files (for grep) and the import figures.
 * A folder is built under a temporary name and renamed when complete, so an interrupted build is
 * never reused. A cached library is opened in place: migrations newer than it apply to it once,
 * as they would to a user's library.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedLibrary<F> {
  dir: string;
  library: string;
  texts: string;
  figures: F;
  /** False when this run built it. */
  reused: boolean;
}

export function cacheKey(corpusVersion: number, articles: number, seed: number): string {
  return `search-c${corpusVersion}-n${articles}-s${seed}`;
}

/** The cached library for `key`, built by `build(dir)` (which returns the import figures) when missing. */
export function cachedLibrary<F>(
  root: string,
  key: string,
  build: (dir: string) => F,
): CachedLibrary<F> {
  const dir = join(root, key);
  const figuresFile = join(dir, 'import.json');
  const paths = (d: string) => ({ library: join(d, 'library.sqlite'), texts: join(d, 'texts') });
  if (existsSync(figuresFile)) {
    return {
      dir,
      ...paths(dir),
      figures: JSON.parse(readFileSync(figuresFile, 'utf8')) as F,
      reused: true,
    };
  }
  const partial = join(root, `${key}.building-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const figures = build(partial);
    writeFileSync(join(partial, 'import.json'), `${JSON.stringify(figures, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    return { dir, ...paths(dir), figures, reused: false };
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    throw e;
  }
}
