/** Words for a running import's rate and time left. */

export function formatRate(filesPerSecond: number): string {
  if (!(filesPerSecond > 0)) return '';
  const n =
    filesPerSecond >= 10 ? Math.round(filesPerSecond).toLocaleString() : filesPerSecond.toFixed(1);
  return `${n} files/s`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds <= 0) return 'almost done';
  if (seconds < 60) return `about ${Math.ceil(seconds)} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

export function formatElapsed(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
