/** The main window: its webPreferences, its remembered place, a crashed page, a failed save on close. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_ENTRY_URL } from '../app-url';
import { WINDOW_STATE_FILE } from '../window-state';
import { SAVE_NOTE_SYNC_CHANNEL } from '../../preload/channels';
import { eventsSent, pageReady, quitApp, until, useMainProcess } from './boot';
import { electronEvent } from './standin';

const boot = useMainProcess();

describe('the main window', () => {
  it('is sandboxed, context-isolated, without Node, with web security, and shows when ready', async () => {
    const b = await boot();
    const win = b.window();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: true, // unpackaged = development build
    });
    expect(prefs.preload).toMatch(/out[/\\]preload[/\\]index\.js$/);
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(win.isVisible()).toBe(false);
    win.emit('ready-to-show');
    expect(win.isVisible()).toBe(true);
    // Every web contents gets the navigation and window-open guards.
    expect(win.webContents.listenerCount('will-navigate')).toBe(1);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({
      action: 'deny',
    });
    expect(b.electron.shell.external).toEqual(['https://example.org/']);
    expect(win.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({
      action: 'deny',
    });
    expect(b.electron.shell.external).toEqual(['https://example.org/']);
  });

  it('remembers its bounds and maximised state (atomically, in userData) and reopens there', async () => {
    const first = await boot();
    const win = first.window();
    expect(win.options).toMatchObject({ width: 1280, height: 860 });
    win.setBounds({ x: 200, y: 150, width: 1000, height: 700 });
    win.maximize();
    await quitApp(first);
    const file = join(first.userData, WINDOW_STATE_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      bounds: { x: 200, y: 150, width: 1000, height: 700 },
      maximized: true,
    });

    const second = await boot({ dir: first.dir });
    expect(second.window().options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    expect(second.window().isMaximized()).toBe(true);
  });

  it('opens on a display that exists when the saved place is off-screen, and ignores a damaged file', async () => {
    const displays = [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1440, height: 900 },
        workArea: { x: 0, y: 25, width: 1440, height: 875 },
        scaleFactor: 2,
      },
    ];
    // Saved on a second monitor (right of this one) that is no longer plugged in.
    const b = await boot({
      displays,
      beforeReady: (e) =>
        writeFileSync(
          join(e.app.getPath('userData'), WINDOW_STATE_FILE),
          JSON.stringify({
            bounds: { x: 2400, y: 100, width: 1600, height: 1000 },
            maximized: false,
          }),
        ),
    });
    const o = b.window().options as { x: number; y: number; width: number; height: number };
    expect(o.width).toBeLessThanOrEqual(1440);
    expect(o.height).toBeLessThanOrEqual(875);
    expect(o.x).toBeGreaterThanOrEqual(0);
    expect(o.y).toBeGreaterThanOrEqual(25);
    expect(o.x + o.width).toBeLessThanOrEqual(1440);
    expect(o.y + o.height).toBeLessThanOrEqual(900);
    await quitApp(b);

    writeFileSync(join(b.userData, WINDOW_STATE_FILE), '{"bounds": {"x": "left"');
    const again = await boot({ dir: b.dir, displays });
    expect(again.window().options).toMatchObject({ width: 1280, height: 860 });
    expect(again.window().options).not.toHaveProperty('x');
  });

  it('closes and quits even when its place cannot be written (a folder where the file should be)', async () => {
    const b = await boot();
    mkdirSync(join(b.userData, WINDOW_STATE_FILE, 'blocked'), { recursive: true });
    await quitApp(b);
    expect(b.window).toThrow('no window');
    expect(existsSync(`${b.libraryPath}-wal`)).toBe(false);
  });

  it('offers to reload a crashed page, reloads it, and holds events until the new page listens', async () => {
    const b = await boot();
    const win = b.window();
    pageReady(b);
    b.electron.dialog.answerWith((call) =>
      call.kind === 'showMessageBox' ? { response: 0, checkboxChecked: false } : 0,
    );
    win.webContents.emit('render-process-gone', electronEvent(), {
      reason: 'crashed',
      exitCode: 139,
    });
    await until(() => win.webContents.loads.length === 2, 'the window to reload');
    const asked = b.electron.dialog.calls.find((c) => c.kind === 'showMessageBox');
    expect(asked?.window).toBe(win);
    expect(asked?.options).toMatchObject({
      message: 'The Commonplace window stopped working',
      buttons: ['Reload', 'Close Window'],
    });
    expect(String(asked?.options.detail)).toContain('crashed');
    expect(win.webContents.loads).toEqual([RENDERER_ENTRY_URL, RENDERER_ENTRY_URL]);

    // A link arriving while the new page loads waits for it.
    const link = 'commonplace://article/0190a000-0000-7000-8000-000000000001';
    b.electron.app.emit(
      'second-instance',
      electronEvent(),
      ['/usr/bin/commonplace', link],
      b.dir,
      {},
    );
    expect(eventsSent(win).filter((e) => e.type === 'navigate')).toEqual([]);
    pageReady(b);
    expect(eventsSent(win).filter((e) => e.type === 'navigate')).toEqual([
      { type: 'navigate', target: { kind: 'article', id: '0190a000-0000-7000-8000-000000000001' } },
    ]);
  });

  it('closes a crashed window when the person chooses Close Window, and ignores a clean exit', async () => {
    const b = await boot();
    const win = b.window();
    win.webContents.emit('render-process-gone', electronEvent(), {
      reason: 'clean-exit',
      exitCode: 0,
    });
    expect(b.electron.dialog.calls).toEqual([]);
    b.electron.dialog.answerWith(() => ({ response: 1, checkboxChecked: false }));
    win.webContents.emit('render-process-gone', electronEvent(), { reason: 'oom', exitCode: 0 });
    await until(() => win.isDestroyed(), 'the window to close');
  });

  describe('a note that failed to save as the window closes (will-prevent-unload)', () => {
    function preventUnload(b: Awaited<ReturnType<typeof boot>>, answer: number) {
      b.electron.dialog.answerWith((call) =>
        call.kind === 'showMessageBoxSync' ? answer : { response: 0 },
      );
      const event = electronEvent();
      b.window().webContents.emit('will-prevent-unload', event);
      const asked = b.electron.dialog.calls.filter((c) => c.kind === 'showMessageBoxSync').at(-1);
      return { event, asked };
    }

    it('asks Retry / Discard and Close / Cancel; Discard lets the window close', async () => {
      const b = await boot();
      const { event, asked } = preventUnload(b, 1);
      expect(asked?.window).toBe(b.window());
      expect(asked?.options).toMatchObject({
        message: 'Your note could not be saved',
        buttons: ['Retry', 'Discard and Close', 'Cancel'],
        cancelId: 2,
      });
      expect(event.defaultPrevented).toBe(true);
    });

    it('Cancel keeps the window open', async () => {
      const b = await boot();
      const { event } = preventUnload(b, 2);
      expect(event.defaultPrevented).toBe(false);
      expect(eventsSent(b.window()).filter((e) => e.type === 'retry-save')).toEqual([]);
    });

    it('Retry asks the page to save again and closes the window once a save succeeds', async () => {
      const b = await boot();
      const win = b.window();
      pageReady(b);
      const { event } = preventUnload(b, 0);
      expect(event.defaultPrevented).toBe(false);
      expect(eventsSent(win).filter((e) => e.type === 'retry-save')).toEqual([
        { type: 'retry-save' },
      ]);
      expect(win.isDestroyed()).toBe(false);

      const { INVOKE_CHANNEL } = await import('../../preload/channels');
      const created = (await b.electron.ipcMain.invokeFrom(
        { window: win },
        INVOKE_CHANNEL,
        'notes.create',
        { title: 'Draft' },
      )) as { ok: true; data: { id: string } };
      expect(created.ok).toBe(true);
      const saved = (await b.electron.ipcMain.sendSyncFrom(
        { window: win },
        SAVE_NOTE_SYNC_CHANNEL,
        { id: created.data.id, title: 'Draft, saved' },
      )) as { ok: boolean };
      expect(saved.ok).toBe(true);
      await until(() => win.isDestroyed(), 'the window to close after the retried save');
    });

    it('a quit cancelled by the failed save goes on after Retry saves (macOS keeps the app open when its last window closes)', async () => {
      const b = await boot({ platform: 'darwin' });
      const win = b.window();
      pageReady(b);
      const before = electronEvent();
      b.electron.app.emit('before-quit', before); // the user quits; the page then refuses to unload
      expect(before.defaultPrevented).toBe(false);
      preventUnload(b, 0);
      const quitsBefore = b.electron.app.quitCalls;
      const { INVOKE_CHANNEL } = await import('../../preload/channels');
      const created = (await b.electron.ipcMain.invokeFrom(
        { window: win },
        INVOKE_CHANNEL,
        'notes.create',
        { title: 'Draft' },
      )) as { ok: true; data: { id: string } };
      await b.electron.ipcMain.sendSyncFrom({ window: win }, SAVE_NOTE_SYNC_CHANNEL, {
        id: created.data.id,
        title: 'Draft, saved',
      });
      await until(
        () => win.isDestroyed() && b.electron.app.quitCalls > quitsBefore,
        'the quit to go on after the retried save',
      );
    });

    it('Cancel also cancels the quit: a later close whose save is retried closes the window only', async () => {
      const b = await boot({ platform: 'darwin' });
      const win = b.window();
      pageReady(b);
      b.electron.app.emit('before-quit', electronEvent());
      preventUnload(b, 2); // Cancel: the user keeps the window, and the app
      preventUnload(b, 0); // later, closing the window: the save fails again, Retry
      const quitsBefore = b.electron.app.quitCalls;
      const { INVOKE_CHANNEL } = await import('../../preload/channels');
      const created = (await b.electron.ipcMain.invokeFrom(
        { window: win },
        INVOKE_CHANNEL,
        'notes.create',
        { title: 'Draft' },
      )) as { ok: true; data: { id: string } };
      await b.electron.ipcMain.sendSyncFrom({ window: win }, SAVE_NOTE_SYNC_CHANNEL, {
        id: created.data.id,
        title: 'Draft, saved',
      });
      await until(() => win.isDestroyed(), 'the window to close after the retried save');
      expect(b.electron.app.quitCalls).toBe(quitsBefore);
    });
  });
});
