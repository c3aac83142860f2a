import { useId, useState } from 'react';
import type { ImportResult } from '../../../../electron/model/articles';
import type { Outcome } from '../../../../electron/model/importReport';
import { invoke } from '../../api/client';
import { errorText } from '../../api/errors';
import { Modal } from '../../ui/Modal';
import { formatElapsed } from './formatProgress';
import {
  fetchMoreRows,
  REPORT_PAGE_ROWS,
  rowsLeft,
  type BulkReport,
  type FetchResults,
} from './reportRows';

const TITLES: Record<BulkReport['state'], string> = {
  finished: 'Import finished',
  cancelled: 'Import cancelled',
  failed: 'Import stopped',
};

/** A key per report shown, so a following report (even of the same job id) starts with fresh lists. */
const reportKeys = new WeakMap<BulkReport, number>();
let nextReportKey = 0;
function keyOf(report: BulkReport): number {
  let key = reportKeys.get(report);
  if (key === undefined) reportKeys.set(report, (key = nextReportKey++));
  return key;
}

const fetchResults: FetchResults = (jobId, outcome, offset, limit) =>
  invoke('bulkImport.results', { jobId, outcome, offset, limit });

function ResultList({
  title,
  report,
  outcome,
  open: initiallyOpen = false,
}: {
  title: string;
  report: BulkReport;
  outcome: Outcome;
  open?: boolean;
}) {
  // Rows are made only once the list is opened, and come a page at a time: a report of 10,000
  // files must not cost a long frame (nor a 4 MB event).
  const [open, setOpen] = useState(initiallyOpen);
  const [rows, setRows] = useState<readonly ImportResult[]>(report.rows[outcome]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = report.counts[outcome];
  if (total === 0) return null;
  const left = rowsLeft(report, outcome, rows.length);
  const showMore = async () => {
    setLoading(true);
    setError(null);
    try {
      const more = await fetchMoreRows(report, outcome, rows.length, fetchResults);
      setRows((shown) => [...shown, ...more]);
    } catch (e) {
      setError(
        `The rest of this list could not be loaded (${errorText(e)}); the CLI's import --json lists every file.`,
      );
    } finally {
      setLoading(false);
    }
  };
  return (
    <details
      className="bulk-report-section"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        {title} ({total.toLocaleString()})
      </summary>
      {open && (
        <>
          <ul className="bulk-report-list">
            {rows.map((r, i) => (
              <li key={i}>
                <span className="bulk-report-file">{r.file}</span>
                {r.ok ? (
                  <span className="bulk-report-detail"> → {r.article.title}</span>
                ) : (
                  <span className="bulk-report-reason">{reasonOf(r)}</span>
                )}
                {r.ok &&
                  r.warnings?.map((w, k) => (
                    <span key={k} className="bulk-report-warning">
                      {withoutFile(w, r.file)}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
          {left > 0 && (
            <p className="bulk-report-more">
              {left.toLocaleString()} more{' '}
              <button type="button" onClick={() => void showMore()} disabled={loading}>
                {loading
                  ? 'Loading…'
                  : `Show ${Math.min(left, REPORT_PAGE_ROWS).toLocaleString()} more`}
              </button>
            </p>
          )}
          {error && (
            <p className="bulk-report-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </details>
  );
}

/** The reason without the file name the message starts with (it is shown beside it already). */
function reasonOf(r: Extract<ImportResult, { ok: false }>): string {
  return withoutFile(r.error.message, r.file);
}

function withoutFile(message: string, file: string): string {
  return message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
}

export function ImportReportDialog({
  report,
  onClose,
}: {
  report: BulkReport | null;
  onClose: () => void;
}) {
  const titleId = useId();
  const summaryId = useId();
  const counts = report
    ? [
        `${report.counts.imported.toLocaleString()} imported${report.counts.warned ? ` (${report.counts.warned.toLocaleString()} with warnings)` : ''}`,
        `${report.counts.duplicate.toLocaleString()} already in the library`,
        `${report.counts.failed.toLocaleString()} failed`,
        ...(report.notReached ? [`${report.notReached.toLocaleString()} not reached`] : []),
      ].join(', ')
    : '';
  return (
    <Modal
      open={report !== null}
      onClose={onClose}
      labelledBy={titleId}
      describedBy={summaryId}
      className="bulk-report"
    >
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
          <div className="bulk-report-lists" key={keyOf(report)}>
            <ResultList title="Failed" report={report} outcome="failed" open />
            <ResultList
              title="Imported with warnings"
              report={report}
              outcome="warned"
              open={report.counts.warned <= 50}
            />
            <ResultList
              title="Imported"
              report={report}
              outcome="imported"
              open={report.counts.failed === 0 && report.counts.imported <= 50}
            />
            <ResultList title="Already in the library" report={report} outcome="duplicate" />
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
