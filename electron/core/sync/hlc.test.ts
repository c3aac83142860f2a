import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, MAX_CLOCK_AHEAD_MS, parseHlc } from './hlc';

const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';

describe('hybrid logical clock', () => {
  it('readings sort like the clock, as strings', () => {
    let t = 1_700_000_000_000;
    const clock = new HybridClock(A, null, () => t);
    const r1 = clock.now();
    const r2 = clock.now(); // same millisecond: the counter moves
    t -= 5000; // the wall clock steps back: readings still move forward
    const r3 = clock.now();
    t += 10_000;
    const r4 = clock.now();
    expect([r1, r2, r3, r4]).toEqual([r1, r2, r3, r4].slice().sort());
    expect(new Set([r1, r2, r3, r4]).size).toBe(4);
    expect(parseHlc(r2)).toEqual({ wall: 1_700_000_000_000, counter: 1, device: A });
    expect(formatHlc(parseHlc(r3))).toBe(r3);
  });

  it('after receiving a reading, local readings sort after it', () => {
    const slow = new HybridClock(A, null, () => 1_000_000_000_000);
    const fast = new HybridClock(B, null, () => 1_000_000_060_000);
    const remote = fast.now();
    slow.receive(remote);
    expect(slow.now() > remote).toBe(true);
  });

  it('is not dragged into the future by a device whose clock is far ahead', () => {
    const now = 1_700_000_000_000;
    const clock = new HybridClock(A, null, () => now);
    const future = formatHlc({ wall: now + MAX_CLOCK_AHEAD_MS + 1, counter: 0, device: B });
    clock.receive(future);
    expect(parseHlc(clock.now()).wall).toBe(now);
    // Hours ahead (within the bound) is followed, so later local edits still win over it.
    const hoursAhead = formatHlc({ wall: now + 3 * 3600_000, counter: 7, device: B });
    clock.receive(hoursAhead);
    expect(clock.now() > hoursAhead).toBe(true);
  });

  it('persists: a clock made from its last reading never repeats one', () => {
    const t = 1_700_000_000_000;
    const c1 = new HybridClock(A, null, () => t);
    c1.now();
    const last = c1.now();
    const c2 = new HybridClock(A, c1.current(), () => t - 1000);
    expect(c2.now() > last).toBe(true);
  });

  it('refuses what is not a reading', () => {
    expect(() => parseHlc('yesterday')).toThrow(/not a hybrid logical clock reading/);
  });
});
