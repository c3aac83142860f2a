/**
 * The last save as the page goes away (window closed, reload, navigation). An async save started
 * there would be cancelled with the page, so: in Electron a synchronous IPC call (the preload's
 * `saveNoteSync`, answered by the main process before the page may unload); in web mode a
 * `keepalive` fetch to the same API path, which the browser finishes after the page is gone.
 * Browsers cap keepalive bodies at 64 KiB: a larger unsaved note asks the user to stay (the
 * browser's "leave site?" prompt) while the normal save runs, rather than lose the text.
 * In the desktop app a failed last save keeps the window (`beforeunload` prevented); the main
 * process then asks Retry / Discard and close / Cancel, and Retry comes back as a `retry-save`
 * event: the window tries to close again, which saves again (and asks again if that fails too).
 */
import {
  HTTP_API_PREFIX,
  type Bridge,
  type Envelope,
  type Input,
} from '../../../electron/api/contract';
import { authHeaders } from '../api/webToken';
import { onLibraryEvent } from '../api/client';

export type NoteUpdate = Input<'notes.update'>;

/** What the Electron preload adds to the bridge for this one purpose. */
interface SyncSaveBridge {
  saveNoteSync?: (input: NoteUpdate) => Envelope<unknown>;
}

export interface ExitSaver {
  /** Everything unsaved, now considered sent; null if nothing is. */
  takePending(): NoteUpdate | null;
  /** The send failed or could not be tried: keep the changes and save them normally. */
  restore(update: NoteUpdate): void;
  /** The send arrived (seen only if the page is still there, e.g. the user chose to stay). */
  sent(): void;
  /** A normal (async) save of everything unsaved. */
  flush(): Promise<void>;
}

/** Below Chromium's 64 KiB keepalive quota, with room for headers. */
export const KEEPALIVE_MAX_BYTES = 60 * 1024;

const savers = new Set<ExitSaver>();
let installed = false;

function syncSave(): SyncSaveBridge['saveNoteSync'] {
  const bridge = window.commonplace as (Bridge & SyncSaveBridge) | undefined;
  return typeof bridge?.saveNoteSync === 'function' ? bridge.saveNoteSync.bind(bridge) : undefined;
}

/** Sends every saver's pending change; returns true if any could not be sent (ask to stay). */
export function sendPendingOnExit(): boolean {
  let mustStay = false;
  const sendSync = syncSave();
  for (const saver of savers) {
    const update = saver.takePending();
    if (!update) continue;
    if (sendSync) {
      const result = sendSync(update);
      if (!result.ok) {
        saver.restore(update);
        mustStay = true;
      } else saver.sent();
      continue;
    }
    const body = JSON.stringify(update);
    if (new TextEncoder().encode(body).length > KEEPALIVE_MAX_BYTES) {
      saver.restore(update);
      void saver.flush();
      mustStay = true;
      continue;
    }
    fetch(HTTP_API_PREFIX + encodeURIComponent('notes.update'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body,
      credentials: 'omit',
      keepalive: true,
    })
      .then((response) => response.json() as Promise<{ ok?: unknown }>)
      .then((envelope) => {
        if (envelope.ok !== true) saver.restore(update);
        else saver.sent();
      })
      .catch(() => saver.restore(update));
  }
  return mustStay;
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('beforeunload', (event) => {
    if (sendPendingOnExit()) event.preventDefault();
  });
  // pagehide also fires where beforeunload doesn't (bfcache, some mobile closes).
  window.addEventListener('pagehide', () => void sendPendingOnExit());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') for (const saver of savers) void saver.flush();
  });
  // Only the desktop app sends it (web mode's "leave site?" prompt has no retry).
  if (syncSave()) {
    onLibraryEvent((event) => {
      if (event.type === 'retry-save') window.close();
    });
  }
}

/** While registered, the saver's changes are sent when the page goes away. */
export function registerExitSaver(saver: ExitSaver): () => void {
  install();
  savers.add(saver);
  return () => savers.delete(saver);
}
