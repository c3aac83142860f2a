/**
 * The app's life: one instance, files opened with the app, quitting (during an import too), and
 * startup faults that must end in a clear message instead of a hang.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../preload/channels';
import { eventsSent, pageReady, until, useMainProcess, type Booted } from './boot';
import { electronEvent } from './standin';

const boot = useMainProcess();

const navigations = (b: Booted) =>
  eventsSent(b.window()).filter((e) => e.type === 'navigate') as unknown as {
    target: { kind: string; id: string };
  }[];

async function articleTitle(b: Booted, id: string): Promise<string> {
  const env = (await b.electron.ipcMain.invokeFrom(
    { window: b.window() },
    INVOKE_CHANNEL,
    'articles.get',
    { id },
  )) as { ok: boolean; data: { title: string } };
  expect(env.ok).toBe(true);
  return env.data.title;
}

/** A folder of `n` small Markdown files: an import that runs for a while. */
function manyFiles(dir: string, n: number): string {
  const folder = join(dir, 'many');
  mkdirSync(folder);
  for (let i = 0; i < n; i++)
    writeFileSync(
      join(folder, `note-${i}.md`),
      `# Note ${i}\n\n${'Some words of text. '.repeat(50)}${i}\n`,
    );
  return folder;
}

describe('a single instance', () => {
  it('a second launch quits at once when another instance holds the lock', async () => {
    const b = await boot({ singleInstanceLock: false, ready: false });
    expect(b.electron.app.quitCalls).toBe(1);
    expect(b.electron.app.listenerCount('second-instance')).toBe(0);
  });

  it('the running instance is revealed when a second one starts', async () => {
    const b = await boot();
    const win = b.window();
    win.minimize();
    win.hide();
    b.electron.app.emit(
      'second-instance',
      electronEvent(),
      ['/usr/bin/commonplace'],
      '/home/ada',
      {},
    );
    expect(win.isMinimized()).toBe(false);
    expect(win.isVisible()).toBe(true);
    expect(win.focusCount).toBe(1);
  });
});

describe('"Open with Commonplace"', () => {
  it('macOS: a file opened before ready is imported and shown once the page listens', async () => {
    let event = electronEvent();
    let file = '';
    const b = await boot({
      platform: 'darwin',
      beforeReady: (e) => {
        file = join(e.app.getPath('userData'), '..', '..', 'opened.md');
        writeFileSync(file, '# Opened from Finder\n\nBody.\n');
        event = electronEvent();
        e.app.emit('open-file', event, file);
      },
    });
    expect(event.defaultPrevented).toBe(true);
    pageReady(b);
    const [nav] = await until(
      () => navigations(b).length > 0 && navigations(b),
      'the opened file to be shown',
    );
    expect(nav!.target.kind).toBe('article');
    expect(await articleTitle(b, nav!.target.id)).toBe('Opened from Finder');
  });

  it('Windows/Linux: a file in the first launch’s argv, and one from a second instance, are imported and shown', async () => {
    const dir = (await import('node:fs')).mkdtempSync(
      join((await import('node:os')).tmpdir(), 'cp-open-'),
    );
    try {
      const first = join(dir, 'first.md');
      writeFileSync(first, '# From the command line\n\nBody.\n');
      const b = await boot({ platform: 'linux', args: ['--some-switch', first, 'not-a-file.pdf'] });
      pageReady(b);
      const nav = await until(() => navigations(b)[0], 'the first file to be shown');
      expect(await articleTitle(b, nav.target.id)).toBe('From the command line');

      writeFileSync(
        join(dir, 'second.html'),
        '<html><head><title>From a second launch</title></head><body><p>Body text here.</p></body></html>',
      );
      b.window().minimize();
      b.electron.app.emit(
        'second-instance',
        electronEvent(),
        ['/usr/bin/commonplace', 'second.html'],
        dir,
        {},
      );
      const second = await until(() => navigations(b)[1], 'the second file to be shown');
      expect(await articleTitle(b, second.target.id)).toBe('From a second launch');
      expect(b.window().isMinimized()).toBe(false);
    } finally {
      (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file that cannot be imported is said in a dialog', async () => {
    const b = await boot();
    pageReady(b);
    const empty = join(b.dir, 'empty.txt');
    writeFileSync(empty, '');
    b.electron.app.emit('open-file', electronEvent(), empty);
    const shown = await until(
      () => b.electron.dialog.calls.find((c) => c.kind === 'showMessageBox'),
      'the failure dialog',
    );
    expect(shown.options.message).toBe('Commonplace could not import empty.txt');
    expect(String(shown.options.detail)).toContain('empty.txt: the file is empty');
    expect(navigations(b)).toEqual([]);
  });
});

describe('quitting', () => {
  it('closes the library (its WAL checkpointed away) on will-quit', async () => {
    const b = await boot();
    expect(existsSync(`${b.libraryPath}-wal`)).toBe(true);
    b.electron.app.quit();
    await until(() => b.electron.app.quitted, 'the app to quit');
    expect(existsSync(`${b.libraryPath}-wal`)).toBe(false);
  });

  it('during a bulk import asks first: Keep Importing keeps running, Quit stops the import and closes the library', async () => {
    const b = await boot();
    const win = b.window();
    const folder = manyFiles(b.dir, 400);
    const started = (await b.electron.ipcMain.invokeFrom(
      { window: win },
      INVOKE_CHANNEL,
      'bulkImport.startPaths',
      { paths: [folder] },
    )) as { ok: boolean; data: { jobId: string } };
    expect(started.ok).toBe(true);
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    try {
      b.electron.dialog.answerWith((call) => ({
        response: call.kind === 'showMessageBox' ? 1 : 0,
      }));
      b.electron.app.quit();
      const asked = await until(
        () => b.electron.dialog.calls.find((c) => c.kind === 'showMessageBox'),
        'the question',
      );
      expect(asked.options).toMatchObject({
        message: 'An import is still running',
        buttons: ['Quit', 'Keep Importing'],
        cancelId: 1,
      });
      // Kept: nothing closed, the job still runs.
      expect(b.electron.app.quitted).toBe(false);
      expect(win.isDestroyed()).toBe(false);
      const status = (await b.electron.ipcMain.invokeFrom(
        { window: win },
        INVOKE_CHANNEL,
        'bulkImport.status',
        { jobId: started.data.jobId },
      )) as { data: { state: string } };
      expect(status.data.state).toBe('running');

      b.electron.dialog.answerWith(() => ({ response: 0 }));
      b.electron.app.quit();
      await until(() => b.electron.app.quitted, 'the app to quit');
      expect(terminate).toHaveBeenCalled();
      expect(existsSync(`${b.libraryPath}-wal`)).toBe(false);
    } finally {
      terminate.mockRestore();
    }
  });
});

describe('startup faults end in a message, not a hang', () => {
  it('a missing native module (the Electron build of better-sqlite3) names the file', async () => {
    const b = await boot({
      env: { COMMONPLACE_SQLITE_BINDING: '/nonexistent/build/Release/better_sqlite3.node' },
    });
    expect(b.electron.app.exitCode).toBe(1);
    const [shown] = b.electron.dialog.calls;
    expect(shown?.kind).toBe('showErrorBox');
    expect(shown?.options.title).toBe('Commonplace cannot open its library');
    expect(shown?.options.content).toBe(
      'The SQLite module is missing: /nonexistent/build/Release/better_sqlite3.node does not exist. Run `npm start` again to rebuild it, or reinstall Commonplace.',
    );
  });

  it('a corrupt native module says what is wrong', async () => {
    const b = await boot({
      beforeReady: (e) => {
        const file = join(e.app.getPath('userData'), 'better_sqlite3.node');
        writeFileSync(file, 'this is not a shared library');
        process.env.COMMONPLACE_SQLITE_BINDING = file;
      },
      env: { COMMONPLACE_SQLITE_BINDING: '' },
    });
    expect(b.electron.app.exitCode).toBe(1);
    const [shown] = b.electron.dialog.calls;
    expect(shown?.options.title).toBe('Commonplace cannot open its library');
    expect(String(shown?.options.content)).toMatch(
      /^better-sqlite3 was built for a different runtime .* Module: .*better_sqlite3\.node$/,
    );
  });

  it('a library that cannot be created names the file', async () => {
    const dirFile = join((await import('node:os')).tmpdir(), `cp-not-a-dir-${process.pid}`);
    writeFileSync(dirFile, 'a file where a folder should be');
    try {
      const b = await boot({ env: { COMMONPLACE_LIBRARY: join(dirFile, 'library.sqlite') } });
      expect(b.electron.app.exitCode).toBe(1);
      const [shown] = b.electron.dialog.calls;
      expect(shown?.options.title).toBe('Commonplace cannot open its library');
      expect(String(shown?.options.content)).toContain(join(dirFile, 'library.sqlite'));
    } finally {
      (await import('node:fs')).rmSync(dirFile, { force: true });
    }
  });
});
