import { useMemo } from 'react';
import type { Output } from '../../../electron/api/contract';
import type { EntityRef } from '../../../electron/model/links';
import type { Change } from '../../../electron/model/changes';
import { useLibraryQuery } from '../app/useLibraryQuery';
import { linkGroups, type LinkGroups } from './linkRows';

export interface LinksState {
  /** Null until the first answer. */
  groups: LinkGroups | null;
  error: string | null;
  refresh: () => void;
}

/**
 * Changes that can alter a links panel: any link (mentions and quotes in notes are link rows
 * too), the thing itself being deleted or restored, and an end it shows changing its label or
 * being deleted or restored. The panel shows only the other ends, so an edit of the thing itself
 * (an `update`) changes nothing in it.
 */
function linksChange(target: EntityRef | null) {
  return (change: Change, links: Output<'links.list'> | null): boolean => {
    if (change.entity === 'link') return true;
    if (change.entity !== 'passage' && change.entity !== 'note' && change.entity !== 'article')
      return false;
    if (change.op === 'insert') return false;
    if (links === null) return true;
    if (change.id === target?.id && change.op !== 'update') return true;
    // A passage end shows its article's title too.
    return [...links.incoming, ...links.outgoing].some(
      (l) => l.other.ref.id === change.id || l.other.articleId === change.id,
    );
  };
}

/** The links from and to one thing, fetched again whenever a change may touch them. */
export function useLinks(target: EntityRef | null): LinksState {
  const kind = target?.kind ?? null;
  const id = target?.id ?? null;
  const query = useLibraryQuery(
    'links.list',
    kind && id ? { kind, id } : null,
    linksChange(kind && id ? { kind, id } : null),
  );
  const groups = useMemo(() => (query.data ? linkGroups(query.data) : null), [query.data]);
  return { groups, error: query.error?.message ?? null, refresh: query.refresh };
}
