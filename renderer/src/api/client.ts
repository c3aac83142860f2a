/**
 * The renderer's one typed API client. Every call goes through `invoke`, which is checked
 * against the contract and turns `{ ok: false }` envelopes into thrown `ApiError`s.
 */
import type {
  Bridge,
  ClientMethod,
  DesktopMethod,
  Input,
  Output,
} from '../../../electron/api/contract';
import type { LibraryEvent } from '../../../electron/model/events';
import { ApiError } from './errors';
import { createHttpBridge } from './httpBridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in web mode. */
    commonplace?: Bridge;
  }
}

let bridge: Bridge | null = null;

function currentBridge(): Bridge {
  bridge ??= window.commonplace ?? createHttpBridge();
  return bridge;
}

export async function invoke<M extends ClientMethod>(
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const envelope = await currentBridge().invoke(method, input);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  // Trusted, not parsed: the dispatcher checks handlers' outputs against the contract under
  // tests and in development (`checkOutputs`), not in production builds.
  return envelope.data as Output<M>;
}

/** A `desktop` call (it follows a path on this machine): the desktop app only; web mode refuses it. */
export async function invokeDesktop<M extends DesktopMethod>(
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  if (!isElectron())
    throw new ApiError('invalid_input', `${method}: only available to the desktop app`);
  const envelope = await currentBridge().invoke(method, input);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.data as Output<M>;
}

export function onLibraryEvent(listener: (event: LibraryEvent) => void): () => void {
  return currentBridge().onEvent(listener);
}

export function isElectron(): boolean {
  return window.commonplace !== undefined;
}
