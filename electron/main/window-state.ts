/**
 * The main window's size, position and maximised state, remembered between runs in a small JSON
 * file in userData. Runtime-neutral (the display list is passed in), so it is unit-tested.
 *
 * The file is written atomically (temp file + rename: a crash never leaves half a file) and
 * validated when read (anything odd → the defaults). A saved position is clamped to a display
 * that still exists: a window must never open off-screen after a monitor was unplugged.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
export const MIN_SIZE = { width: 640, height: 420 } as const;
/** How much of a window must lie on a display for its saved position to be kept. */
const MIN_VISIBLE = 100;
const MAX_COORD = 100_000;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const Coord = z.number().int().min(-MAX_COORD).max(MAX_COORD);
const Size = z.number().int().min(1).max(MAX_COORD);
const WindowStateSchema = z.object({
  bounds: z.object({ x: Coord, y: Coord, width: Size, height: Size }),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof WindowStateSchema>;

/** The saved state, or null when there is none or it is not valid (the reason goes to the log). */
export function readWindowState(userData: string): WindowState | null {
  const file = join(userData, WINDOW_STATE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn(`${file}: not JSON; using the default window size`);
    return null;
  }
  const parsed = WindowStateSchema.safeParse(json);
  if (!parsed.success) {
    console.warn(
      `${file}: ${parsed.error.issues[0]?.path.join('.') ?? ''} is not valid; using the default window size`,
    );
    return null;
  }
  return parsed.data;
}

export function writeWindowState(userData: string, state: WindowState): void {
  const file = join(userData, WINDOW_STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampInto(bounds: Rect, area: Rect): Rect {
  const width = Math.max(Math.min(bounds.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(
    Math.min(bounds.height, area.height),
    Math.min(MIN_SIZE.height, area.height),
  );
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

function centred(area: Rect, size: { width: number; height: number }): Rect {
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window: the saved bounds moved and shrunk into the work area of the display
 * they overlap most; when they overlap none enough (that display is gone), the saved size
 * centred on the primary display (the first). Null = let the OS place a default-size window.
 */
export function placeWindow(saved: Rect | null, workAreas: readonly Rect[]): Rect | null {
  const primary = workAreas[0];
  if (!primary) return null;
  if (!saved) return null;
  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap(saved, area);
    if (o > bestOverlap) {
      best = area;
      bestOverlap = o;
    }
  }
  const visible = best
    ? Math.min(saved.width, best.width, MIN_VISIBLE) *
      Math.min(saved.height, best.height, MIN_VISIBLE)
    : 0;
  if (!best || bestOverlap < visible) return centred(primary, saved);
  return clampInto(saved, best);
}
