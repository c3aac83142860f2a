/**
 * Events a window's page must not miss (a deep link, a file opened with the app): held per window
 * until its page says it listens (the preload's `rendererReady`), then sent in order. A link that
 * launched the app arrived before the page had subscribed and was lost when sent on load.
 */
import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import type { LibraryEvent } from '../model/events';
import { RENDERER_READY_CHANNEL } from '../preload/channels';
import { isTrustedSender, sendEvent } from './ipc';

const listening = new WeakSet<WebContents>();
const held = new WeakMap<WebContents, LibraryEvent[]>();

/**
 * A page that never says it listens (a renderer from before rendererReady) gets its events this
 * long after it loaded, rather than never. The real page says so within ~50 ms of loading.
 */
export const READY_GRACE_MS = 10_000;

function flush(win: BrowserWindow, contents: WebContents): void {
  listening.add(contents);
  const queue = held.get(contents) ?? [];
  held.delete(contents);
  for (const e of queue) sendEvent(win, e);
}

/** Call for each window: starts the grace period whenever its page finishes loading. */
export function watchPage(win: BrowserWindow): void {
  const contents = win.webContents;
  let timer: NodeJS.Timeout | undefined;
  contents.on('did-finish-load', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!win.isDestroyed() && !listening.has(contents)) {
        console.warn(
          `the page did not call rendererReady within ${READY_GRACE_MS / 1000} s; sending its events anyway`,
        );
        flush(win, contents);
      }
    }, READY_GRACE_MS);
    timer.unref();
  });
}

/** Sends now if the window's page listens, else when it says it does. */
export function sendWhenReady(win: BrowserWindow, event: LibraryEvent): void {
  if (win.isDestroyed()) return;
  const contents = win.webContents;
  if (listening.has(contents)) {
    sendEvent(win, event);
    return;
  }
  const queue = held.get(contents) ?? [];
  queue.push(event);
  held.set(contents, queue);
}

/** The page is going away (crash, reload): events wait for the next page's rendererReady. */
export function pageGone(contents: WebContents): void {
  listening.delete(contents);
}

/** Call once: listens for the pages' rendererReady. */
export function registerRendererReady(): void {
  ipcMain.on(RENDERER_READY_CHANNEL, (event) => {
    if (!isTrustedSender(event)) return;
    const win = BrowserWindow.fromWebContents(event.sender);
    if (win) flush(win, event.sender);
  });
}
