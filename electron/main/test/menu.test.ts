/** The native menu per platform, and File → Import…'s dialog. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsSent, until, useMainProcess } from './boot';
import type { MenuItemTemplate, MenuStandin } from './standin';

const boot = useMainProcess();

function menuOf(b: Awaited<ReturnType<typeof boot>>): MenuStandin {
  const menu = b.electron.Menu.applicationMenu;
  if (!menu) throw new Error('no application menu');
  return menu;
}
const names = (items: MenuItemTemplate[] | undefined) =>
  (items ?? []).filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);

describe('the application menu', () => {
  it('on macOS: the app menu first (About … Quit), Close under File, the macOS Window menu', async () => {
    const menu = menuOf(await boot({ platform: 'darwin' }));
    expect(names(menu.template)).toEqual([
      'Commonplace',
      'File',
      'Edit',
      'View',
      'windowMenu',
      'help',
    ]);
    expect(names(menu.template[0]!.submenu)).toEqual([
      'about',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(names(menu.item('File').submenu).at(-1)).toBe('close');
    expect(names(menu.item('windowMenu').submenu)).toEqual(['minimize', 'zoom', 'front']);
  });

  it.each(['win32', 'linux'] as const)('on %s: File first, Quit under File', async (platform) => {
    const menu = menuOf(await boot({ platform }));
    expect(names(menu.template)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(names(menu.item('File').submenu)).toEqual([
      'Import…',
      'Import Folder…',
      'Export…',
      'Settings…',
      'Back Up Library…',
      'quit',
    ]);
    expect(names(menu.item('windowMenu').submenu)).toEqual(['minimize', 'close']);
  });

  it('has the accelerators and edit roles people expect', async () => {
    const menu = menuOf(await boot());
    expect(menu.item('File', 'Import…').accelerator).toBe('CmdOrCtrl+O');
    expect(menu.item('File', 'Import Folder…').accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(menu.item('File', 'Export…').accelerator).toBe('CmdOrCtrl+Shift+E');
    expect(names(menu.item('Edit').submenu)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
    // Development build (unpackaged): reload and DevTools are there.
    expect(names(menu.item('View').submenu)).toContain('toggleDevTools');
  });

  it('File → Export… asks the window to open its export dialog', async () => {
    const b = await boot();
    menuOf(b).item('File', 'Export…').click!({}, b.window(), {});
    expect(eventsSent(b.window())).toEqual([{ type: 'open-export' }]);
  });

  it('File → Settings… asks the window to open its settings dialog', async () => {
    const b = await boot();
    menuOf(b).item('File', 'Settings…').click!({}, b.window(), {});
    expect(eventsSent(b.window())).toEqual([{ type: 'open-settings' }]);
  });

  it('View → Hide/Show Library asks the window to collapse or restore its library pane', async () => {
    const b = await boot();
    const item = menuOf(b).item('View', 'Hide/Show Library');
    // The page's own shortcut table names the same keys (app/shortcuts.ts: toggleLibrary).
    expect(item.accelerator).toBe('CmdOrCtrl+Shift+L');
    item.click!({}, b.window(), {});
    expect(eventsSent(b.window())).toEqual([{ type: 'toggle-library' }]);
  });

  it('Help → Keyboard Shortcuts asks the window to open its shortcuts sheet', async () => {
    const b = await boot();
    const item = menuOf(b).item('help', 'Keyboard Shortcuts');
    expect(item.accelerator).toBe('?');
    item.click!({}, b.window(), {});
    expect(eventsSent(b.window())).toEqual([{ type: 'open-shortcuts' }]);
  });
});

describe('File → Import…', () => {
  it('offers every format we import, then All files, and imports what was picked', async () => {
    const b = await boot();
    const file = join(b.dir, 'paper.md');
    writeFileSync(file, '# A paper\n\nPicked in the dialog.\n');
    b.electron.dialog.answerWith((call) =>
      call.kind === 'showOpenDialog' ? { canceled: false, filePaths: [file] } : 0,
    );
    menuOf(b).item('File', 'Import…').click!({}, b.window(), {});
    const call = await until(
      () => b.electron.dialog.calls.find((c) => c.kind === 'showOpenDialog'),
      'the open dialog',
    );
    expect(call.window).toBe(b.window());
    const filters = call.options.filters as { name: string; extensions: string[] }[];
    const offered = new Set(filters[0]!.extensions);
    for (const ext of ['txt', 'md', 'markdown', 'html', 'htm', 'pdf', 'epub', 'docx'])
      expect(offered, ext).toContain(ext);
    expect(filters.at(-1)).toEqual({ name: 'All Files', extensions: ['*'] });
    expect(call.options.properties).toEqual(['openFile', 'multiSelections']);
    await until(
      () =>
        eventsSent(b.window()).find(
          (e) => e.type === 'import-report' && (e.counts as { imported: number }).imported === 1,
        ),
      'the import report',
    );
  });

  it('Import Folder… picks folders, without file filters', async () => {
    const b = await boot();
    menuOf(b).item('File', 'Import Folder…').click!({}, b.window(), {});
    const call = await until(
      () => b.electron.dialog.calls.find((c) => c.kind === 'showOpenDialog'),
      'the open dialog',
    );
    expect(call.options.properties).toEqual(['openDirectory', 'multiSelections']);
    expect(call.options.filters).toBeUndefined();
  });
});
