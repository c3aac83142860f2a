import { useId, useState } from 'react';
import { invoke } from '../api/client';
import { useReportError } from '../app/toasterContext';
import { useLibraryQuery } from '../app/useLibraryQuery';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Modal } from '../ui/Modal';
import { ArticleMeta } from './ArticleMeta';
import { titleOrUntitled } from '../../../electron/model/titles';

interface Props {
  onClose: () => void;
}

const plural = (n: number) => `${n} ${n === 1 ? 'article' : 'articles'}`;

/** The trash: restore an article (with everything it held), or delete them all for good. */
export function TrashDialog({ onClose }: Props) {
  const id = useId();
  const trash = useLibraryQuery('articles.trashList', {}, ['article']);
  const reportError = useReportError();
  const [confirming, setConfirming] = useState(false);
  const items = trash.data ?? [];
  const restore = (articleId: string) =>
    void invoke('articles.restore', { ids: [articleId] }).catch(reportError);
  const emptyTrash = async () => {
    setConfirming(false);
    try {
      await invoke('articles.emptyTrash', {});
    } catch (error) {
      reportError(error);
    }
  };
  return (
    <Modal open onClose={onClose} labelledBy={`${id}-title`} className="trash-dialog">
      <h2 id={`${id}-title`}>Trash</h2>
      {trash.data === null ? (
        <p role="status">Loading the trash…</p>
      ) : items.length === 0 ? (
        <p>The trash is empty.</p>
      ) : (
        <ul className="trash-list" aria-label="Articles in the trash">
          {items.map((a) => (
            <li key={a.id} className="trash-item">
              <div>
                <span className="trash-item-title">{titleOrUntitled(a.title)}</span>
                <ArticleMeta article={a} className="library-row-meta" />
              </div>
              <button
                type="button"
                aria-label={`Restore “${titleOrUntitled(a.title)}”`}
                onClick={() => restore(a.id)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button
          type="button"
          className="danger"
          disabled={items.length === 0}
          onClick={() => setConfirming(true)}
        >
          Empty trash…
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Empty the trash?"
        message={`${plural(items.length)} will be deleted for good, with their passages and the links to them. Notes keep their quotes as text. This can't be undone.`}
        confirmLabel="Delete for good"
        onConfirm={() => void emptyTrash()}
        onCancel={() => setConfirming(false)}
      />
    </Modal>
  );
}
