import { createContext, useContext } from 'react';
import type { Tag } from '../../../electron/model/tags';
import type { Change } from '../../../electron/model/changes';
import { useLibraryQuery } from '../app/useLibraryQuery';

export interface TagsState {
  tags: Tag[];
  refresh: () => void;
}

export const TagsContext = createContext<TagsState>({ tags: [], refresh: () => {} });

export function useTagList(): TagsState {
  return useContext(TagsContext);
}

/**
 * Changes that can alter the tags or their counts: tag rows and tag assignments, and deleting or
 * restoring what carries tags. A new passage, article or note carries no tag yet: its tags arrive
 * as assignment rows. An edit of an article (its text or details) counts nothing.
 */
function tagsChange(change: Change): boolean {
  switch (change.entity) {
    case 'article':
      return change.op === 'delete' || change.op === 'restore';
    case 'passage':
    case 'note':
      return change.op !== 'insert';
    case 'link':
    case 'reading_place':
      return false;
    default:
      return true;
  }
}

const EMPTY: Tag[] = [];

/** Every tag with its counts, kept current by change events. */
export function useTags(): TagsState {
  // A failed call keeps the tags as they were: the library pane reports an unreachable library.
  const { data, refresh } = useLibraryQuery('tags.list', {}, tagsChange);
  return { tags: data ?? EMPTY, refresh };
}
