/** Which view (reflowed text or printed pages) each article was last read in, kept per article. */

const KEY = 'commonplace.pageView';
/** The most recent articles remembered; older entries are dropped so the store stays small. */
const KEEP = 500;

/** localStorage can be missing or throw (privacy modes): the choice then lasts the session. */
function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(): string[] {
  try {
    const raw: unknown = JSON.parse(store()?.getItem(KEY) ?? '[]');
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
    store()?.setItem(KEY, JSON.stringify(ids.slice(-KEEP)));
  } catch {
    // Full or refused: the choice lasts this session.
  }
}
