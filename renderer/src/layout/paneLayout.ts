/**
 * The library pane's width and whether it is collapsed, remembered in localStorage across reloads
 * and restarts. Pure (storage passed in), so it is tested without a DOM.
 */
import { windowStorage } from '../app/windowStorage';

export interface PaneLayout {
  /** The library pane's width when shown, in CSS pixels at the default root size (16 px). */
  width: number;
  collapsed: boolean;
}

export const PANE_LAYOUT_KEY = 'commonplace.pane-layout';
/** Narrower, and a row's title and date no longer fit; wider, and the reader loses its measure. */
export const MIN_LIBRARY_WIDTH = 224;
export const MAX_LIBRARY_WIDTH = 560;
/** 17rem: leaves the reader beside an open note ~60 characters wide in a 1400 px window. */
export const DEFAULT_PANE_LAYOUT: PaneLayout = { width: 272, collapsed: false };
/** One arrow key press moves the splitter this much; Page Up/Down four times as much. */
export const WIDTH_STEP = 16;

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return DEFAULT_PANE_LAYOUT.width;
  return Math.round(Math.min(MAX_LIBRARY_WIDTH, Math.max(MIN_LIBRARY_WIDTH, width)));
}

/** Whatever is stored (other versions, hand edits, garbage) becomes a valid layout. */
export function parsePaneLayout(stored: string | null): PaneLayout {
  if (!stored) return DEFAULT_PANE_LAYOUT;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_PANE_LAYOUT;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_PANE_LAYOUT;
  const record = value as Record<string, unknown>;
  return {
    width: typeof record.width === 'number' ? clampWidth(record.width) : DEFAULT_PANE_LAYOUT.width,
    collapsed: record.collapsed === true,
  };
}

export function loadPaneLayout(
  storage: Pick<Storage, 'getItem'> | null = windowStorage(),
): PaneLayout {
  try {
    return parsePaneLayout(storage?.getItem(PANE_LAYOUT_KEY) ?? null);
  } catch {
    return DEFAULT_PANE_LAYOUT;
  }
}

export function savePaneLayout(
  layout: PaneLayout,
  storage: Pick<Storage, 'setItem'> | null = windowStorage(),
): void {
  try {
    storage?.setItem(
      PANE_LAYOUT_KEY,
      JSON.stringify({ width: clampWidth(layout.width), collapsed: layout.collapsed }),
    );
  } catch {
    // Storage full or disabled: the layout lasts this session only.
  }
}

/**
 * The layout after a key on the splitter (the WAI-ARIA window splitter pattern), or null for keys
 * it ignores: arrows move it, Home/End go to the narrowest/widest, Enter collapses and restores.
 * A move on a collapsed pane opens it at its remembered width first.
 */
export function paneLayoutForKey(key: string, layout: PaneLayout): PaneLayout | null {
  const open = (width: number): PaneLayout => ({ width: clampWidth(width), collapsed: false });
  const from = layout.collapsed ? null : layout.width;
  switch (key) {
    case 'Enter':
      return { ...layout, collapsed: !layout.collapsed };
    case 'ArrowLeft':
      return from === null ? null : open(from - WIDTH_STEP);
    case 'ArrowRight':
      return open(from === null ? layout.width : from + WIDTH_STEP);
    case 'PageUp':
      return from === null ? null : open(from - WIDTH_STEP * 4);
    case 'PageDown':
      return open(from === null ? layout.width : from + WIDTH_STEP * 4);
    case 'Home':
      return open(MIN_LIBRARY_WIDTH);
    case 'End':
      return open(MAX_LIBRARY_WIDTH);
    default:
      return null;
  }
}
