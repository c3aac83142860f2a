import type { Passage } from '../../../electron/model/passages';
import type { Change } from '../../../electron/model/changes';
import { useLibraryQuery, type LibraryQuery } from '../app/useLibraryQuery';

/**
 * Whether two answers list the same passages with the same fields, in the same order. Field by
 * field rather than comparing JSON: with 1,000 passages that was two serializations of ~400 KB on
 * every refresh, and one on every open for nothing.
 */
export function samePassages(a: readonly Passage[], b: readonly Passage[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p === q) continue;
    for (const key of Object.keys(p) as (keyof Passage)[]) {
      const x = p[key];
      const y = q[key];
      if (x === y) continue;
      if (
        !Array.isArray(x) ||
        !Array.isArray(y) ||
        x.length !== y.length ||
        x.some((v, k) => v !== y[k])
      )
        return false;
    }
    if (Object.keys(q).length !== Object.keys(p).length) return false;
  }
  return true;
}

export interface PassagesState {
  /** Null until the first answer for this article. */
  passages: Passage[] | null;
  error: string | null;
  refresh: () => void;
  /** Puts a passage call's answer in place (see useLibraryQuery's `set`). */
  set: LibraryQuery<Passage[]>['set'];
}

/** The list's order (the repository's ORDER BY): start, longer first, then id. */
function inReadingOrder(a: Passage, b: Passage): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The list with `passage` in place of the one with its id (or added), in reading order; a version
 * older than the one shown (an answer overtaken by a later one) leaves the list as it is.
 */
export function withPassage(list: Passage[], passage: Passage): Passage[] {
  const shown = list.find((p) => p.id === passage.id);
  if (shown && shown.updatedAt > passage.updatedAt) return list;
  return [...list.filter((p) => p.id !== passage.id), passage].sort(inReadingOrder);
}

/** The rows of a passage call's answer: the passage and its tag assignments. */
export function passageRows(id: string): (change: Change) => boolean {
  return (c) =>
    (c.entity === 'passage' && c.id === id) ||
    (c.entity === 'passage_tag' && c.id.startsWith(`${id}/`));
}

/**
 * Which changes can alter an article's passage list. A passage the list doesn't hold may be a new
 * one of this article (events name passages, not their articles; a CLI `passage add` must show
 * up), or one restored here; a deleted one the list doesn't hold is not its concern.
 */
function passagesChange(change: Change, list: Passage[] | null): boolean {
  const holds = (id: string) => list?.some((p) => p.id === id) ?? true;
  switch (change.entity) {
    case 'passage':
      return change.op !== 'delete' || holds(change.id);
    case 'passage_tag':
      return holds(change.id.slice(0, change.id.indexOf('/')));
    case 'tag':
      // A renamed or deleted tag changes the names the passages show; a new one is on none yet.
      return change.op !== 'insert' && (list?.some((p) => p.tags.length > 0) ?? true);
    default:
      // An article's own row doesn't hold its passages: re-anchoring changes the passage rows.
      return false;
  }
}

/**
 * The open article's passages in reading order, refetched when a change may alter them; an answer
 * equal to what is shown keeps the same array, so the reader doesn't re-render its marks.
 */
export function usePassages(articleId: string | null): PassagesState {
  const query = useLibraryQuery(
    'passages.list',
    articleId === null ? null : { articleId },
    passagesChange,
    { same: samePassages },
  );
  return {
    // A failed first call shows the text without marks, with the error.
    passages: query.data ?? (query.error ? [] : null),
    error: query.error?.message ?? null,
    refresh: query.refresh,
    set: query.set,
  };
}
