/**
 * Electron main process: app lifecycle only. The library, the API and its validation live in
 * electron/core and electron/api and run the same under the CLI and web mode.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { createDispatcher, type Dispatch } from '../api/dispatch';
import { createHandlers, createServices, type Services } from '../api/handlers';
import { errorMessage, isCommonplaceError } from '../core/errors';
import { openLibrary, type Library } from '../core/library';
import { APP_NAME, defaultUserDataDir } from '../core/paths';
import { backupWithDialog } from './backup-command';
import { bundleLayout } from './bundle-layout';
import { openDeepLinkFromArgv, registerDeepLinks, startDeepLinks } from './deep-link-main';
import { importWithDialog } from './import-command';
import {
  forwardLibraryEvents,
  registerFolderChooser,
  registerThemeFollower,
  registerInvokeHandler,
  sendEvent,
} from './ipc';
import { filesFromArgv } from './launch-files';
import { buildAppMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { registerRendererReady, sendWhenReady } from './renderer-outbox';
import { hardenAllWebContents, hardenSession } from './security';
import { startupConfig } from './startup-config';
import { openInSystemViewer } from './system-viewer';
import { createMainWindow, noteSavedSync, quitStarted, reveal } from './window';

const { preloadPath: PRELOAD_PATH, rendererDir: RENDERER_DIR } = bundleLayout(__filename);

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
registerRendererReady();

let library: Library | undefined;
/** The library's services (its import jobs, the system viewer), stopped before it closes. */
let services: Services | undefined;
let dispatch: Dispatch | undefined;
/** Files to import that arrived before the library was open (macOS open-file before ready, first launch's argv). */
const pendingFiles: string[] = filesFromArgv(process.argv, process.cwd());

function openWindow(): BrowserWindow {
  return createMainWindow({ preloadPath: PRELOAD_PATH, isDev, userData: app.getPath('userData') });
}

function mainWindow(): BrowserWindow {
  const win = BrowserWindow.getAllWindows()[0] ?? openWindow();
  reveal(win);
  return win;
}

function fail(title: string, e: unknown): void {
  console.error(`${title}:`, e);
  dialog.showErrorBox(title, errorMessage(e));
  app.exit(1);
}

/**
 * "Open with Commonplace": the files go to a bulk-import job (progress and report reach the
 * window as events); the first one imported is then shown. One that can't be imported is said
 * in a dialog, since a window that was just launched may have missed the report.
 */
function openFiles(paths: string[]): void {
  const d = dispatch;
  const jobs = services?.bulkImports;
  if (!d || !jobs) {
    pendingFiles.push(...paths.filter((p) => !pendingFiles.includes(p)));
    return;
  }
  const win = mainWindow();
  void d('bulkImport.startPaths', { paths }, 'inproc').then(async (envelope) => {
    if (!envelope.ok) {
      dialog.showErrorBox(
        `${APP_NAME} could not open ${basename(paths[0]!)}`,
        envelope.error.message,
      );
      return;
    }
    const report = await jobs.finished((envelope.data as { jobId: string }).jobId);
    const shown = report.results.find((r) => r.ok);
    if (shown?.ok)
      sendWhenReady(win, { type: 'navigate', target: { kind: 'article', id: shown.article.id } });
    const failed = report.results.filter((r) => !r.ok);
    if (failed.length > 0 || report.error) {
      const detail =
        failed.map((r) => (r.ok ? '' : r.error.message)).join('\n') || (report.error ?? '');
      await dialog.showMessageBox(win, {
        type: 'warning',
        message: `${APP_NAME} could not import ${failed.length === 1 ? basename(failed[0]!.file) : `${failed.length} files`}`,
        detail,
      });
    }
  });
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, { allowDevtools: isDev });
  serveRenderer(RENDERER_DIR);

  const config = startupConfig(
    process.env,
    app.getPath('userData'),
    app.isPackaged,
    process.resourcesPath,
  );
  if (config.nativeBinding && !existsSync(config.nativeBinding)) {
    fail(
      `${APP_NAME} cannot open its library`,
      new Error(
        `The SQLite module is missing: ${config.nativeBinding} does not exist. Run \`npm start\` again to rebuild it, or reinstall ${APP_NAME}.`,
      ),
    );
    return;
  }
  try {
    library = openLibrary(
      config.libraryPath,
      config.nativeBinding ? { nativeBinding: config.nativeBinding } : {},
    );
  } catch (e) {
    // CommonplaceError('native_module') says which runtime better-sqlite3 was built for and how to
    // fix it; name the module file too when it is not the package's own.
    const named = isCommonplaceError(e) && e.code === 'native_module' && config.nativeBinding;
    fail(
      `${APP_NAME} cannot open its library`,
      named ? new Error(`${e.message} Module: ${config.nativeBinding}`) : e,
    );
    return;
  }
  services = createServices(library, {
    // Import workers open the library with the same better-sqlite3 build as this process.
    bulkImport: { nativeBinding: config.nativeBinding },
    systemViewer: openInSystemViewer,
    liveSync: true,
  });
  const activeDispatch = createDispatcher(createHandlers(library, services), library);
  dispatch = activeDispatch;
  registerInvokeHandler(activeDispatch, noteSavedSync);
  registerFolderChooser();
  registerThemeFollower();
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
        importWithDialog(
          win ?? BrowserWindow.getFocusedWindow() ?? undefined,
          activeDispatch,
        ).catch((e: unknown) => dialog.showErrorBox('Import failed', errorMessage(e)));
      },
      importFolders: (win) => {
        importWithDialog(
          win ?? BrowserWindow.getFocusedWindow() ?? undefined,
          activeDispatch,
          true,
        ).catch((e: unknown) => dialog.showErrorBox('Import failed', errorMessage(e)));
      },
      exportPassages: (win) => {
        const target = win ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (target) sendEvent(target, { type: 'open-export' });
      },
      openSettings: (win) => {
        const target = win ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (target) sendEvent(target, { type: 'open-settings' });
      },
      toggleLibrary: (win) => {
        const target = win ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (target) sendEvent(target, { type: 'toggle-library' });
      },
      showShortcuts: (win) => {
        const target = win ?? BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (target) sendEvent(target, { type: 'open-shortcuts' });
      },
      backupLibrary: (win) => {
        backupWithDialog(
          win ?? BrowserWindow.getFocusedWindow() ?? undefined,
          activeDispatch,
        ).catch((e: unknown) => dialog.showErrorBox('Backup failed', errorMessage(e)));
      },
    }),
  );

  openWindow();
  startDeepLinks({
    window: () => BrowserWindow.getAllWindows()[0] ?? null,
    reveal,
    send: sendWhenReady,
  });
  if (pendingFiles.length > 0) openFiles(pendingFiles.splice(0));
}

/** Quitting while an import runs asks first; after a yes, quitting goes ahead without asking again. */
let quitConfirmed = false;
/** The library is closed (imports stopped first) once, then the quit proceeds. */
let closed = false;

function confirmQuitDuringImport(event: Electron.Event): void {
  const running = services && !quitConfirmed ? services.bulkImports.runningCount() : 0;
  if (running === 0) return;
  event.preventDefault();
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const options: Electron.MessageBoxOptions = {
    type: 'question',
    message: running === 1 ? 'An import is still running' : `${running} imports are still running`,
    detail:
      'Quitting stops it after the file it is importing now; what was imported stays in the library.',
    buttons: ['Quit', 'Keep Importing'],
    defaultId: 1,
    cancelId: 1,
  };
  (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
    .then(({ response }) => {
      if (response !== 0) return;
      quitConfirmed = true;
      app.quit();
    })
    .catch((e: unknown) => console.error('could not ask about quitting:', e));
}

if (!app.requestSingleInstanceLock()) {
  // Another Commonplace owns the library; it was told to come to the front (second-instance).
  app.quit();
} else {
  // macOS "Open with Commonplace" (and a file dropped on the dock icon), also before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFiles([path]);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // A commonplace:// link or files opened while the app runs arrive as the second launch's argv.
    const linked = openDeepLinkFromArgv(argv);
    const files = filesFromArgv(argv, workingDirectory);
    if (!dispatch) {
      // Still starting: its own window is about to appear.
      pendingFiles.push(...files);
      return;
    }
    if (files.length > 0) openFiles(files);
    else if (!linked) mainWindow(); // the link revealed it already
  });
  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open makes a new one.
    if (dispatch && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', confirmQuitDuringImport);
  app.on('before-quit', (event) => {
    if (!event.defaultPrevented) quitStarted();
  });
  app.on('will-quit', (event) => {
    if (closed || !library) return;
    // Stop the import workers (they write to the library) before closing it, then quit for real.
    event.preventDefault();
    const lib = library;
    const jobs = services?.bulkImports;
    Promise.all([jobs?.closeAll(), services?.bulkJobs.stopAll(), services?.liveSync?.stop()])
      .catch((e: unknown) => console.error('could not stop the imports:', e))
      .finally(() => {
        lib.close();
        library = undefined;
        services = undefined;
        dispatch = undefined;
        closed = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => fail(`${APP_NAME} could not start`, e));
}
