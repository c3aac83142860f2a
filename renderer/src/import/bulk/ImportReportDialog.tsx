import { useId, useState } from 'react';
import type { ImportResult } from '../../../../electron/api/contract';
import { Modal } from '../../ui/Modal';
import { formatElapsed } from './formatProgress';
import type { BulkReport } from './useBulkImport';

/** Rows drawn per list; the rest are counted (the CLI's --json has every line). */
const MAX_ROWS = 300;

const TITLES: Record<BulkReport['state'], string> = {
  finished: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import stopped',
};

function ResultList({ title, results, open: initiallyOpen = false }: { title: string; results: readonly ImportResult[]; open?: boolean }) {
  // Rows are made only once the list is opened: a report of 10,000 files must not cost a long frame.
  const [open, setOpen] = useState(initiallyOpen);
  if (results.length === 0) return null;
  return (
    <details className="bulk-report-section" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {title} ({results.length.toLocaleString()})
      </summary>
      {open && (
        <ul className="bulk-report-list">
          {results.slice(0, MAX_ROWS).map((r, i) => (
            <li key={i}>
              <span className="bulk-report-file">{r.file}</span>
              {r.ok ? <span className="bulk-report-detail"> → {r.article.title}</span> : <span className="bulk-report-reason">{reasonOf(r)}</span>}
            </li>
          ))}
          {results.length > MAX_ROWS && <li className="bulk-report-more">…and {(results.length - MAX_ROWS).toLocaleString()} more</li>}
        </ul>
      )}
    </details>
  );
}

/** The reason without the file name the message starts with (it is shown beside it already). */
function reasonOf(r: Extract<ImportResult, { ok: false }>): string {
  return r.error.message.startsWith(`${r.file}: `) ? r.error.message.slice(r.file.length + 2) : r.error.message;
}

export function ImportReportDialog({ report, onClose }: { report: BulkReport | null; onClose: () => void }) {
  const titleId = useId();
  const summaryId = useId();
  const counts = report
    ? [
        `${report.imported.length.toLocaleString()} imported`,
        `${report.duplicate.length.toLocaleString()} already in the library`,
        `${report.failed.length.toLocaleString()} failed`,
        ...(report.notReached ? [`${report.notReached.toLocaleString()} not reached`] : []),
      ].join(', ')
    : '';
  return (
    <Modal open={report !== null} onClose={onClose} labelledBy={titleId} describedBy={summaryId} className="bulk-report">
      {report && (
        <>
          <h2 id={titleId}>{TITLES[report.state]}</h2>
          <p id={summaryId} className="bulk-report-summary">
            {counts}
            {report.elapsedMs > 0 && ` in ${formatElapsed(report.elapsedMs)}`}.
          </p>
          {report.error && (
            <p className="bulk-report-error" role="alert">
              {report.error}
            </p>
          )}
          <div className="bulk-report-lists">
            <ResultList title="Failed" results={report.failed} open />
            <ResultList title="Imported" results={report.imported} open={report.failed.length === 0 && report.imported.length <= 50} />
            <ResultList title="Already in the library" results={report.duplicate} />
          </div>
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
