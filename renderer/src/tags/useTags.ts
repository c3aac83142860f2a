import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { Tag } from '../../../electron/model/tags';
import { invoke } from '../api/client';
import { touches } from '../app/libraryEvents';
import { useLibraryEvents } from '../app/useLibraryEvents';

export interface TagsState {
  tags: Tag[];
  refresh: () => void;
}

export const TagsContext = createContext<TagsState>({ tags: [], refresh: () => {} });

export function useTagList(): TagsState {
  return useContext(TagsContext);
}

/** Every tag with its counts, kept current by change events (passages, articles and notes change counts). */
export function useTags(): TagsState {
  const [tags, setTags] = useState<Tag[]>([]);
  const latest = useRef(0);
  const refresh = useCallback(() => {
    const call = ++latest.current;
    invoke('tags.list', {}).then(
      (list) => {
        if (call === latest.current) setTags(list);
      },
      () => {
        // The library pane reports an unreachable library; tags just stay as they were.
      },
    );
  }, []);
  useEffect(refresh, [refresh]);
  useLibraryEvents((event) => {
    if (
      touches(event, [
        'tag',
        'passage',
        'passage_tag',
        'article',
        'article_tag',
        'note',
        'note_tag',
      ])
    )
      refresh();
  });
  return { tags, refresh };
}
