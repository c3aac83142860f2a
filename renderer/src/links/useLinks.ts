import { useCallback, useEffect, useState } from 'react';
import type { EntityRef } from '../../../electron/model/links';
import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { touches } from '../app/libraryEvents';
import { useLibraryEvents } from '../app/useLibraryEvents';
import { linkGroups, type LinkGroups } from './linkRows';

/** Change-log entities whose changes can alter a links panel (its links, or the labels of their ends). */
export const LINK_ENTITIES = ['link', 'passage', 'note', 'article'] as const;

export interface LinksState {
  /** Null until the first answer. */
  groups: LinkGroups | null;
  error: string | null;
  refresh: () => void;
}

/** The links from and to one thing, fetched again whenever the library reports a change that may touch them. */
export function useLinks(target: EntityRef | null): LinksState {
  const kind = target?.kind ?? null;
  const id = target?.id ?? null;
  const [revision, setRevision] = useState(0);
  const [state, setState] = useState<{
    key: string | null;
    groups: LinkGroups | null;
    error: string | null;
  }>({ key: null, groups: null, error: null });
  const key = kind && id ? `${kind}:${id}` : null;

  useEffect(() => {
    if (!kind || !id) return;
    let live = true;
    invoke('links.list', { kind, id }).then(
      (list) => live && setState({ key: `${kind}:${id}`, groups: linkGroups(list), error: null }),
      (error: unknown) =>
        live &&
        setState((s) => ({
          key: `${kind}:${id}`,
          groups: s.key === `${kind}:${id}` ? s.groups : null,
          error: errorText(error),
        })),
    );
    return () => {
      live = false;
    };
  }, [kind, id, revision]);

  const refresh = useCallback(() => setRevision((n) => n + 1), []);
  useLibraryEvents((event) => {
    if (touches(event, LINK_ENTITIES)) refresh();
  });

  // Another target's answer is not this one's.
  return state.key === key
    ? { groups: state.groups, error: state.error, refresh }
    : { groups: null, error: null, refresh };
}
