import { useCallback, useEffect, useRef, useState } from 'react';
import type { Passage } from '../../../electron/model/passages';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { touches } from '../app/libraryEvents';
import { useLibraryEvents } from '../app/useLibraryEvents';

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
}

/**
 * The open article's passages in reading order. Refetched on any passage or tag change (the
 * events name passage ids, not articles, and a CLI `passage add` must show up here); an answer
 * equal to what is shown keeps the same array, so the reader doesn't re-render its marks.
 */
export function usePassages(articleId: string | null): PassagesState {
  const [state, setState] = useState<{
    id: string | null;
    passages: Passage[] | null;
    error: string | null;
  }>({
    id: articleId,
    passages: null,
    error: null,
  });
  const latest = useRef(0);

  if (state.id !== articleId) setState({ id: articleId, passages: null, error: null });

  const refresh = useCallback(() => {
    if (articleId === null) return;
    const call = ++latest.current;
    invoke('passages.list', { articleId }).then(
      (passages) => {
        if (call !== latest.current) return;
        setState((prev) =>
          prev.id === articleId &&
          prev.error === null &&
          prev.passages !== null &&
          samePassages(prev.passages, passages)
            ? prev
            : { id: articleId, passages, error: null },
        );
      },
      (error: unknown) => {
        if (call !== latest.current) return;
        setState((prev) => ({ ...prev, passages: prev.passages ?? [], error: errorText(error) }));
      },
    );
  }, [articleId]);

  useEffect(refresh, [refresh]);
  useLibraryEvents((event) => {
    if (touches(event, ['passage', 'passage_tag', 'tag', 'article'])) refresh();
  });

  return { passages: state.id === articleId ? state.passages : null, error: state.error, refresh };
}
