/**
 * The native menu, laid out the way each platform expects (macOS: app menu first, Preferences
 * and Quit there; elsewhere Quit under File). Reload and DevTools exist in development only.
 */
import {
  app,
  BrowserWindow,
  Menu,
  type BaseWindow,
  type MenuItemConstructorOptions,
} from 'electron';
import { APP_NAME } from '../core/paths';

export interface MenuActions {
  isDev: boolean;
  /** File → Import…, with the window it was chosen in (if any). */
  importFiles(win: BrowserWindow | undefined): void;
  importFolders(win: BrowserWindow | undefined): void;
  /** File → Export…: the page opens its export dialog. */
  exportPassages(win: BrowserWindow | undefined): void;
  /** File → Settings…: the page opens its settings dialog (sync). */
  openSettings(win: BrowserWindow | undefined): void;
  /** View → Hide/Show Library: the page collapses or restores its library pane. */
  toggleLibrary?(win: BrowserWindow | undefined): void;
  /** Help → Keyboard Shortcuts: the page opens its list of shortcuts. */
  showShortcuts?(win: BrowserWindow | undefined): void;
  /** File → Back Up Library…: a save dialog, then an online backup. */
  backupLibrary?(win: BrowserWindow | undefined): void;
}

/** Menu clicks report a BaseWindow; only a BrowserWindow has a page to send results to. */
function asWindow(win: BaseWindow | undefined): BrowserWindow | undefined {
  return win instanceof BrowserWindow ? win : undefined;
}

export function buildAppMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];

  if (isMac) {
    template.push({
      label: APP_NAME,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }

  template.push({
    label: 'File',
    submenu: [
      {
        label: 'Import…',
        accelerator: 'CmdOrCtrl+O',
        click: (_item, win) => actions.importFiles(asWindow(win)),
      },
      {
        label: 'Import Folder…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: (_item, win) => actions.importFolders(asWindow(win)),
      },
      {
        label: 'Export…',
        accelerator: 'CmdOrCtrl+Shift+E',
        click: (_item, win) => actions.exportPassages(asWindow(win)),
      },
      {
        label: 'Settings…',
        accelerator: 'CmdOrCtrl+,',
        click: (_item, win) => actions.openSettings(asWindow(win)),
      },
      ...(actions.backupLibrary
        ? [
            {
              label: 'Back Up Library…',
              click: (_item: unknown, win: BaseWindow | undefined) =>
                actions.backupLibrary?.(asWindow(win)),
            },
          ]
        : []),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });

  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });

  const devItems: MenuItemConstructorOptions[] = actions.isDev
    ? [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ]
    : [];
  template.push({
    label: 'View',
    submenu: [
      ...devItems,
      ...(actions.toggleLibrary
        ? [
            {
              label: 'Hide/Show Library',
              accelerator: 'CmdOrCtrl+Shift+L',
              click: (_item: unknown, win: BaseWindow | undefined) =>
                actions.toggleLibrary?.(asWindow(win)),
            },
            { type: 'separator' as const },
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });

  template.push({
    role: 'windowMenu',
    submenu: isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });

  template.push({
    role: 'help',
    submenu: [
      ...(actions.showShortcuts
        ? [
            {
              label: 'Keyboard Shortcuts',
              // Shown beside the item; the page takes the key itself (a menu accelerator
              // would swallow "?" typed in text fields).
              accelerator: '?',
              registerAccelerator: false,
              click: (_item: unknown, win: BaseWindow | undefined) =>
                actions.showShortcuts?.(asWindow(win)),
            },
          ]
        : []),
      { label: `About ${APP_NAME}`, click: () => app.showAboutPanel() },
    ],
  });

  return Menu.buildFromTemplate(template);
}
