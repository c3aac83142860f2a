/**
 * The renderer's desktop mode in Chromium, without Electron: the built renderer, served by web
 * mode, gets a stand-in for the preload's `window.commonplace` (injected before the page's
 * scripts), so the code paths that only run in the desktop app run here.
 *
 * - `invoke` and `onEvent` go to web mode's HTTP API (POST /api/METHOD, the SSE stream, with the
 *   page's Bearer token), as the real preload goes to main's dispatcher over IPC.
 * - `saveNoteSync` answers at once and sends the save with a keepalive fetch (the real one is a
 *   synchronous IPC call; Chromium allows no synchronous request while a page goes away).
 * - `pathForFile` maps a File to a real file the test made, by name (Electron's
 *   `webUtils.getPathForFile`; a file made in the page has no path: null).
 * - `rendererReady` releases the `navigate` events held until then, as main does.
 * - Methods the desktop app may call but web mode must refuse (exposure 'desktop', e.g.
 *   `bulkImport.startPaths`: reading any path on disk) are not sent over HTTP, and no test-only server switch opens them. They go
 *   to a stand-in main process in this test's own Node process: the real dispatcher and handlers
 *   on the same library file, called on the 'ipc' transport exactly as electron/main/ipc.ts does,
 *   whose job events (progress, report) are delivered to the page as main's `webContents.send`
 *   would. The import itself is the real one: a worker thread reading the files by path.
 */
import type { Page } from '@playwright/test';
import { contract, type Method } from '../../electron/api/contract';
import type { LibraryEvent } from '../../electron/model/events';
import { createDispatcher, type Dispatch } from '../../electron/api/dispatch';
import { createHandlers, createServices, type Services } from '../../electron/api/handlers';
import { openLibrary, type Library } from '../../electron/core/library';
// The handlers load each domain with import() on first call. Under Playwright's TypeScript
// require hook, Node's import() of a .ts file only works for a module already required (it then
// reuses it), so the stand-in main requires every domain's handlers up front, as a bundle has them.
import '../../electron/api/handlers/library';
import '../../electron/api/handlers/articles';
import '../../electron/api/handlers/originals';
import '../../electron/api/handlers/meta';
import '../../electron/api/handlers/citations';
import '../../electron/api/handlers/ocr';
import '../../electron/api/handlers/passages';
import '../../electron/api/handlers/tags';
import '../../electron/api/handlers/collections';
import '../../electron/api/handlers/search';
import '../../electron/api/handlers/notes';
import '../../electron/api/handlers/bulkImport';
import '../../electron/api/handlers/export';
import '../../electron/api/handlers/transfer';
import '../../electron/api/handlers/sync';
import { expect, test as base } from '../fixtures';

/** Methods web mode refuses but the desktop app's page may call: the stand-in sends them to its main. */
const VIA_MAIN = (Object.keys(contract) as Method[]).filter(
  (m) => contract[m].exposure === 'desktop',
);

export interface Desktop {
  /**
   * Opens the app in the page, with the stand-in preload in place. `launchedWith`: what main has
   * for the window before its page even loads (a commonplace:// link that launched the app).
   * `closable`: a window the page may close itself (window.close), as a BrowserWindow is.
   */
  open(options?: { launchedWith?: LibraryEvent; closable?: boolean }): Promise<Page>;
  /** Files (by name) `pathForFile` knows, as Electron knows the path of a dropped or picked file. */
  setPaths(paths: Record<string, string>): Promise<void>;
  /**
   * Makes the main side's note saves fail (a full disk): 'all', or only the async ones ('async':
   * then only saveNoteSync can save, so a saved text proves it went that way); 'none' to heal.
   */
  failNoteSaves(which: FailSaves): Promise<void>;
  /** An event from main (deep link, retry-save); `navigate` waits for rendererReady as in main. */
  send(event: LibraryEvent | { type: string }): Promise<void>;
  /** Whether the renderer called rendererReady. */
  ready(): Promise<boolean>;
  /** How many times the page called saveNoteSync. */
  syncSaves(): Promise<number>;
}

type FailSaves = 'none' | 'async' | 'all';

interface StandInConfig {
  viaMain: string[];
  /** Web mode's token, for the stand-in's requests. */
  token: string;
}

/** Runs in the page before its scripts (serialised: it may use nothing from this file). */
function installStandIn(config: StandInConfig): void {
  type Env = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  type Ev = { type: string };
  const diskFull = (): Env => ({
    ok: false,
    error: {
      code: 'io_error',
      message: 'notes.update: disk full (the stand-in main process was told to fail)',
    },
  });
  const state = {
    paths: {} as Record<string, string>,
    failNoteSaves: 'none' as FailSaves,
    /** saveNoteSync calls, so a test can tell the exit save from an autosave. */
    syncSaves: 0,
    ready: false,
    held: [] as Ev[],
    listeners: new Set<(event: Ev) => void>(),
    streaming: false,
  };
  const emit = (event: Ev) => {
    for (const listener of [...state.listeners]) listener(event);
  };
  // Web mode's credential for the stand-in's own requests (the real preload needs none: IPC).
  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${config.token}` });
  /** The SSE stream, read with fetch (EventSource can't send the Authorization header). */
  const openEvents = async () => {
    const response = await fetch('/api/events', {
      headers: { ...auth(), Accept: 'text/event-stream' },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (!data) continue;
        try {
          emit(JSON.parse(data) as Ev);
        } catch {
          /* not an event */
        }
      }
    }
  };
  const fromMain = (event: Ev) => {
    if (event.type === 'navigate' && !state.ready) state.held.push(event);
    else emit(event);
  };
  // Playwright's binding to this test's process (looked up per call: bindings are installed by their own script).
  const mainCall = (method: string, input: unknown) =>
    (
      window as unknown as { __standInMain: (method: string, input: unknown) => Promise<Env> }
    ).__standInMain(method, input);
  const bridge = {
    async invoke(method: string, input: unknown): Promise<Env> {
      if (config.viaMain.includes(method)) return mainCall(method, input);
      if (method === 'notes.update' && state.failNoteSaves !== 'none') return diskFull();
      try {
        const response = await fetch(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { ...auth(), 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        });
        return (await response.json()) as Env;
      } catch (e) {
        return { ok: false, error: { code: 'unavailable', message: String(e) } };
      }
    },
    onEvent(listener: (event: Ev) => void): () => void {
      state.listeners.add(listener);
      if (!state.streaming) {
        state.streaming = true;
        openEvents().catch(() => (state.streaming = false));
      }
      return () => void state.listeners.delete(listener);
    },
    saveNoteSync(input: unknown): Env {
      state.syncSaves++;
      if (state.failNoteSaves === 'all') return diskFull();
      // Electron's sendSync blocks until main has written the note; Chromium forbids a synchronous
      // XHR while a page goes away (beforeunload, pagehide). So the stand-in answers at once and
      // delivers with a keepalive fetch, which outlives the page; tests poll the library for it.
      void fetch('/api/notes.update', {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
        keepalive: true,
      }).catch(() => undefined);
      return { ok: true, data: null };
    },
    pathForFile(file: File): string | null {
      return state.paths[file.name] ?? null;
    },
    rendererReady(): void {
      state.ready = true;
      for (const event of state.held.splice(0)) emit(event);
    },
  };
  // As contextBridge does: a frozen object the page can't replace.
  Object.defineProperty(window, 'commonplace', { value: Object.freeze(bridge), enumerable: true });
  Object.defineProperty(window, '__standIn', { value: { state, fromMain } });
}

type StandInWindow = {
  __standIn: {
    state: {
      paths: Record<string, string>;
      failNoteSaves: FailSaves;
      syncSaves: number;
      ready: boolean;
    };
    fromMain(event: unknown): void;
  };
};

/** The main process's side: the real dispatcher on the library, opened when first needed. */
class StandInMain {
  private library: Library | null = null;
  private services: Services | null = null;
  private dispatch: Dispatch | null = null;
  /** The window main sends events to (the page the test opened the app in). */
  window: Page;

  constructor(
    private readonly libraryPath: string,
    page: Page,
  ) {
    this.window = page;
  }

  async call(method: string, input: unknown): Promise<unknown> {
    if (!this.dispatch) {
      // Web mode's process watches the file and sends 'changed' over SSE; this one sends what only
      // it knows: its own jobs' progress and reports.
      const library = openLibrary(this.libraryPath, { watchIntervalMs: 0 });
      library.onEvent((event) => {
        if (event.type === 'changed' || this.window.isClosed()) return;
        this.window
          .evaluate((e) => (window as unknown as StandInWindow).__standIn.fromMain(e), event)
          .catch(() => undefined);
      });
      this.library = library;
      this.services = createServices(library);
      this.dispatch = createDispatcher(createHandlers(library, this.services), library);
    }
    return this.dispatch(method, input, 'ipc');
  }

  async close(): Promise<void> {
    if (!this.library) return;
    await this.services?.bulkImports.closeAll();
    this.library.close();
  }
}

export const test = base.extend<{ desktop: Desktop }>({
  desktop: async ({ app, page, context }, use) => {
    const main = new StandInMain(app.libraryPath, page);
    // On the context, so a window the page opens (see `open`) has the stand-in too.
    await context.exposeFunction('__standInMain', (method: string, input: unknown) =>
      main.call(method, input),
    );
    await context.addInitScript(installStandIn, {
      viaMain: VIA_MAIN,
      token: app.token,
    } satisfies StandInConfig);
    const win = () => main.window;
    await use({
      open: async ({ launchedWith, closable } = {}) => {
        // Init scripts run in the order added: this one after the stand-in's, before the page's.
        if (launchedWith)
          await context.addInitScript(
            (e) => (window as unknown as StandInWindow).__standIn.fromMain(e),
            launchedWith,
          );
        if (!closable) {
          await page.goto(app.url);
          return page;
        }
        // Electron lets a page close its own window; Chromium only a window that a script opened.
        // Opened from a page of the app's origin, at the URL with the token (as `serve` prints it).
        await page.goto(app.url);
        const popup = page.waitForEvent('popup');
        await page.evaluate((url) => void window.open(url, '_blank'), app.url);
        main.window = await popup;
        await main.window.waitForLoadState();
        return main.window;
      },
      setPaths: async (paths) => {
        await win().evaluate(
          (p) => void Object.assign((window as unknown as StandInWindow).__standIn.state.paths, p),
          paths,
        );
      },
      failNoteSaves: async (which) => {
        await win().evaluate(
          (f) => void ((window as unknown as StandInWindow).__standIn.state.failNoteSaves = f),
          which,
        );
      },
      send: async (event) => {
        await win().evaluate(
          (e) => (window as unknown as StandInWindow).__standIn.fromMain(e),
          event,
        );
      },
      ready: () => win().evaluate(() => (window as unknown as StandInWindow).__standIn.state.ready),
      syncSaves: () =>
        win().evaluate(() => (window as unknown as StandInWindow).__standIn.state.syncSaves),
    });
    await main.close();
  },
});

export { expect };
