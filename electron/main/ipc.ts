/**
 * The IPC side of the API: one invoke channel into the dispatcher, one event channel out.
 * Input validation happens in the dispatcher (zod, per method); here we only make sure the
 * call comes from our own page.
 */
import {
  BrowserWindow,
  dialog,
  ipcMain,
  nativeTheme,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
} from 'electron';
import type { Envelope } from '../api/contract';
import type { LibraryEvent } from '../model/events';
import type { Dispatch } from '../api/dispatch';
import type { Library } from '../core/library';
import {
  CHOOSE_FOLDER_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  SAVE_NOTE_SYNC_CHANNEL,
  SET_THEME_CHANNEL,
} from '../preload/channels';
import { ThemeSchema } from '../model/appearance';
import { isAppUrl } from './app-url';

/** The top frame of a page served from app://commonplace — never a subframe or other origin. */
export function isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** `onSyncSave`: told after each successful synchronous save (a window waiting to close on Retry). */
export function registerInvokeHandler(
  dispatch: Dispatch,
  onSyncSave?: (sender: Electron.WebContents) => void,
): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        console.warn(`refused IPC from ${event.senderFrame?.url ?? 'a closed frame'}`);
        throw new Error('commonplace: this page may not call the library');
      }
      if (typeof method !== 'string') {
        return { ok: false, error: { code: 'invalid_input', message: 'method must be a string' } };
      }
      return dispatch(method, input, 'ipc');
    },
  );
  // The page's last save of a note as its window closes: the page is blocked until the reply, so
  // the text is in the library before the window may go. Only notes.update, validated as usual.
  ipcMain.on(SAVE_NOTE_SYNC_CHANNEL, (event, input: unknown) => {
    if (!isTrustedSender(event)) {
      event.returnValue = {
        ok: false,
        error: { code: 'forbidden', message: 'this page may not call the library' },
      } satisfies Envelope<unknown>;
      return;
    }
    dispatch('notes.update', input, 'ipc').then(
      (envelope) => {
        event.returnValue = envelope;
        if (envelope.ok) onSyncSave?.(event.sender);
      },
      (e: unknown) =>
        (event.returnValue = {
          ok: false,
          error: { code: 'internal', message: String(e) },
        } satisfies Envelope<unknown>),
    );
  });
}

/** Settings → Sync's Choose…: the native folder dialog, over the window that asked. */
export function registerFolderChooser(): void {
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event): Promise<string | null> => {
    if (!isTrustedSender(event)) throw new Error('commonplace: this page may not open dialogs');
    const win = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      title: 'Choose the sync folder',
      properties: ['openDirectory', 'createDirectory'],
    };
    const r = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
    return r.canceled ? null : (r.filePaths[0] ?? null);
  });
}

/** Sends one event to one window, if it still shows our page. */
export function sendEvent(win: BrowserWindow, event: LibraryEvent): void {
  if (win.isDestroyed() || !isAppUrl(win.webContents.getURL())) return;
  win.webContents.send(EVENT_CHANNEL, event);
}

/** Forwards every library event to every window. Returns the unsubscribe function. */
export function forwardLibraryEvents(library: Library): () => void {
  return library.onEvent((event) => {
    for (const win of BrowserWindow.getAllWindows()) sendEvent(win, event);
  });
}

/**
 * The page's theme setting (Settings → Appearance) becomes the shell's: menus, dialogs and the
 * title bar follow it ('system' = the OS). Anything but one of the three themes is refused.
 */
export function registerThemeFollower(): void {
  ipcMain.on(SET_THEME_CHANNEL, (event, theme: unknown) => {
    if (!isTrustedSender(event)) {
      console.warn(`refused a theme from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return;
    }
    const parsed = ThemeSchema.safeParse(theme);
    if (!parsed.success) {
      console.warn(
        `commonplace:set-theme: theme must be system, light or dark, not ${String(JSON.stringify(theme)).slice(0, 40)}`,
      );
      return;
    }
    nativeTheme.themeSource = parsed.data;
  });
}
