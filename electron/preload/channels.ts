/**
 * The IPC channels between the preload and the main process. Runtime-neutral constants
 * (the sandboxed preload may import nothing but 'electron', so this file imports nothing).
 */
/** renderer → main: `(method: string, input: unknown)` → `Envelope<unknown>` */
export const INVOKE_CHANNEL = 'commonplace:invoke';
/** main → renderer: one `LibraryEvent` per message */
export const EVENT_CHANNEL = 'commonplace:event';
/**
 * renderer → main, synchronous: `(input: notes.update input)` → `Envelope<unknown>`. Only for the
 * last save of a note as the window closes, when an async call would die with the page.
 */
export const SAVE_NOTE_SYNC_CHANNEL = 'commonplace:save-note-sync';
/**
 * renderer → main, one-way, no payload: the page listens for events now (`rendererReady`); main
 * sends the `navigate` events it held for this window.
 */
export const RENDERER_READY_CHANNEL = 'commonplace:renderer-ready';
/** renderer → main, no payload → the folder chosen in the native dialog (string), or null. */
export const CHOOSE_FOLDER_CHANNEL = 'commonplace:choose-folder';
/**
 * renderer → main, one-way: `(theme: 'system' | 'light' | 'dark')`, the page's theme setting, for
 * `nativeTheme.themeSource` (menus, dialogs and the title bar follow it).
 */
export const SET_THEME_CHANNEL = 'commonplace:set-theme';
