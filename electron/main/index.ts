/**
 * Electron main process: app lifecycle only. The library, the API and its validation live in
 * electron/core and electron/api and run the same under the CLI and web mode.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { createDispatcher, type Dispatch } from '../api/dispatch';
import { createHandlers } from '../api/handlers';
import { errorMessage } from '../core/errors';
import { openLibrary, type Library } from '../core/library';
import { APP_NAME, defaultUserDataDir } from '../core/paths';
import { importWithDialog } from './import-command';
import { configureBulkImport } from '../api/handlers/bulkImport';
import { forwardLibraryEvents, registerInvokeHandler, sendEvent } from './ipc';
import { backupWithDialog } from './backup-command';
import { openDeepLinkFromArgv, registerDeepLinks, startDeepLinks } from './deep-link-main';
import { buildAppMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { startupConfig } from './startup-config';
import { installSystemViewer } from './system-viewer';
import { createMainWindow, reveal } from './window';

// out/main/index.js → out/preload/index.js and out/renderer/ (electron-vite's layout).
const PRELOAD_PATH = join(__dirname, '../preload/index.js');
const RENDERER_DIR = join(__dirname, '../renderer');

const isDev = !app.isPackaged;

// Everything up to `ready` must happen synchronously at load.
// userData is fixed before anything reads it: Electron computes it from the package name
// ("commonplace") when run unpackaged, and app.setName() does not recompute it. The CLI
// computes the same folder without Electron, so both find the same library.
app.setName(APP_NAME);
app.setPath('userData', defaultUserDataDir());
app.enableSandbox();
registerAppScheme();
hardenAllWebContents();
registerDeepLinks();

let library: Library | undefined;
let dispatch: Dispatch | undefined;

function openWindow(): BrowserWindow {
  return createMainWindow({ preloadPath: PRELOAD_PATH, isDev });
}

function fail(title: string, e: unknown): void {
  console.error(`${title}:`, e);
  dialog.showErrorBox(title, errorMessage(e));
  app.exit(1);
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, { allowDevtools: isDev });
  serveRenderer(RENDERER_DIR);

  const config = startupConfig(process.env, app.getPath('userData'), app.isPackaged);
  try {
    library = openLibrary(config.libraryPath, config.nativeBinding ? { nativeBinding: config.nativeBinding } : {});
  } catch (e) {
    // CommonplaceError('native_module') says which runtime better-sqlite3 was built for and how to fix it.
    fail(`${APP_NAME} cannot open its library`, e);
    return;
  }
  installSystemViewer();
  // Import workers open the library with the same better-sqlite3 build as this process.
  configureBulkImport({ nativeBinding: config.nativeBinding });
  const activeDispatch = createDispatcher(createHandlers(library), library);
  dispatch = activeDispatch;
  registerInvokeHandler(activeDispatch);
  forwardLibraryEvents(library);

  app.setAboutPanelOptions({
    applicationName: APP_NAME,
    applicationVersion: app.getVersion(),
    credits: `An offline research notebook.\nLibrary: ${library.path}`,
  });
  Menu.setApplicationMenu(
    buildAppMenu({
      isDev,
      importFiles: (win) => {
        importWithDialog(win ?? BrowserWindow.getFocusedWindow() ?? undefined, activeDispatch).catch((e: unknown) =>
          dialog.showErrorBox('Import failed', errorMessage(e)),
        );
      },
      importFolders: (win) => {
        importWithDialog(win ?? BrowserWindow.getFocusedWindow() ?? undefined, activeDispatch, true).catch((e: unknown) =>
          dialog.showErrorBox('Import failed', errorMessage(e)),
        );
      },
      exportPassages: (win) => {
        const target = win ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (target) sendEvent(target, { type: 'open-export' });
      },
      backupLibrary: (win) => {
        backupWithDialog(win ?? BrowserWindow.getFocusedWindow() ?? undefined, activeDispatch).catch((e: unknown) => dialog.showErrorBox('Backup failed', errorMessage(e)));
      },
    }),
  );

  openWindow();
  startDeepLinks({ window: () => BrowserWindow.getAllWindows()[0] ?? null, reveal, send: sendEvent });
}

if (!app.requestSingleInstanceLock()) {
  // Another Commonplace owns the library; it was told to come to the front (second-instance).
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    // A commonplace:// link opened while the app runs arrives as the second launch's argv.
    openDeepLinkFromArgv(argv);
    if (!dispatch) return; // still starting: its own window is about to appear
    const win = BrowserWindow.getAllWindows()[0];
    if (win) reveal(win);
    else openWindow();
  });
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open makes a new one.
    if (dispatch && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    library?.close();
    library = undefined;
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fail(`${APP_NAME} could not start`, e));
}
