/**
 * Loads the real main process (electron/main/index.ts) under the electron stand-in, against a
 * temp library and a temp userData, with the platform and argv the test asks for. Each load is a
 * fresh module graph, so module state (pending links, open library) starts clean.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, expect, vi } from 'vitest';
import { RENDERER_ENTRY_URL } from '../app-url';
import { EVENT_CHANNEL, RENDERER_READY_CHANNEL } from '../../preload/channels';
import {
  BrowserWindowStandin,
  createElectronStandin,
  type DisplayStandin,
  type ElectronStandin,
} from './standin';

const ROOT = resolve(__dirname, '..', '..', '..');
export const BUILT_RENDERER = resolve(ROOT, process.env.COMMONPLACE_OUT_DIR || 'out', 'renderer');

export interface BootOptions {
  platform?: NodeJS.Platform;
  /** process.argv after the executable (dev: the app path first). */
  args?: string[];
  env?: Record<string, string>;
  displays?: DisplayStandin[];
  /** False: another instance holds the single-instance lock. */
  singleInstanceLock?: boolean;
  /** Reuse a folder of an earlier boot (same library and userData): a second run of the app. */
  dir?: string;
  /** Runs after the main module loaded, before `ready` (macOS open-url / open-file come here). */
  beforeReady?(electron: ElectronStandin): void;
  /** Fire `ready` and wait for the first window (default true). */
  ready?: boolean;
}

export interface Booted {
  electron: ElectronStandin;
  dir: string;
  libraryPath: string;
  userData: string;
  /** The first window, once made. */
  window(): BrowserWindowStandin;
}

/** Polls `check` until it returns a truthy value (generous deadline: the machine is shared). */
export async function until<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The events main sent a window's page, in order. */
export function eventsSent(win: BrowserWindowStandin): { type: string; [k: string]: unknown }[] {
  return win.webContents.sentOn(EVENT_CHANNEL) as { type: string }[];
}

/** Quits the app as a person would (answering Quit if asked) and waits until it has. */
export async function quitApp(b: Booted): Promise<void> {
  b.electron.app.quit();
  await until(() => b.electron.app.quitted, 'the app to quit');
}

/** The page finished loading and said it listens (the preload's rendererReady). */
export function pageReady(b: Booted, win = b.window()): void {
  win.webContents.finishLoad();
  b.electron.ipcMain.sendFrom({ window: win }, RENDERER_READY_CHANNEL);
}

/** Registers the cleanup; returns the function that boots one main process per call. */
export function useMainProcess(): (opts?: BootOptions) => Promise<Booted> {
  // Imports parse in worker threads that load the TypeScript sources: slow on a shared machine.
  vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  return async (opts = {}) => {
    if (!existsSync(join(BUILT_RENDERER, 'index.html'))) {
      throw new Error(
        `${BUILT_RENDERER}/index.html is missing: run \`npm run build\` before the shell suite (app:// serves the built renderer)`,
      );
    }
    const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'cp-shell-'));
    const home = join(dir, 'home');
    mkdirSync(home, { recursive: true });
    const libraryPath = join(dir, 'library.sqlite');

    const saved = { platform: process.platform, argv: process.argv, env: { ...process.env } };
    const env: Record<string, string> = {
      COMMONPLACE_LIBRARY: libraryPath,
      // userData lands in the temp dir whichever platform the test plays.
      HOME: home,
      XDG_CONFIG_HOME: join(dir, 'config'),
      APPDATA: join(dir, 'appdata'),
      ...opts.env,
    };
    Object.assign(process.env, env);
    Object.defineProperty(process, 'platform', {
      value: opts.platform ?? 'linux',
      configurable: true,
    });
    process.argv = [process.execPath, '.', ...(opts.args ?? [])];

    vi.resetModules();
    const electron = createElectronStandin(opts.displays ? { displays: opts.displays } : {});
    if (opts.singleInstanceLock === false) electron.app.singleInstanceLock = false;
    vi.doMock('electron', () => electron);
    const consoleSpies = [
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
      vi.spyOn(console, 'error').mockImplementation(() => {}),
    ];

    cleanups.push(async () => {
      // Quit as Electron would, so the library closes (and nothing of this run leaks into the next).
      if (electron.app.ready && !electron.app.quitted && electron.app.exitCode === undefined) {
        electron.dialog.answerWith((call) =>
          call.kind === 'showMessageBox' ? { response: 0, checkboxChecked: false } : 0,
        );
        electron.app.quit();
        await until(
          () => electron.app.quitted || electron.app.exitCode !== undefined,
          'the app to quit',
        ).catch(() => {});
      }
      vi.doUnmock('electron');
      for (const s of consoleSpies) s.mockRestore();
      Object.defineProperty(process, 'platform', { value: saved.platform, configurable: true });
      process.argv = saved.argv;
      for (const k of Object.keys(env)) {
        if (saved.env[k] === undefined) delete process.env[k];
        else process.env[k] = saved.env[k];
      }
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    });

    await import('../index');
    opts.beforeReady?.(electron);
    const booted: Booted = {
      electron,
      dir,
      libraryPath,
      get userData() {
        return electron.app.getPath('userData');
      },
      window: () => {
        const w = BrowserWindowStandin.getAllWindows()[0];
        if (!w) throw new Error('no window');
        return w;
      },
    };
    if (opts.ready !== false) {
      electron.app.fireReady();
      await until(
        () => BrowserWindowStandin.getAllWindows()[0] ?? electron.app.exitCode !== undefined,
        'the main window (or a startup failure)',
      );
      if (electron.app.exitCode === undefined)
        expect(booted.window().webContents.loads).toEqual([RENDERER_ENTRY_URL]);
    }
    return booted;
  };
}
