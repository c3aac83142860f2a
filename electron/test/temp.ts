import { existsSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * The real article pasted from a news site, shared with the whole team in ../shared beside the
 * checkout; the repository keeps an identical copy as a fixture for checkouts without it.
 */
export const SHARED_ARTICLE = sharedArticlePath();

function sharedArticlePath(): string {
  const name = 'putin-north-korea-state-visit.txt';
  const beside = join(__dirname, '..', '..', '..', 'shared', 'articles', name);
  return existsSync(beside) ? beside : join(__dirname, '..', 'core', 'import', 'text', 'fixtures', name);
}
