/** IPC into the dispatcher: only our own top frame may call, and only what its exposure allows. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL, SAVE_NOTE_SYNC_CHANNEL } from '../../preload/channels';
import { eventsSent, until, useMainProcess } from './boot';

const boot = useMainProcess();

describe('IPC', () => {
  it('routes the page’s calls through the dispatcher, validated', async () => {
    const b = await boot();
    const ipc = b.electron.ipcMain;
    const win = b.window();
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'library.info', {})).toMatchObject({ ok: true, data: { articleCount: 0 } });
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'articles.get', { id: 'nope' })).toEqual({ ok: false, error: { code: 'invalid_input', message: 'articles.get: id: must be a UUIDv7' } });
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 42, {})).toEqual({ ok: false, error: { code: 'invalid_input', message: 'method must be a string' } });
  });

  it('refuses a frame from another origin and a subframe of our own page', async () => {
    const b = await boot();
    const ipc = b.electron.ipcMain;
    const win = b.window();
    const other = { window: win, frame: { url: 'https://evil.example/', parent: null } };
    const sub = { window: win, frame: { url: 'app://commonplace/index.html', parent: win.webContents.mainFrame } };
    const gone = { window: win, frame: null };
    for (const sender of [other, sub, gone]) {
      await expect(ipc.invokeFrom(sender, INVOKE_CHANNEL, 'library.info', {})).rejects.toThrow('this page may not call the library');
      expect(await ipc.sendSyncFrom(sender, SAVE_NOTE_SYNC_CHANNEL, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses a local-only method over IPC and lets a desktop one (path import) run', async () => {
    const b = await boot();
    const ipc = b.electron.ipcMain;
    const win = b.window();
    const file = join(b.dir, 'hello.md');
    writeFileSync(file, '# Hello\n\nFrom a path.\n');
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'articles.importPaths', { paths: [file] })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'articles.importPaths: only available to the desktop app and the CLI' },
    });
    const started = (await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'bulkImport.startPaths', { paths: [file] })) as { ok: boolean; data: { jobId: string } };
    expect(started.ok).toBe(true);
    // The job's report reaches the window as an event; the article is then in the library.
    const report = await until(() => eventsSent(win).find((e) => e.type === 'import-report'), 'the import report');
    expect(report).toMatchObject({ jobId: started.data.jobId, state: 'finished', counts: { imported: 1 } });
    expect(await ipc.invokeFrom({ window: win }, INVOKE_CHANNEL, 'library.info', {})).toMatchObject({ ok: true, data: { articleCount: 1 } });
  });
});
