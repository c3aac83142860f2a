import type { JobProgress } from './useBulkImport';
import { formatEta, formatRate } from './formatProgress';

interface Props {
  jobs: readonly JobProgress[];
  onCancel: (jobId: string) => void;
}

/**
 * A panel per running import: a progress bar, the count, the file being imported, rate and time
 * left, and Cancel. Not modal: the library stays usable while thousands of files come in.
 */
export function ImportProgress({ jobs, onCancel }: Props) {
  if (jobs.length === 0) return null;
  return (
    <div className="bulk-progress-stack">
      {jobs.map((job) => {
        const label = `Importing ${job.done.toLocaleString()} of ${job.total.toLocaleString()} files`;
        return (
          <section
            className="bulk-progress"
            aria-label="Import progress"
            key={job.jobId}
            data-job={job.jobId}
          >
            <div className="bulk-progress-head">
              <p className="bulk-progress-count">{label}</p>
              <button type="button" onClick={() => onCancel(job.jobId)} disabled={job.cancelling}>
                {job.cancelling ? 'Stopping…' : 'Cancel import'}
              </button>
            </div>
            <progress max={Math.max(1, job.total)} value={job.done} aria-label={label} />
            <p className="bulk-progress-meta">
              {job.cancelling
                ? 'Stopping after the current file…'
                : [formatRate(job.rate), formatEta(job.etaSeconds)].filter(Boolean).join(' · ') ||
                  'Starting…'}
            </p>
            {job.current && (
              <p className="bulk-progress-current" title={job.current}>
                {job.current}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
