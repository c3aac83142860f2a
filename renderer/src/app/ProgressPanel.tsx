import type { ReactNode } from 'react';

interface Props {
  /** The region's name ("Import progress"). */
  label: string;
  /** How far it got, in words ("Importing 40 of 2,000 files"): the heading and the bar's name. */
  count: string;
  done: number;
  total: number;
  /** Rate, time left or state, under the bar. */
  meta: string;
  /** A button beside the count (Cancel), if any. */
  action?: ReactNode;
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
  action,
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
        {action}
      </div>
      <progress max={Math.max(1, total)} value={done} aria-label={count} />
      <p className="bulk-progress-meta">{meta}</p>
      {children}
    </section>
  );
}
