/** Which view (reflowed text or printed pages) each article was last read in, kept per article. */
import { windowStorage } from '../app/windowStorage';

const KEY = 'commonplace.pageView';
/** The most recent articles remembered; older entries are dropped so the store stays small. */
const KEEP = 500;

function read(): string[] {
  try {
    const raw: unknown = JSON.parse(windowStorage()?.getItem(KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function prefersPageView(articleId: string): boolean {
  return read().includes(articleId);
}

export function rememberPageView(articleId: string, on: boolean): void {
  const ids = read().filter((id) => id !== articleId);
  if (on) ids.push(articleId);
  try {
    windowStorage()?.setItem(KEY, JSON.stringify(ids.slice(-KEEP)));
  } catch {
    // Full or refused: the choice lasts this session.
  }
}
