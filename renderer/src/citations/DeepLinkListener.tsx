import { invoke } from '../api/client';
import { useNav } from '../app/navigation';
import { useLibraryEvents } from '../app/useLibraryEvents';

/**
 * Opens what a commonplace:// link names when the desktop app sends a `navigate` event: a
 * passage in its article (looked up for its place), an article, or a note beside the reader.
 */
export function DeepLinkListener() {
  const { go } = useNav();
  useLibraryEvents((event) => {
    if (event.type !== 'navigate') return;
    const { kind, id } = event.target;
    if (kind === 'article') return go({ kind: 'article', id });
    if (kind === 'note') return go({ kind: 'note', id });
    invoke('passages.lookup', { ids: [id] })
      .then(([p]) => {
        if (!p) return console.warn(`commonplace://passage/${id}: no such passage in this library`);
        go({ kind: 'passage', id: p.id, articleId: p.article.id, start: p.start, end: p.end });
      })
      .catch((e: unknown) => console.warn(`commonplace://passage/${id}:`, e));
  });
  return null;
}
