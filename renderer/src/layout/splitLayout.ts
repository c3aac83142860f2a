/**
 * The split view's layout (how wide the reader is beside the note, and which note is open),
 * remembered in localStorage across reloads and restarts. Pure, so it is tested without a DOM.
 */
import { windowStorage } from '../app/windowStorage';

export interface SplitLayout {
  /** The reader's share of the width, 0.2–0.8. */
  ratio: number;
  /** The note open beside the reader, or null. */
  noteId: string | null;
}

export const LAYOUT_KEY = 'commonplace.split-layout';
export const MIN_RATIO = 0.2;
export const MAX_RATIO = 0.8;
/** 0.62: beside a note in a 1400 px window the reader still holds ~60 characters a line. */
export const DEFAULT_LAYOUT: SplitLayout = { ratio: 0.62, noteId: null };
/** One arrow key press moves the divider this much; Page Up/Down ten times as much. */
export const KEY_STEP = 0.02;

export function clampRatio(ratio: number): number {
  if (!Number.isFinite(ratio)) return DEFAULT_LAYOUT.ratio;
  return Math.min(MAX_RATIO, Math.max(MIN_RATIO, ratio));
}

/** Whatever is stored (other versions, hand edits, garbage) becomes a valid layout. */
export function parseLayout(stored: string | null): SplitLayout {
  if (!stored) return DEFAULT_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_LAYOUT;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_LAYOUT;
  const record = value as Record<string, unknown>;
  const ratio = typeof record.ratio === 'number' ? clampRatio(record.ratio) : DEFAULT_LAYOUT.ratio;
  const noteId =
    typeof record.noteId === 'string' && /^[0-9a-f-]{36}$/.test(record.noteId)
      ? record.noteId
      : null;
  return { ratio, noteId };
}

export function loadLayout(
  storage: Pick<Storage, 'getItem'> | null = windowStorage(),
): SplitLayout {
  try {
    return parseLayout(storage?.getItem(LAYOUT_KEY) ?? null);
  } catch {
    return DEFAULT_LAYOUT;
  }
}

export function saveLayout(
  layout: SplitLayout,
  storage: Pick<Storage, 'setItem'> | null = windowStorage(),
): void {
  try {
    storage?.setItem(
      LAYOUT_KEY,
      JSON.stringify({ ratio: clampRatio(layout.ratio), noteId: layout.noteId }),
    );
  } catch {
    // Storage full or disabled: the layout just isn't remembered.
  }
}

/** The ratio after a key press on the divider, or null for keys it ignores. */
export function ratioForKey(key: string, ratio: number): number | null {
  switch (key) {
    case 'ArrowLeft':
      return clampRatio(ratio - KEY_STEP);
    case 'ArrowRight':
      return clampRatio(ratio + KEY_STEP);
    case 'PageUp':
      return clampRatio(ratio - KEY_STEP * 10);
    case 'PageDown':
      return clampRatio(ratio + KEY_STEP * 10);
    case 'Home':
      return MIN_RATIO;
    case 'End':
      return MAX_RATIO;
    default:
      return null;
  }
}
