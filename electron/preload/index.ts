/**
 * The only thing the page gets from Electron: `window.commonplace`, a `DesktopBridge` — the
 * `Bridge` of every transport (invoke, onEvent) plus the desktop extension (saveNoteSync,
 * pathForFile, rendererReady). ipcRenderer itself is never exposed (it would let the page send on
 * any channel).
 *
 * Runs sandboxed, so it must bundle to CommonJS that requires nothing but 'electron'; the
 * contract import is type-only and disappears from the bundle.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { DesktopBridge, Envelope } from '../api/contract';
import type { LibraryEvent } from '../model/events';
import {
  CHOOSE_FOLDER_CHANNEL,
  EVENT_CHANNEL,
  INVOKE_CHANNEL,
  RENDERER_READY_CHANNEL,
  SAVE_NOTE_SYNC_CHANNEL,
  SET_THEME_CHANNEL,
} from './channels';

const bridge: DesktopBridge = {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    return ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Envelope<unknown>>;
  },
  saveNoteSync(input: unknown): Envelope<unknown> {
    return ipcRenderer.sendSync(SAVE_NOTE_SYNC_CHANNEL, input) as Envelope<unknown>;
  },
  onEvent(listener: (event: LibraryEvent) => void): () => void {
    if (typeof listener !== 'function')
      throw new TypeError('commonplace.onEvent: listener must be a function');
    // Wrapped so the page never sees the IpcRendererEvent (it carries `sender`, an ipcRenderer).
    const forward = (_event: IpcRendererEvent, payload: LibraryEvent): void => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  pathForFile(file: File): string | null {
    // Throws for anything that is not a File (the page could pass any object); '' = no path (a
    // File made in the page, not from the disk).
    return webUtils.getPathForFile(file) || null;
  },
  rendererReady(): void {
    ipcRenderer.send(RENDERER_READY_CHANNEL);
  },
  chooseFolder(): Promise<string | null> {
    return ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL) as Promise<string | null>;
  },
  setTheme(theme): void {
    // Checked in main (the page could pass anything); sent as is.
    ipcRenderer.send(SET_THEME_CHANNEL, theme);
  },
};

contextBridge.exposeInMainWorld('commonplace', bridge);
