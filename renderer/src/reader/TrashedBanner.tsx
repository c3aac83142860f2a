import { useState } from 'react';
import { invoke } from '../api/client';
import { useReportError } from '../app/toasterContext';

/**
 * Shown above an open article once it is in the trash (moved there here, in another window or by
 * the CLI): it stays readable, as in Zotero, and Restore takes it back out; the change event
 * that follows refetches the article and the banner goes.
 */
export function TrashedBanner({ articleId }: { articleId: string }) {
  const reportError = useReportError();
  const [restoring, setRestoring] = useState(false);
  return (
    <div className="reader-trashed" role="status">
      <p>In the trash</p>
      <button
        type="button"
        disabled={restoring}
        onClick={() => {
          setRestoring(true);
          invoke('articles.restore', { ids: [articleId] })
            .catch(reportError)
            .finally(() => setRestoring(false));
        }}
      >
        Restore
      </button>
    </div>
  );
}
