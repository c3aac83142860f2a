/** A thin bar along the top of the reader: how far through the article the screen is. */
export function ReadingProgress({ progress }: { progress: number }) {
  const percent = Math.round(progress * 100);
  return (
    <div
      className="reader-progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% read`}
      title={`${percent}% read`}
    >
      <div className="reader-progress-bar" style={{ transform: `scaleX(${progress})` }} />
    </div>
  );
}
