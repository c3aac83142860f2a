/**
 * The renderer's one way to show library data: call a read method, keep its answer, and call it
 * again when a change event may have altered it — or when the event says anything may have
 * changed (the event stream reconnected, too many rows to list). One stale-answer guard for all:
 * only the latest call for the current input is ever shown.
 *
 * A change made here puts its answer in place with `set` instead of fetching again, naming the
 * rows it accounts for; its own event then refetches nothing (api/mutationGate.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientMethod, Input, Output } from '../../../electron/api/contract';
import type { Change, ChangeEntity } from '../../../electron/model/changes';
import { coverWindow, invoke, settledCount } from '../api/client';
import { errorCode, errorText } from '../api/errors';
import { useLibraryEvents } from './useLibraryEvents';

/**
 * When to call again: the entities the answer shows, or a test of each changed row given what is
 * shown now (null before the first answer).
 */
export type RefetchOn<T> = readonly ChangeEntity[] | ((change: Change, data: T | null) => boolean);

export interface QueryError {
  code: string | null;
  message: string;
}

export interface LibraryQuery<T> {
  /** The answer for the current input; null until it arrives. A refetch keeps it meanwhile. */
  data: T | null;
  /** The last call's failure (the previous answer, if any, stays in `data`). */
  error: QueryError | null;
  /** Calls again now. */
  refresh: () => void;
  /**
   * Puts a change's answer in place. `covers` says which changed rows it accounts for: their
   * event, handed on right after the change settles, then doesn't call again.
   */
  set: (update: (data: T) => T, covers?: (change: Change) => boolean) => void;
}

interface Shown<T> {
  key: string | null;
  data: T | null;
  error: QueryError | null;
}

interface Cover {
  window: number;
  test: (change: Change) => boolean;
}

export function useLibraryQuery<M extends ClientMethod>(
  method: M,
  /** null: nothing to ask (nothing open). */
  input: Input<M> | null,
  /** null: fetched once per input, never again on events (a view that takes changes its own way). */
  refetchOn: RefetchOn<Output<M>> | null,
  options: {
    /** Two answers equal for display: the shown one is kept (children don't re-render). */
    same?: (a: Output<M>, b: Output<M>) => boolean;
  } = {},
): LibraryQuery<Output<M>> {
  type T = Output<M>;
  // The input as JSON is the key: it crosses the transport as JSON anyway.
  const key = input === null ? null : JSON.stringify(input);
  const [shown, setShown] = useState<Shown<T>>({ key, data: null, error: null });
  // What is shown, including a `set` not yet rendered: change events are judged against it.
  const current = useRef(shown);
  if (shown.key !== key) {
    // Another input: drop the old answer at once (no stale flash).
    const reset: Shown<T> = { key, data: null, error: null };
    current.current = reset;
    setShown(reset);
  }
  const show = useCallback((next: Shown<T>) => {
    current.current = next;
    setShown(next);
  }, []);

  const latest = useRef(0);
  const { same } = options;
  const sameRef = useRef(same);
  sameRef.current = same;

  const refresh = useCallback(() => {
    if (key === null) return;
    const call = ++latest.current;
    invoke(method, JSON.parse(key) as Input<M>).then(
      (data) => {
        if (call !== latest.current || current.current.key !== key) return;
        const prev = current.current;
        const equal = sameRef.current;
        if (prev.error === null && prev.data !== null && equal?.(prev.data, data)) return;
        show({ key, data, error: null });
      },
      (error: unknown) => {
        if (call !== latest.current || current.current.key !== key) return;
        show({
          ...current.current,
          error: { code: errorCode(error), message: errorText(error) },
        });
      },
    );
  }, [method, key, show]);

  useEffect(refresh, [refresh]);

  const covers = useRef<Cover[]>([]);
  const set = useCallback(
    (update: (data: T) => T, cover?: (change: Change) => boolean) => {
      const prev = current.current;
      if (prev.key !== key || prev.data === null) return;
      // Any answer still on its way is older than this change.
      latest.current++;
      show({ key, data: update(prev.data), error: null });
      const window = coverWindow();
      if (cover && window !== null) {
        // Two changes in flight together: their answers may have come in either order, so
        // neither vouches for what is shown; the events that follow fetch again.
        const together = covers.current.some((c) => c.window === window);
        covers.current.push({ window, test: together ? () => false : cover });
        if (together) for (const c of covers.current) if (c.window === window) c.test = () => false;
      }
    },
    [key, show],
  );

  const refetchOnRef = useRef(refetchOn);
  refetchOnRef.current = refetchOn;
  useLibraryEvents((event) => {
    if (event.type !== 'changed' || key === null || refetchOnRef.current === null) return;
    const settled = settledCount();
    // A cover lasts for the events handed on right after its change: later ones are news.
    covers.current = covers.current.filter((c) => c.window === settled);
    if (event.all) return refresh();
    const rule: RefetchOn<T> = refetchOnRef.current;
    const data = current.current.data;
    const matters =
      typeof rule === 'function'
        ? (change: Change) => rule(change, data)
        : (change: Change) => rule.includes(change.entity);
    if (
      event.changes.some((change) => matters(change) && !covers.current.some((c) => c.test(change)))
    )
      refresh();
  });

  return {
    data: shown.key === key ? shown.data : null,
    error: shown.key === key ? shown.error : null,
    refresh,
    set,
  };
}
