import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../test/temp';
import { placeWindow, readWindowState, WINDOW_STATE_FILE, writeWindowState } from './window-state';

const tempDir = useTempDir();
const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('placeWindow', () => {
  it('keeps a place that is on a display', () => {
    expect(
      placeWindow({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop, rightMonitor]),
    ).toEqual({ x: 1600, y: 100, width: 1200, height: 800 });
  });

  it('centres the saved size on the primary display when its display is gone', () => {
    expect(placeWindow({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({
      x: 120,
      y: 63,
      width: 1200,
      height: 800,
    });
  });

  it('moves and shrinks a window that hangs off its display into the work area', () => {
    const placed = placeWindow({ x: 1000, y: -40, width: 2000, height: 1200 }, [laptop])!;
    expect(placed).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
    // A window with only a sliver on screen (less than 100 px square) is brought back whole.
    expect(placeWindow({ x: 1400, y: 800, width: 800, height: 600 }, [laptop])).toEqual({
      x: 320,
      y: 163,
      width: 800,
      height: 600,
    });
  });

  it('lets the OS place a window with no saved place, or no display known', () => {
    expect(placeWindow(null, [laptop])).toBeNull();
    expect(placeWindow({ x: 0, y: 0, width: 800, height: 600 }, [])).toBeNull();
  });
});

describe('the window-state file', () => {
  it('round-trips, written atomically (no temp file left)', () => {
    const dir = tempDir();
    writeWindowState(dir, { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true });
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    expect(readWindowState(dir)).toEqual({
      bounds: { x: 10, y: 20, width: 900, height: 700 },
      maximized: true,
    });
    expect(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8').endsWith('\n')).toBe(true);
  });

  it('reads nothing from a missing, damaged or out-of-range file, and says why in the log', () => {
    const dir = tempDir();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(readWindowState(dir)).toBeNull();
      for (const text of [
        '{',
        '[]',
        '{"bounds":{"x":0,"y":0,"width":0,"height":600},"maximized":false}',
        '{"bounds":{"x":1e9,"y":0,"width":800,"height":600},"maximized":false}',
        '{"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":"yes"}',
      ]) {
        writeFileSync(join(dir, WINDOW_STATE_FILE), text);
        expect(readWindowState(dir), text).toBeNull();
      }
      expect(warn).toHaveBeenCalledTimes(5);
      expect(String(warn.mock.calls[0]![0])).toContain(`${WINDOW_STATE_FILE}: not JSON`);
    } finally {
      warn.mockRestore();
    }
  });
});
