/**
 * The article open in the reader when the window was last left, so a reload (or the next start)
 * opens it again; the reader then returns to its reading place (stored in the library). Kept in
 * localStorage: it is this window's state, not the library's.
 */
import { windowStorage } from '../app/windowStorage';

const KEY = 'commonplace.openArticle';
const ID = /^[0-9a-f-]{36}$/;

export function lastOpenArticle(
  storage: Pick<Storage, 'getItem'> | null = windowStorage(),
): string | null {
  try {
    const id = storage?.getItem(KEY) ?? null;
    return id !== null && ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

export function rememberOpenArticle(
  id: string | null,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null = windowStorage(),
): void {
  try {
    if (id === null) storage?.removeItem(KEY);
    else storage?.setItem(KEY, id);
  } catch {
    // Full or refused: the next start opens nothing.
  }
}
