/**
 * The main window: sandboxed, context-isolated renderer with only the preload's bridge, loaded
 * from app://commonplace. It reopens where it was left (window-state.ts), asks before a failed
 * save is thrown away, and offers to reload when its page crashes.
 */
import { app, BrowserWindow, dialog, screen } from 'electron';
import { APP_NAME } from '../core/paths';
import { RENDERER_ENTRY_URL } from './app-url';
import { sendEvent } from './ipc';
import { pageGone, watchPage } from './renderer-outbox';
import {
  DEFAULT_SIZE,
  MIN_SIZE,
  placeWindow,
  readWindowState,
  writeWindowState,
} from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** Development build: DevTools allowed. */
  isDev: boolean;
  /** Where the window's size and position are remembered (app.getPath('userData')). */
  userData: string;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const saved = readWindowState(opts.userData);
  const placed = placeWindow(
    saved?.bounds ?? null,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    title: APP_NAME,
    ...(placed ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: opts.isDev,
      // macOS and Windows check spelling with the OS; on Linux Chromium would download
      // Hunspell dictionaries from the network, which an offline app must not do.
      spellcheck: process.platform !== 'linux',
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => rememberPlace(win, opts.userData));
  watchPage(win);
  win.webContents.on('did-fail-load', (_event, code, description, url) => {
    console.error(`renderer failed to load ${url}: ${description} (${code})`);
    if (!win.isVisible()) win.show();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
    pageGone(win.webContents);
    if (details.reason !== 'clean-exit') offerReload(win, details.reason);
  });
  win.webContents.on('will-prevent-unload', (event) => {
    if (askAboutUnsavedNote(win) === 'discard') event.preventDefault();
  });
  win
    .loadURL(RENDERER_ENTRY_URL)
    .catch((e: unknown) => console.error('could not load the renderer:', e));
  return win;
}

function rememberPlace(win: BrowserWindow, userData: string): void {
  try {
    writeWindowState(userData, { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  } catch (e) {
    // A read-only or full disk must not keep the window open.
    console.warn(`could not remember the window's place: ${String(e)}`);
  }
}

/** A crashed page leaves a blank window: say so and offer to load it again. */
function offerReload(win: BrowserWindow, reason: string): void {
  dialog
    .showMessageBox(win, {
      type: 'error',
      message: `The ${APP_NAME} window stopped working`,
      detail: `Its page ended unexpectedly (${reason}). Your library is safe on disk; reload to carry on.`,
      buttons: ['Reload', 'Close Window'],
      defaultId: 0,
      cancelId: 1,
    })
    .then(({ response }) => {
      if (win.isDestroyed()) return;
      if (response === 0)
        win
          .loadURL(RENDERER_ENTRY_URL)
          .catch((e: unknown) => console.error('could not reload the renderer:', e));
      else win.destroy();
    })
    .catch((e: unknown) => console.error('could not offer to reload:', e));
}

/** Windows whose page was asked to save again (Retry): they close once a save succeeds. */
const retrying = new WeakSet<Electron.WebContents>();
/**
 * A quit is under way (before-quit went through). A page that refuses to unload cancels it; after
 * a retried save closes the window the quit goes on — on macOS closing the last window would not.
 */
let quitting = false;

export function quitStarted(): void {
  quitting = true;
}

/**
 * The page refused to unload because saving a note failed (renderer/src/notes/exitFlush.ts).
 * Synchronous: the answer decides whether this unload goes ahead.
 */
function askAboutUnsavedNote(win: BrowserWindow): 'retry' | 'discard' | 'cancel' {
  const choice = dialog.showMessageBoxSync(win, {
    type: 'warning',
    message: 'Your note could not be saved',
    detail:
      'The last changes to the note you were editing are not in the library yet. Retry saving, discard those changes and close, or cancel to keep the window open (and copy the text somewhere safe).',
    buttons: ['Retry', 'Discard and Close', 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  });
  if (choice === 1) return 'discard';
  if (choice === 0) {
    retrying.add(win.webContents);
    sendEvent(win, { type: 'retry-save' });
    return 'retry';
  }
  quitting = false;
  return 'cancel';
}

/** A note was saved synchronously (ipc.ts): a window waiting on Retry may close now. */
export function noteSavedSync(contents: Electron.WebContents): void {
  if (!retrying.delete(contents)) return;
  const win = BrowserWindow.fromWebContents(contents);
  // After the sync reply: the page is still inside its save call.
  setImmediate(() => {
    if (win && !win.isDestroyed()) win.close();
    if (quitting) app.quit();
  });
}

/** Brings a window to the front (second launch, dock click). */
export function reveal(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
