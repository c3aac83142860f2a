/**
 * Telling the user that two devices' clocks disagree. Merging copes with it (hybrid logical
 * clocks), but while clocks disagree, which of two competing offline edits counts as the later one
 * can be wrong, and "edited at" times are off: the fix is the user's (automatic time).
 */
import type { Database } from 'better-sqlite3';
import type { SyncClockWarning, SyncDevice } from '../../model/sync';

/** Clocks further apart than this are wrong, not drifting (NTP keeps clocks within seconds). */
export const CLOCK_WARN_MS = 10 * 60 * 1000;

const ADVICE =
  'Edits still merge, but which of two competing edits wins can come out wrong until it is set right (automatic date and time).';

/**
 * Devices whose last segment says it was written after this device applied it: their clock runs
 * ahead of this one's. (Only "ahead" is certain: a late time could be delivery delay. The device
 * with the clock that is behind is the one that sees it, which is enough to send the user to look.)
 */
export function clockWarnings(db: Database, devices: readonly SyncDevice[]): SyncClockWarning[] {
  const warnings: SyncClockWarning[] = [];
  // A segment can't be applied before it was written: a "written" time after the moment this
  // device applied it is the other clock running ahead (delivery delay only hides some of it).
  const newest = db.prepare<[string], { written_at: string; applied_at: string }>(
    `SELECT written_at, applied_at FROM sync_applied
      WHERE device_id = ? AND written_at IS NOT NULL ORDER BY n DESC LIMIT 1`,
  );
  for (const d of devices) {
    if (d.self) continue;
    const row = newest.get(d.deviceId);
    if (!row) continue;
    const ahead = Date.parse(row.written_at) - Date.parse(row.applied_at);
    if (!(ahead > CLOCK_WARN_MS)) continue;
    warnings.push({
      deviceId: d.deviceId,
      offsetMs: ahead,
      message: `${d.name}'s clock is ${duration(ahead)} ahead of this device's (seen in the last segment it wrote). One of the two clocks is wrong. ${ADVICE}`,
    });
  }
  return warnings;
}

/** "5 hours", "40 minutes", "3 days": rounded to the unit a person would say. */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const [n, unit] =
    minutes < 90
      ? [minutes, 'minute']
      : minutes < 48 * 60
        ? [Math.round(minutes / 60), 'hour']
        : [Math.round(minutes / (24 * 60)), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
