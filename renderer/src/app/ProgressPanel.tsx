import type { ReactNode } from 'react';

/** Cancel, the same for every kind of job (an import, a bulk action). */
interface Cancel {
  /** Its text ("Cancel import"). */
  text: string;
  /** Its accessible name when the text alone is too short to say what it stops. */
  label?: string;
  /** Asked to stop, not stopped yet: the button says so and does nothing more. */
  cancelling: boolean;
  onCancel: () => void;
}

interface Props {
  /** The region's name ("Import progress"). */
  label: string;
  /** How far it got, in words ("Importing 40 of 2,000 files"): the heading and the bar's name. */
  count: string;
  done: number;
  total: number;
  /** Rate, time left or state, under the bar. */
  meta: string;
  /** The job's Cancel button, if it can be stopped. */
  cancel?: Cancel;
  className?: string;
  jobId: string;
  children?: ReactNode;
}

/**
 * A long job's progress (a bulk import, a bulk action on thousands of articles): its count, a
 * progress bar and a line under it. Not modal: the app stays usable meanwhile.
 */
export function ProgressPanel({
  label,
  count,
  done,
  total,
  meta,
  cancel,
  className,
  jobId,
  children,
}: Props) {
  return (
    <section
      className={className ? `bulk-progress ${className}` : 'bulk-progress'}
      aria-label={label}
      data-job={jobId}
    >
      <div className="bulk-progress-head">
        <p className="bulk-progress-count">{count}</p>
        {cancel && (
          <button
            type="button"
            // Not `disabled` while it stops: a keyboard user's focus stays on it.
            aria-disabled={cancel.cancelling}
            aria-label={cancel.cancelling ? undefined : cancel.label}
            onClick={() => cancel.cancelling || cancel.onCancel()}
          >
            {cancel.cancelling ? 'Stopping…' : cancel.text}
          </button>
        )}
      </div>
      <progress max={Math.max(1, total)} value={done} aria-label={count} />
      <p className="bulk-progress-meta">{meta}</p>
      {children}
    </section>
  );
}
