/** Rate and time left of a running job, from a short window of (time, files done) samples. */

const WINDOW_MS = 5_000;

export class RateMeter {
  private samples: { at: number; done: number }[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Records that `done` files are finished now; returns files per second over the window. */
  sample(done: number): number {
    const at = this.now();
    this.samples.push({ at, done });
    while (this.samples.length > 2 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
    return this.rate();
  }

  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.at <= first.at) return 0;
    return ((last.done - first.done) * 1000) / (last.at - first.at);
  }
}

/** Seconds left at `rate` files/s; null while there is no rate to go by. */
export function etaSeconds(done: number, total: number, rate: number): number | null {
  if (done >= total) return 0;
  if (!(rate > 0)) return null;
  return Math.ceil((total - done) / rate);
}
