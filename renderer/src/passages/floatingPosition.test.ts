import { describe, expect, it } from 'vitest';
import { floatingPosition } from './floatingPosition';

const viewport = { width: 1000, height: 800 };
const size = { width: 200, height: 40 };

describe('floatingPosition', () => {
  it('sits centred above the anchor when there is room', () => {
    expect(
      floatingPosition({ top: 300, bottom: 320, left: 400, width: 100 }, size, viewport),
    ).toEqual({ top: 252, left: 350 });
  });

  it('goes below when the anchor is near the top, and stays inside the viewport', () => {
    expect(floatingPosition({ top: 20, bottom: 40, left: -50, width: 60 }, size, viewport)).toEqual(
      { top: 48, left: 8 },
    );
    expect(
      floatingPosition({ top: 20, bottom: 790, left: 990, width: 30 }, size, viewport),
    ).toEqual({ top: 752, left: 792 });
  });

  it('stays inside the viewport when the anchor lies below it, or the box is taller than it', () => {
    // A mark scrolled out below the window: above it would be off-screen too.
    expect(
      floatingPosition({ top: 1200, bottom: 1220, left: 400, width: 100 }, size, viewport),
    ).toEqual({ top: 752, left: 350 });
    expect(
      floatingPosition(
        { top: 500, bottom: 520, left: 400, width: 100 },
        { width: 200, height: 900 },
        viewport,
      ),
    ).toEqual({ top: 8, left: 350 });
  });
});
