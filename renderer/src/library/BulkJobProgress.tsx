import type { BulkProgressEvent } from '../../../electron/model/library';
import { ProgressPanel } from '../app/ProgressPanel';
import { formatEta } from '../import/bulk/formatProgress';

const count = new Intl.NumberFormat();

/** “Moving 1,500 of 100,000 articles to the trash”. */
function progressText({ action, done, total }: BulkProgressEvent): string {
  const of = `${count.format(done)} of ${count.format(total)} articles`;
  switch (action) {
    case 'trash':
      return `Moving ${of} to the trash`;
    case 'restore':
      return `Restoring ${of}`;
    case 'markRead':
      return `Changing the read state of ${of}`;
    case 'addToCollection':
      return `Adding ${of} to a collection`;
    case 'removeFromCollection':
      return `Removing ${of} from a collection`;
  }
}

/**
 * A bar per bulk action running as a job, above the list: the list stays usable meanwhile and
 * shows each batch as it lands.
 */
export function BulkJobProgress({ jobs }: { jobs: readonly BulkProgressEvent[] }) {
  if (jobs.length === 0) return null;
  return (
    <div className="library-jobs">
      {jobs.map((job) => (
        <ProgressPanel
          key={job.jobId}
          jobId={job.jobId}
          className="is-inline"
          label="Library action progress"
          count={progressText(job)}
          done={job.done}
          total={job.total}
          meta={formatEta(job.etaSeconds) || 'Starting…'}
        />
      ))}
    </div>
  );
}
