/**
 * The only thing the page gets from Electron: `window.commonplace`, a `Bridge` of two
 * functions plus `saveNoteSync` (a note's last save as the window closes). ipcRenderer itself is
 * never exposed (it would let the page send on any channel).
 *
 * Runs sandboxed, so it must bundle to CommonJS that requires nothing but 'electron'; the
 * contract import is type-only and disappears from the bundle.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Bridge, Envelope, LibraryEvent } from '../api/contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SAVE_NOTE_SYNC_CHANNEL } from './channels';

/** The Bridge plus one synchronous call: saving a note while the window closes (renderer/src/notes/exitFlush.ts). */
const bridge: Bridge & { saveNoteSync(input: unknown): Envelope<unknown> } = {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>;
  },
  saveNoteSync(input: unknown): Envelope<unknown> {
    return ipcRenderer.sendSync(SAVE_NOTE_SYNC_CHANNEL, input) as Envelope<unknown>;
  },
  onEvent(listener: (event: LibraryEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('commonplace.onEvent: listener must be a function');
    // Wrapped so the page never sees the IpcRendererEvent (it carries `sender`, an ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: LibraryEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('commonplace', bridge);
