/**
 * Every keyboard shortcut of the app, in one table: the keys, what they do, and where they work.
 * The handlers match keys through it (`matchesShortcut`, `useShortcut`), the shortcuts sheet lists
 * it, and buttons name their keys from it (`ariaKeys`), so a key named anywhere is the key handled.
 */

/** One key combination. Ctrl on Windows/Linux and ⌘ on macOS are the same `mod`. */
export interface Chord {
  /** `KeyboardEvent.key`, compared case-insensitively ('k', 'F6', 'ArrowLeft', '?'). */
  key: string;
  mod?: boolean;
  /** Whether Shift is held; 'any' for keys typed with Shift on some layouts ('?', '+'). */
  shift?: boolean | 'any';
  alt?: boolean;
  /**
   * `KeyboardEvent.code` that also matches (Ctrl+Alt+letter types another character on some
   * layouts, so the physical key counts).
   */
  code?: string;
}

export type ShortcutGroup = 'General' | 'Library' | 'Reader' | 'Page view' | 'Notes';
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  'General',
  'Library',
  'Reader',
  'Page view',
  'Notes',
];

export interface Shortcut {
  label: string;
  group: ShortcutGroup;
  /** Any of these. */
  chords: readonly Chord[];
  /** Where it works, when narrower than its group says. */
  scope?: string;
}

const mod = (key: string, extra: Omit<Chord, 'key' | 'mod'> = {}): Chord => ({
  key,
  mod: true,
  ...extra,
});
const plain = (key: string, extra: Omit<Chord, 'key'> = {}): Chord => ({ key, ...extra });

export const SHORTCUTS = {
  search: { label: 'Search the library', group: 'General', chords: [mod('k')] },
  import: {
    label: 'Import files',
    group: 'General',
    chords: [mod('o')],
  },
  importFolder: {
    label: 'Import a folder',
    group: 'General',
    chords: [mod('o', { shift: true })],
    scope: 'desktop app',
  },
  export: { label: 'Export passages', group: 'General', chords: [mod('e', { shift: true })] },
  settings: { label: 'Settings', group: 'General', chords: [mod(',')] },
  shortcuts: {
    label: 'Keyboard shortcuts (this list)',
    group: 'General',
    chords: [plain('?', { shift: 'any' })],
  },
  toggleLibrary: {
    label: 'Hide or show the library',
    group: 'General',
    chords: [mod('l', { shift: true })],
  },
  nextPane: { label: 'Next pane', group: 'General', chords: [plain('F6')] },
  previousPane: {
    label: 'Previous pane',
    group: 'General',
    chords: [plain('F6', { shift: true })],
  },
  back: { label: 'Back', group: 'General', chords: [plain('ArrowLeft', { alt: true })] },
  forward: { label: 'Forward', group: 'General', chords: [plain('ArrowRight', { alt: true })] },
  undo: {
    label: 'Undo the last passage action or deletion',
    group: 'General',
    chords: [mod('z')],
  },
  redo: {
    label: 'Redo',
    group: 'General',
    chords: [mod('z', { shift: true }), mod('y')],
  },
  filterLibrary: {
    label: 'Filter the library (Esc clears)',
    group: 'Library',
    chords: [plain('/', { shift: 'any' }), mod('f')],
    scope: 'in the library list',
  },
  moveRow: {
    label: 'Move through the list',
    group: 'Library',
    chords: [plain('ArrowDown'), plain('ArrowUp'), plain('Home'), plain('End')],
  },
  openRow: { label: 'Open the article', group: 'Library', chords: [plain('Enter')] },
  trashRow: { label: 'Move to trash', group: 'Library', chords: [plain('Delete')] },
  rowMenu: {
    label: 'Row menu (mark read, collections, trash…)',
    group: 'Library',
    chords: [plain('ContextMenu'), plain('F10', { shift: true })],
  },
  highlight: {
    label: 'Highlight the selection',
    group: 'Reader',
    chords: [plain('h'), mod('h', { shift: true })],
  },
  selectText: {
    label: 'Select text (Ctrl/Alt for words)',
    group: 'Reader',
    chords: [
      plain('ArrowRight', { shift: true }),
      plain('ArrowLeft', { shift: true }),
      plain('ArrowDown', { shift: true }),
      plain('ArrowUp', { shift: true }),
    ],
  },
  caretMode: {
    label: 'Caret mode: a caret the arrows move, Shift+arrows select',
    group: 'Reader',
    chords: [plain('F7')],
  },
  findInArticle: { label: 'Find in the article', group: 'Reader', chords: [mod('f')] },
  pageView: {
    label: 'Switch between the text and the page view',
    group: 'Reader',
    chords: [mod('p', { alt: true, code: 'KeyP' })],
    scope: 'PDFs',
  },
  nextPage: { label: 'Next page', group: 'Page view', chords: [plain('PageDown')] },
  previousPage: { label: 'Previous page', group: 'Page view', chords: [plain('PageUp')] },
  firstPage: { label: 'First page', group: 'Page view', chords: [plain('Home')] },
  lastPage: { label: 'Last page', group: 'Page view', chords: [plain('End')] },
  zoomIn: {
    label: 'Zoom in',
    group: 'Page view',
    chords: [mod('=', { shift: 'any' }), mod('+', { shift: 'any' })],
  },
  zoomOut: { label: 'Zoom out', group: 'Page view', chords: [mod('-')] },
  zoomFit: { label: 'Fit the width', group: 'Page view', chords: [mod('0')] },
  newNote: {
    label: 'New note',
    group: 'Notes',
    chords: [mod('n', { alt: true, code: 'KeyN' })],
  },
} as const satisfies Record<string, Shortcut>;

export type ShortcutId = keyof typeof SHORTCUTS;

export function matchesChord(event: KeyboardEvent, chord: Chord): boolean {
  if ((event.ctrlKey || event.metaKey) !== (chord.mod ?? false)) return false;
  if (event.altKey !== (chord.alt ?? false)) return false;
  const shift = chord.shift ?? false;
  if (shift !== 'any' && event.shiftKey !== shift) return false;
  return (
    event.key.toLowerCase() === chord.key.toLowerCase() ||
    (chord.code !== undefined && event.code === chord.code)
  );
}

/** Whether `event` is one of the shortcut's chords. */
export function matchesShortcut(event: KeyboardEvent, id: ShortcutId): boolean {
  const chords: readonly Chord[] = SHORTCUTS[id].chords;
  return chords.some((chord) => matchesChord(event, chord));
}

export const isMac = (): boolean => /mac/i.test(navigator.platform);

const KEY_NAMES: Record<string, [pc: string, mac: string]> = {
  ArrowLeft: ['←', '←'],
  ArrowRight: ['→', '→'],
  ArrowUp: ['↑', '↑'],
  ArrowDown: ['↓', '↓'],
  PageUp: ['Page Up', 'Page Up'],
  PageDown: ['Page Down', 'Page Down'],
  ContextMenu: ['Menu', 'Menu'],
  Delete: ['Delete', '⌦'],
  Enter: ['Enter', '↩'],
};

/** The keys as people read them: "Ctrl+Shift+E" elsewhere, "⌘⇧E" on macOS. */
export function chordLabel(chord: Chord, mac: boolean): string {
  const names = KEY_NAMES[chord.key];
  const key = names
    ? names[mac ? 1 : 0]
    : chord.key.length === 1
      ? chord.key.toUpperCase()
      : chord.key;
  const parts: string[] = [];
  if (mac) {
    if (chord.alt) parts.push('⌥');
    if (chord.shift === true) parts.push('⇧');
    if (chord.mod) parts.push('⌘');
    return parts.join('') + key;
  }
  if (chord.mod) parts.push('Ctrl');
  if (chord.alt) parts.push('Alt');
  if (chord.shift === true) parts.push('Shift');
  return [...parts, key].join('+');
}

/** `aria-keyshortcuts` for a shortcut (its chords, space-separated, in the ARIA key names). */
export function ariaKeys(id: ShortcutId, mac: boolean): string {
  const chords: readonly Chord[] = SHORTCUTS[id].chords;
  return chords
    .map((chord) => {
      const parts: string[] = [];
      if (chord.mod) parts.push(mac ? 'Meta' : 'Control');
      if (chord.alt) parts.push('Alt');
      if (chord.shift === true) parts.push('Shift');
      parts.push(chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
      return parts.join('+');
    })
    .join(' ');
}
