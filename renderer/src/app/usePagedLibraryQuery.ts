/**
 * `useLibraryQuery` for a long list read a page at a time (`offset`/`limit`): one page store per
 * input (app/pageStore.ts), fetched as the view scrolls, its pages refetched when a change event
 * may have altered the list (or the event says anything may have changed).
 *
 * The store is returned unsubscribed: the component that draws the rows subscribes
 * (`usePages`), so a page arriving re-renders the list, not whoever holds the store.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { ClientMethod, Input, Output } from '../../../electron/api/contract';
import { affects, type ChangeFilter } from '../../../electron/model/changes';
import { invoke } from '../api/client';
import { PageStore, type Page } from './pageStore';
import { useLibraryEvents } from './useLibraryEvents';

type PagedMethod = {
  [M in ClientMethod]: Input<M> extends { offset?: number; limit?: number } ? M : never;
}[ClientMethod];

export function usePagedLibraryQuery<M extends PagedMethod, P extends Page<unknown>>(
  method: M,
  /** The call's input without `offset` and `limit`; another input is another list. */
  input: Omit<Input<M>, 'offset' | 'limit'>,
  /** The entities the list shows, or a test of each changed row; null: never refetched. */
  refetchOn: ChangeFilter | null,
  options: { pageSize: number; page: (output: Output<M>) => P },
): PageStore<P> {
  const key = JSON.stringify(input);
  const pageRef = useRef(options.page);
  pageRef.current = options.page;
  const { pageSize } = options;
  const store = useMemo(
    () =>
      new PageStore<P>(async (offset, limit) => {
        const call = { ...(JSON.parse(key) as object), offset, limit } as Input<M>;
        return pageRef.current(await invoke(method, call));
      }, pageSize),
    [method, key, pageSize],
  );

  useEffect(() => store.start(), [store]);

  const refetchOnRef = useRef(refetchOn);
  refetchOnRef.current = refetchOn;
  useLibraryEvents((event) => {
    const rule = refetchOnRef.current;
    if (event.type === 'changed' && rule !== null && affects(event, rule)) store.invalidate();
  });
  return store;
}

/** Subscribes to a page store: returns its version, which changes whenever its rows do. */
export function usePages<P extends Page<unknown>>(store: PageStore<P>): number {
  return useSyncExternalStore(store.subscribe, store.getVersion);
}
