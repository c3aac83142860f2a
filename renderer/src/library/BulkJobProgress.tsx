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

/** What Cancel stops, for its accessible name (“Cancel moving to the trash”). */
const doing: Record<BulkProgressEvent['action'], string> = {
  trash: 'moving to the trash',
  restore: 'restoring',
  markRead: 'changing the read state',
  addToCollection: 'adding to a collection',
  removeFromCollection: 'removing from a collection',
};

interface Props {
  jobs: readonly BulkProgressEvent[];
  onCancel: (jobId: string) => void;
}

/**
 * A bar per bulk action running as a job, above the list: the list stays usable meanwhile and
 * shows each batch as it lands. Cancel stops it after the batch in progress (what was done stays
 * done, and a trash's Undo restores it).
 */
export function BulkJobProgress({ jobs, onCancel }: Props) {
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
          meta={
            job.cancelling
              ? 'Stopping after the current batch…'
              : formatEta(job.etaSeconds) || 'Starting…'
          }
          cancel={{
            text: 'Cancel',
            label: `Cancel ${doing[job.action]}`,
            cancelling: job.cancelling,
            onCancel: () => onCancel(job.jobId),
          }}
        />
      ))}
    </div>
  );
}
