import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temp folder per test, removed afterwards (tests use real files, never mocks). */
export function useTempDir(prefix = 'commonplace-test-'): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/** The real article pasted from a news site, shared with the whole team. */
export const SHARED_ARTICLE = join(__dirname, '..', '..', '..', 'shared', 'articles', 'putin-north-korea-state-visit.txt');
