import type { Database } from 'better-sqlite3';

/** At least this share of the file free after an upgrade is worth one VACUUM. */
const WORTH_VACUUM = 0.25;

/**
 * Gives the space an upgrade freed back to the disk. Migrations that rewrite storage (14: each
 * text once and compressed originals; 15: smaller word indexes; 17: originals as deltas) free
 * pages inside the file, and SQLite reuses them but never returns them, so an upgraded library
 * stayed as large as before. When a quarter of the file or more is free, VACUUM once.
 * VACUUM needs the file to itself and room for a copy of the library: if another connection holds
 * it or the disk is full, the library is left as it is (correct, only larger); the next upgrade
 * tries again. Returns whether it vacuumed.
 */
export function compactAfterUpgrade(db: Database): boolean {
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  if (pages === 0 || free / pages < WORTH_VACUUM) return false;
  try {
    db.exec('VACUUM');
    return true;
  } catch {
    return false;
  }
}
