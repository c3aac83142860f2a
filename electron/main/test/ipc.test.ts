/** IPC into the dispatcher: only our own top frame may call, and only what its exposure allows. */
import { existsSync, writeFileSync } from 'node:fs';
import { makeUnwritable, UNWRITABLE_SKIP } from '../../test/readOnly';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL, SAVE_NOTE_SYNC_CHANNEL, SET_THEME_CHANNEL } from '../../preload/channels';
import { eventsSent, until, useMainProcess } from './boot';

const boot = useMainProcess();

describe('IPC', () => {
  it('routes the page’s calls through the dispatcher, validated', async () => {
    const b = await boot();
    const ipc = b.electron.ipcMain;
    const win = b.window();
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'library.info', {})).toMatchObject(
      { ok: true, data: { articleCount: 0 } },
    );
    expect(
      await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'articles.get', { id: 'nope' }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'articles.get: id: must be a UUIDv7' },
    });
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 42, {})).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'method must be a string' },
    });
  });

  it('refuses a frame from another origin and a subframe of our own page', async () => {
    const b = await boot();
    const ipc = b.electron.ipcMain;
    const win = b.window();
    const other = { window: win, frame: { url: 'https://evil.example/', parent: null } };
    const sub = {
      window: win,
      frame: { url: 'app://commonplace/index.html', parent: win.webContents.mainFrame },
    };
    const gone = { window: win, frame: null };
    for (const sender of [other, sub, gone]) {
      await expect(ipc.invokeFrom(sender, INVOKE_CHANNEL, 'library.info', {})).rejects.toThrow(
        'this page may not call the library',
      );
      expect(await ipc.sendSyncFrom(sender, SAVE_NOTE_SYNC_CHANNEL, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
  });

  it('refuses a local-only method over IPC and lets a desktop one (path import) run', async () => {
    const b = await boot();
    const ipc = b.electron.ipcMain;
    const win = b.window();
    const file = join(b.dir, 'hello.md');
    writeFileSync(file, '# Hello\n\nFrom a path.\n');
    expect(
      await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'articles.importPaths', {
        paths: [file],
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'articles.importPaths: only available to the desktop app and the CLI',
      },
    });
    const started = (await ipc.invokeFrom(
      { window: win },
      INVOKE_CHANNEL,
      'bulkImport.startPaths',
      { paths: [file] },
    )) as { ok: boolean; data: { jobId: string } };
    expect(started.ok).toBe(true);
    // The job's report reaches the window as an event; the article is then in the library.
    const report = await until(
      () => eventsSent(win).find((e) => e.type === 'import-report'),
      'the import report',
    );
    expect(report).toMatchObject({
      jobId: started.data.jobId,
      state: 'finished',
      counts: { imported: 1 },
    });
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'library.info', {})).toMatchObject(
      { ok: true, data: { articleCount: 1 } },
    );
  });
});

describe('a library whose disk stops taking writes while the app runs', () => {
  it('answers a write from the window with one sentence naming the library; reads still work', async (ctx) => {
    const b = await boot();
    const win = b.window();
    const created = await b.electron.ipcMain.invokeFrom(
      { window: win },
      INVOKE_CHANNEL,
      'notes.create',
      { title: 'Before' },
    );
    expect(created).toMatchObject({ ok: true });
    // The library, its WAL and its folder turn unwritable under the running app (a disk gone read-only).
    const undo: (() => void)[] = [];
    for (const path of [`${b.libraryPath}-wal`, b.libraryPath, b.dir]) {
      const restore = existsSync(path) ? makeUnwritable(path) : null;
      if (existsSync(path) && !restore) {
        undo.forEach((u) => u());
        ctx.skip(UNWRITABLE_SKIP);
      }
      if (restore) undo.unshift(restore);
    }
    try {
      const refused = (await b.electron.ipcMain.invokeFrom(
        { window: win },
        INVOKE_CHANNEL,
        'notes.create',
        { title: 'After' },
      )) as { ok: false; error: { code: string; message: string } };
      expect(refused.ok).toBe(false);
      expect(refused.error.code).toBe('storage');
      expect(refused.error.message).toContain(b.libraryPath);
      expect(refused.error.message).not.toMatch(/\n|\bat .*\(/);
      expect(
        await b.electron.ipcMain.invokeFrom({ window: win }, INVOKE_CHANNEL, 'notes.list', {}),
      ).toMatchObject({ ok: true });
    } finally {
      undo.forEach((u) => u());
    }
  });
});

describe('the theme setting', () => {
  it('sets nativeTheme.themeSource from our page, and refuses other frames and other values', async () => {
    const b = await boot();
    const ipc = b.electron.ipcMain;
    const win = b.window();
    expect(b.electron.nativeTheme.themeSource).toBe('system');
    ipc.sendFrom({ window: win }, SET_THEME_CHANNEL, 'dark');
    expect(b.electron.nativeTheme.themeSource).toBe('dark');
    // Not one of the three themes, or not from our own top frame: nothing changes.
    for (const bad of ['purple', 42, null, { theme: 'light' }])
      ipc.sendFrom({ window: win }, SET_THEME_CHANNEL, bad);
    ipc.sendFrom(
      { window: win, frame: { url: 'https://evil.example/', parent: null } },
      SET_THEME_CHANNEL,
      'light',
    );
    expect(b.electron.nativeTheme.themeSource).toBe('dark');
    ipc.sendFrom({ window: win }, SET_THEME_CHANNEL, 'system');
    expect(b.electron.nativeTheme.themeSource).toBe('system');
  });
});
