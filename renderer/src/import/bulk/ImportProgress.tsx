import { ProgressPanel } from '../../app/ProgressPanel';
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
      {jobs.map((job) => (
        <ProgressPanel
          key={job.jobId}
          jobId={job.jobId}
          label="Import progress"
          count={`Importing ${job.done.toLocaleString()} of ${job.total.toLocaleString()} files`}
          done={job.done}
          total={job.total}
          cancel={{
            text: 'Cancel import',
            cancelling: job.cancelling,
            onCancel: () => onCancel(job.jobId),
          }}
          meta={
            job.cancelling
              ? 'Stopping after the current file…'
              : [formatRate(job.rate), formatEta(job.etaSeconds)].filter(Boolean).join(' · ') ||
                'Starting…'
          }
        >
          {job.current && (
            <p className="bulk-progress-current" title={job.current}>
              {job.current}
            </p>
          )}
        </ProgressPanel>
      ))}
    </div>
  );
}
