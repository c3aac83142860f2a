/**
 * Hybrid logical clock (Kulkarni et al.): wall milliseconds, a counter for events within one
 * millisecond (or while the wall clock lags a reading already seen), and the device id. Readings
 * are strings that sort like the clock (`model/sync.ts` HlcString), so SQLite and JS compare them
 * the same way, and two devices can never produce the same reading.
 */
import { CommonplaceError } from '../errors';

/**
 * A remote reading further ahead than this is not followed: the device's clock is wrong. Its
 * changes still merge by their readings (so every device converges), but this device's clock is
 * not dragged into the future by it.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

const MAX_COUNTER = 0xffffff;

export interface HlcReading {
  wall: number;
  counter: number;
  device: string;
}

export function formatHlc(r: HlcReading): string {
  return `${String(r.wall).padStart(13, '0')}-${r.counter.toString(16).padStart(6, '0')}-${r.device}`;
}

export function parseHlc(s: string): HlcReading {
  const m = /^(\d{13})-([0-9a-f]{6})-([0-9a-f-]{36})$/.exec(s);
  if (!m)
    throw new CommonplaceError('invalid_input', `"${s}" is not a hybrid logical clock reading`);
  return { wall: Number(m[1]), counter: parseInt(m[2]!, 16), device: m[3]! };
}

export class HybridClock {
  private wall: number;
  private counter: number;

  constructor(
    readonly device: string,
    last: string | null,
    private readonly physical: () => number = Date.now,
  ) {
    const r = last ? parseHlc(last) : { wall: 0, counter: 0 };
    this.wall = r.wall;
    this.counter = r.counter;
  }

  /**
   * A reading for a local event: later than every reading this clock has made or received.
   * `at`: when the event happened, if earlier than now (an edit taken from the change log later),
   * so that of two offline edits the later one wins even when its device synced first.
   */
  now(at?: number): string {
    const pt = at === undefined ? this.physical() : Math.min(at, this.physical());
    if (pt > this.wall) {
      this.wall = pt;
      this.counter = 0;
    } else this.bump();
    return this.current();
  }

  /** Takes in a remote reading, so local events after it sort after it (within MAX_CLOCK_AHEAD_MS). */
  receive(remote: string): void {
    const r = parseHlc(remote);
    if (r.wall > this.physical() + MAX_CLOCK_AHEAD_MS) return;
    if (r.wall > this.wall) {
      this.wall = r.wall;
      this.counter = r.counter;
    } else if (r.wall === this.wall && r.counter > this.counter) this.counter = r.counter;
  }

  /** The last reading made or received (what to persist). */
  current(): string {
    return formatHlc({ wall: this.wall, counter: this.counter, device: this.device });
  }

  private bump(): void {
    if (this.counter < MAX_COUNTER) this.counter++;
    else {
      // A counter overflow borrows the next millisecond rather than repeating a reading.
      this.wall++;
      this.counter = 0;
    }
  }
}
