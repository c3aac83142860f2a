/**
 * The API contract: every call a client (renderer, CLI, web page) can make, declared once with
 * its input and output schema. Types are inferred from the schemas; handlers, transports and the
 * renderer's client are all checked against this object. The schemas and types themselves are the
 * model's (electron/model); each domain's calls live in `contract/<domain>.ts` and are joined here.
 *
 * Runtime-neutral: imported by the main process, the CLI and the renderer.
 */
import type { z } from 'zod';
import type { Theme } from '../../model/appearance';
import type { LibraryEvent } from '../../model/events';
import { articlesContract } from './articles';
import { bulkImportContract } from './bulkImport';
import { citationsContract } from './citations';
import { collectionsContract } from './collections';
import { exportContract } from './export';
import { originalsContract } from './originals';
import { libraryContract } from './library';
import { metaContract } from './meta';
import { notesContract } from './notes';
import { ocrContract } from './ocr';
import { passagesContract } from './passages';
import { searchContract } from './search';
import { syncContract } from './sync';
import { tagsContract } from './tags';
import { transferContract } from './transfer';

export const contract = {
  ...libraryContract,
  ...articlesContract,
  ...passagesContract,
  ...searchContract,
  ...tagsContract,
  ...collectionsContract,
  ...notesContract,
  ...originalsContract,
  ...metaContract,
  ...citationsContract,
  ...ocrContract,
  ...exportContract,
  ...bulkImportContract,
  ...transferContract,
  ...syncContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;
export type ClientMethod = {
  [M in Method]: Contract[M]['exposure'] extends 'client' ? M : never;
}[Method];
/** What the desktop app's page may call over IPC: every client method plus the `desktop` ones (paths). */
export type DesktopMethod = {
  [M in Method]: Contract[M]['exposure'] extends 'client' | 'desktop' ? M : never;
}[Method];

/**
 * Failures cross every transport in this envelope; clients rethrow them as errors. A call that
 * changed the library says how far into the change log its changes reach (`seq`): its change
 * event carries the same number, so a client knows when it has seen its own change's event.
 */
export type Envelope<T> =
  { ok: true; data: T; seq?: number } | { ok: false; error: { code: string; message: string } };

export { isMethod } from './domains';

/**
 * What the renderer sees of a transport: the Electron preload exposes exactly this through
 * contextBridge (`window.commonplace`); web mode implements it over fetch + Server-Sent Events.
 */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: LibraryEvent) => void): () => void;
}

/**
 * What the Electron preload adds to the `Bridge` (`window.commonplace` in the desktop app). Web
 * mode has none of it: the renderer feature-detects each function.
 */
export interface DesktopBridgeExtension {
  /** A note's last save as the window closes, answered before the page may unload (`notes.update` input). */
  saveNoteSync(input: unknown): Envelope<unknown>;
  /** The local path of a dropped or picked file (`webUtils.getPathForFile`); null when it has none. */
  pathForFile(file: File): string | null;
  /**
   * Called once, after the page subscribed with `onEvent` and mounted its deep-link listener.
   * Main holds `navigate` events (deep links, opened files) for the window until then.
   */
  rendererReady(): void;
  /** The native folder dialog (Settings → Sync): the chosen folder's path, or null if cancelled. */
  chooseFolder(): Promise<string | null>;
  /** The page's theme setting, for the shell's native parts (`nativeTheme.themeSource`). */
  setTheme(theme: Theme): void;
}

/** `window.commonplace` in the desktop app. */
export type DesktopBridge = Bridge & DesktopBridgeExtension;

/** Paths of the web-mode HTTP API (the server and the browser transport share them). */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/api/events';
