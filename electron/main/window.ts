/**
 * The main window: sandboxed, context-isolated renderer with only the preload's bridge,
 * loaded from app://commonplace.
 */
import { BrowserWindow } from 'electron';
import { APP_NAME } from '../core/paths';
import { RENDERER_ENTRY_URL } from './app-url';

export interface MainWindowOptions {
  preloadPath: string;
  /** Development build: DevTools allowed. */
  isDev: boolean;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_NAME,
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 420,
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
  win.once('ready-to-show', () => win.show());
  win.webContents.on('did-fail-load', (_event, code, description, url) => {
    console.error(`renderer failed to load ${url}: ${description} (${code})`);
    if (!win.isVisible()) win.show();
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  win.loadURL(RENDERER_ENTRY_URL).catch((e: unknown) => console.error('could not load the renderer:', e));
  return win;
}

/** Brings a window to the front (second launch, dock click). */
export function reveal(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  if (!win.isVisible()) win.show();
  win.focus();
}
