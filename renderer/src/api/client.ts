/**
 * The renderer's one typed API client. Every call goes through `invoke`, which is checked
 * against the contract and turns `{ ok: false }` envelopes into thrown `ApiError`s.
 */
import {
  contract,
  type Bridge,
  type ClientMethod,
  type DesktopMethod,
  type Input,
  type Output,
} from '../../../electron/api/contract';
import type { LibraryEvent } from '../../../electron/model/events';
import { mutationGate } from './mutationGate';
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
  const call = currentBridge().invoke(method, input);
  // A change's own event waits until its answer is in place (mutationGate.ts).
  const envelope = await (contract[method].mutates ? gate.during(call) : call);
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
  const call = currentBridge().invoke(method, input);
  const envelope = await (contract[method].mutates ? gate.during(call) : call);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.data as Output<M>;
}

const listeners = new Set<(event: LibraryEvent) => void>();
let unsubscribeBridge: (() => void) | null = null;
const gate = mutationGate((event) => {
  for (const listener of [...listeners]) listener(event);
});

/** Every library event, in order; change events held while this page's own changes are in flight. */
export function onLibraryEvent(listener: (event: LibraryEvent) => void): () => void {
  listeners.add(listener);
  unsubscribeBridge ??= currentBridge().onEvent(gate.receive);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribeBridge) {
      unsubscribeBridge();
      unsubscribeBridge = null;
    }
  };
}

/** See mutationGate.ts: which hand-on of held events an answer put in place now covers. */
export const coverWindow = (): number | null => gate.coverWindow();
export const settledCount = (): number => gate.settledCount();

export function isElectron(): boolean {
  return window.commonplace !== undefined;
}
