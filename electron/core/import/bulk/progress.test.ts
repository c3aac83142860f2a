import { describe, expect, it } from 'vitest';
import { etaSeconds, RateMeter } from './progress';

describe('RateMeter and etaSeconds', () => {
  it('measures files per second over the recent window, not since the start', () => {
    let now = 0;
    const meter = new RateMeter(() => now);
    expect(meter.sample(0)).toBe(0);
    now = 1000;
    expect(meter.sample(10)).toBe(10);
    // A slow stretch: after the window slides past the fast start, the rate follows.
    for (let t = 2000; t <= 12_000; t += 1000) {
      now = t;
      meter.sample(10 + (t - 1000) / 1000);
    }
    expect(meter.rate()).toBeCloseTo(1, 5);
  });

  it('says how long is left, or that it cannot tell yet', () => {
    expect(etaSeconds(0, 100, 0)).toBeNull();
    expect(etaSeconds(50, 100, 10)).toBe(5);
    expect(etaSeconds(99, 100, 3)).toBe(1);
    expect(etaSeconds(100, 100, 0)).toBe(0);
  });
});
