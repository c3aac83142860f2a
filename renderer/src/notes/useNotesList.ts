/**
 * The notes list: pages fetched as the list scrolls, refreshed when a change event names a note.
 * Notes number in the hundreds or thousands (not articles' hundred thousands), so pages simply
 * accumulate; a refresh refetches as many rows as were loaded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteSummary } from '../../../electron/model/notes';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { touches } from '../app/libraryEvents';
import { useLibraryEvents } from '../app/useLibraryEvents';

export type NoteSort = 'updated' | 'created' | 'title';
const PAGE = 200;
/** The most one call may ask for (the contract's limit). */
const MAX_LIMIT = 1000;

export interface NotesList {
  items: NoteSummary[];
  total: number | null;
  error: string | null;
  /** Rows up to `index` are wanted (the list scrolled there). */
  want: (index: number) => void;
  refresh: () => void;
}

export function useNotesList(sort: NoteSort, tag: string | null): NotesList {
  const [state, setState] = useState<{
    items: NoteSummary[];
    total: number | null;
    error: string | null;
  }>({ items: [], total: null, error: null });
  const generation = useRef(0);
  const loading = useRef(false);
  const query = useRef({ sort, tag });
  query.current = { sort, tag };

  const fetchRange = useCallback(async (offset: number, limit: number) => {
    const { sort, tag } = query.current;
    return invoke(
      'notes.list',
      tag === null ? { offset, limit, sort } : { offset, limit, sort, tag },
    );
  }, []);

  const reload = useCallback(
    (count: number) => {
      const mine = ++generation.current;
      loading.current = true;
      void (async () => {
        try {
          const items: NoteSummary[] = [];
          let total = 0;
          do {
            const page = await fetchRange(
              items.length,
              Math.min(MAX_LIMIT, Math.max(PAGE, count - items.length)),
            );
            if (mine !== generation.current) return;
            items.push(...page.items);
            total = page.total;
            if (page.items.length === 0) break;
          } while (items.length < Math.min(count, total));
          setState({ items, total, error: null });
        } catch (error) {
          if (mine === generation.current) setState((s) => ({ ...s, error: errorText(error) }));
        } finally {
          if (mine === generation.current) loading.current = false;
        }
      })();
    },
    [fetchRange],
  );

  const loaded = useRef(0);
  loaded.current = state.items.length;

  useEffect(() => reload(PAGE), [sort, tag, reload]);

  useLibraryEvents((event) => {
    if (touches(event, ['note', 'note_tag', 'tag'])) reload(Math.max(PAGE, loaded.current));
  });

  const want = useCallback(
    (index: number) => {
      if (
        loading.current ||
        state.total === null ||
        index < state.items.length - 20 ||
        state.items.length >= state.total
      )
        return;
      reload(state.items.length + PAGE);
    },
    [reload, state.items.length, state.total],
  );

  return { ...state, want, refresh: () => reload(Math.max(PAGE, loaded.current)) };
}
