/**
 * Our temp files: a hidden `.NAME.<12 hex>.tmp` beside the file NAME being written (plus SQLite's
 * `-wal`, `-shm`, `-journal` of a temp database). A run that is killed leaves one behind, which
 * can be hundreds of MB; the next write of the same NAME removes those not touched for a while.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Untouched this long, a temp file is an interrupted run's (a live write keeps its mtime fresh). */
export const STALE_TEMP_MS = 2 * 60 * 60 * 1000;

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes stale temp files of `target` (only ours: its name, our pattern, older than STALE_TEMP_MS). */
export function removeStaleTemps(target: string, now = Date.now()): string[] {
  const dir = dirname(target);
  const ours = new RegExp(
    `^\\.${escape(basename(target))}\\.[0-9a-f]{12}\\.tmp(?:-wal|-shm|-journal)?$`,
  );
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!ours.test(name)) continue;
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (!st.isFile() || now - st.mtimeMs < STALE_TEMP_MS) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // Gone meanwhile, or not ours to remove: leave it.
    }
  }
  return removed;
}
