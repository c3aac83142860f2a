/**
 * The renderer's one way to show library data: call a read method, keep its answer, and call it
 * again when a change event may have altered it — or when the event says anything may have
 * changed (the event stream reconnected, too many rows to list). Only the latest call for the
 * current input is ever shown (app/latest.ts, the one stale-answer guard). Input typed as you go
 * (a search, suggestions) waits for a pause (`debounceMs`) and may keep the last answer meanwhile.
 * A long list read a page at a time: `usePagedLibraryQuery`.
 *
 * A change made here puts its answer in place with `set` instead of fetching again, naming the
 * rows it accounts for; its own event then refetches nothing (api/mutationGate.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientMethod, Input, Output } from '../../../electron/api/contract';
import type { Change, ChangeEntity } from '../../../electron/model/changes';
import { coverWindow, invoke, settledCount } from '../api/client';
import { errorCode, errorText } from '../api/errors';
import { Latest } from './latest';
import { useLibraryEvents } from './useLibraryEvents';

/**
 * When to call again: the entities the answer shows, or a test of each changed row given what is
 * shown now (null before the first answer).
 */
/** After this long without an answer, a call no longer holds back the next one. */
const LOST_CALL_MS = 15_000;

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
  /** The current input's answer is still on its way (`data` is null, or an older input's). */
  loading: boolean;
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
  /** An answer (or a failure) for `key` came. */
  answered: boolean;
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
    /** Wait this long after the input changed before calling (typing fast asks once). */
    debounceMs?: number;
    /** While another input's answer is on its way, keep showing the last one (no flicker). */
    keepPrevious?: boolean;
  } = {},
): LibraryQuery<Output<M>> {
  type T = Output<M>;
  // The input as JSON is the key: it crosses the transport as JSON anyway.
  const key = input === null ? null : JSON.stringify(input);
  const [shown, setShown] = useState<Shown<T>>({ key, data: null, error: null, answered: false });
  // What is shown, including a `set` not yet rendered: change events are judged against it.
  const current = useRef(shown);
  const { same, debounceMs = 0, keepPrevious = false } = options;
  if (shown.key !== key && !(keepPrevious && key !== null)) {
    // Another input: drop the old answer at once (no stale flash).
    const reset: Shown<T> = { key, data: null, error: null, answered: false };
    current.current = reset;
    setShown(reset);
  }
  const show = useCallback((next: Shown<T>) => {
    current.current = next;
    setShown(next);
  }, []);

  const latest = useRef(new Latest()).current;
  const sameRef = useRef(same);
  sameRef.current = same;
  // The call on its way for this input, and whether something asked for a newer answer meanwhile.
  const inFlight = useRef<{ key: string; again: boolean; started: number } | null>(null);

  const refresh = useCallback(() => {
    if (key === null) return;
    // While changes keep coming (a long sync, a bulk import), a call per change would supersede
    // the one before it, and no answer would show until they stop: one call at a time, and one
    // more after it if anything changed while it was on its way.
    // (A call that seems lost — a dropped connection — is given up after a while.)
    const flying = inFlight.current;
    if (flying?.key === key && performance.now() - flying.started < LOST_CALL_MS) {
      flying.again = true;
      return;
    }
    const call = { key, again: false, started: performance.now() };
    inFlight.current = call;
    const settle = () => {
      if (inFlight.current !== call) return;
      inFlight.current = null;
      if (call.again) refresh();
    };
    const isLatest = latest.next();
    invoke(method, JSON.parse(key) as Input<M>)
      .then(
        (data) => {
          if (!isLatest()) return;
          const prev = current.current;
          const equal = sameRef.current;
          if (
            prev.key === key &&
            prev.error === null &&
            prev.data !== null &&
            equal?.(prev.data, data)
          )
            return;
          show({ key, data, error: null, answered: true });
        },
        (error: unknown) => {
          if (!isLatest()) return;
          const prev = current.current;
          show({
            key,
            data: prev.key === key ? prev.data : null,
            error: { code: errorCode(error), message: errorText(error) },
            answered: true,
          });
        },
      )
      // After the answer is shown: the next call supersedes it.
      .finally(settle);
  }, [method, key, show, latest]);

  useEffect(() => {
    // An input no longer wanted: its answer, if it comes, is not shown.
    if (key === null) return void latest.next();
    if (debounceMs <= 0) return refresh();
    latest.next();
    const timer = setTimeout(refresh, debounceMs);
    return () => clearTimeout(timer);
  }, [refresh, debounceMs, key, latest]);

  const covers = useRef<Cover[]>([]);
  const set = useCallback(
    (update: (data: T) => T, cover?: (change: Change) => boolean) => {
      const prev = current.current;
      if (prev.key !== key || prev.data === null) return;
      // Any answer still on its way is older than this change.
      latest.next();
      show({ key, data: update(prev.data), error: null, answered: true });
      const window = coverWindow();
      if (cover && window !== null) {
        // Two changes in flight together: their answers may have come in either order, so
        // neither vouches for what is shown; the events that follow fetch again.
        const together = covers.current.some((c) => c.window === window);
        covers.current.push({ window, test: together ? () => false : cover });
        if (together) for (const c of covers.current) if (c.window === window) c.test = () => false;
      }
    },
    [key, show, latest],
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

  const mine = shown.key === key;
  return {
    data: mine || (keepPrevious && key !== null) ? shown.data : null,
    error: mine ? shown.error : null,
    loading: key !== null && !(mine && shown.answered),
    refresh,
    set,
  };
}
