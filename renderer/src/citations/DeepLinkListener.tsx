import { invoke } from '../api/client';
import { errorText } from '../api/errors';
import { useNav } from '../app/navigation';
import { useToaster } from '../app/toasterContext';
import { useLibraryEvents } from '../app/useLibraryEvents';
import { titleOrUntitled } from '../../../electron/model/titles';

/**
 * Opens what a commonplace:// link names when the desktop app sends a `navigate` event: a
 * passage in its article (looked up for its place), an article, or a note beside the reader.
 * An article or note that isn't there says so in its pane; a passage that isn't says so here.
 */
export function DeepLinkListener() {
  const { go } = useNav();
  const { show } = useToaster();
  useLibraryEvents((event) => {
    if (event.type !== 'navigate') return;
    const { kind, id } = event.target;
    if (kind === 'article') return go({ kind: 'article', id });
    if (kind === 'note') return go({ kind: 'note', id });
    const link = `commonplace://passage/${id}`;
    invoke('passages.lookup', { ids: [id] })
      .then(([p]) => {
        if (!p)
          return show(
            'error',
            `${link}: no such passage in this library (is the link from another library?).`,
          );
        if (p.deleted)
          return show(
            'error',
            `${link}: this passage was deleted (it was in “${titleOrUntitled(p.article.title)}”).`,
          );
        go({ kind: 'passage', id: p.id, articleId: p.article.id, start: p.start, end: p.end });
      })
      .catch((e: unknown) => show('error', `${link} could not be opened: ${errorText(e)}`));
  });
  return null;
}
