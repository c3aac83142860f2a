import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The real article pasted from a news site, shared with the whole team in ../shared beside the
 * checkout; the repository keeps an identical copy as a fixture for checkouts without it.
 */
export const SHARED_ARTICLE = sharedArticlePath();

function sharedArticlePath(): string {
  const name = 'putin-north-korea-state-visit.txt';
  const beside = join(__dirname, '..', '..', '..', 'shared', 'articles', name);
  return existsSync(beside)
    ? beside
    : join(__dirname, '..', 'core', 'import', 'text', 'fixtures', name);
}
