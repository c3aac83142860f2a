import type { z } from 'zod';
import { CommonplaceError, errorMessage, isCommonplaceError, oneLineMessage } from '../core/errors';
import { explainStorageError } from '../core/db/storage';
import type { Library } from '../core/library';
import type { Contract, Envelope, Method } from './contract';
import { isMethod, methodSpec } from './contract/domains';
import type { Exposure } from './contract/call';
import type { Handlers } from './handlers';

export type Transport = 'ipc' | 'http' | 'inproc';
export type Dispatch = (
  method: string,
  input: unknown,
  transport: Transport,
) => Promise<Envelope<unknown>>;

/** The transports each exposure level may be called over. */
const ALLOWED_TRANSPORTS: Readonly<Record<Exposure, ReadonlySet<Transport>>> = {
  client: new Set(['inproc', 'ipc', 'http']),
  desktop: new Set(['inproc', 'ipc']),
  local: new Set(['inproc']),
};

const REFUSAL: Readonly<Record<Exposure, string>> = {
  client: '',
  desktop: 'only available to the desktop app',
  local: 'only available to the desktop app and the CLI',
};

export function isAllowedOn(exposure: Exposure, transport: Transport): boolean {
  return ALLOWED_TRANSPORTS[exposure].has(transport);
}

/** "files.0.name: file name is empty" — the field at fault, then what is wrong with it. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export interface DispatcherOptions {
  /**
   * Check every handler's output against the method's output schema; a wrong shape is an
   * `internal` error naming the field. Costs a parse per call, so by default only where the
   * mistake should surface: under tests and in development (NODE_ENV `test`/`development`).
   */
  checkOutputs?: boolean;
}

function checkOutputsByDefault(): boolean {
  const env = process.env.NODE_ENV;
  return env === 'test' || env === 'development';
}

/**
 * The boundary every transport goes through: the method must exist and be allowed on this
 * transport, the input must match its schema; failures come back in the envelope, never thrown.
 * After a call that changes the library, its events are published. A domain's schemas are built
 * on the first call into it (`contract/domains.ts`).
 */
export function createDispatcher(
  handlers: Handlers,
  library?: Library,
  options: DispatcherOptions = {},
): Dispatch {
  const checkOutputs = options.checkOutputs ?? checkOutputsByDefault();
  return async (method, input, transport) => {
    try {
      if (!isMethod(method))
        throw new CommonplaceError(
          'invalid_input',
          `unknown API method "${String(method).slice(0, 100)}"`,
        );
      const spec = await methodSpec(method);
      if (!isAllowedOn(spec.exposure, transport))
        throw new CommonplaceError('invalid_input', `${method}: ${REFUSAL[spec.exposure]}`);
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success)
        throw new CommonplaceError('invalid_input', `${method}: ${describeZodError(parsed.error)}`);
      const handler = handlers[method] as (i: unknown) => unknown;
      const data = await handler(parsed.data);
      if (checkOutputs) {
        // Checked, not replaced: the data sent is what the handler returned, as in production.
        const out = spec.output.safeParse(data);
        if (!out.success)
          throw new Error(`output does not match the contract (${describeZodError(out.error)})`);
      }
      const seq = spec.mutates ? (library?.flushChanges() ?? null) : null;
      return seq === null ? { ok: true, data } : { ok: true, data, seq };
    } catch (e) {
      // One line whatever values the message quotes: clients print it as a status line or a report row.
      if (isCommonplaceError(e))
        return { ok: false, error: { code: e.code, message: oneLineMessage(e.message) } };
      // A full disk, a read-only or damaged library: expected, so a sentence rather than a stack.
      const storage = explainStorageError(e, library?.path ?? 'the library');
      if (storage) return { ok: false, error: { code: storage.code, message: storage.message } };
      console.error(`${String(method)} failed:`, e);
      return {
        ok: false,
        error: { code: 'internal', message: `${String(method)}: ${errorMessage(e)}` },
      };
    }
  };
}

/** Typed in-process client (CLI, tests): the same boundary, with errors rethrown. */
export function inProcessClient(dispatch: Dispatch) {
  return async function invoke<M extends Method>(
    method: M,
    input: z.input<Contract[M]['input']>,
  ): Promise<z.output<Contract[M]['output']>> {
    const env = await dispatch(method, input, 'inproc');
    if (!env.ok)
      throw new CommonplaceError(env.error.code as CommonplaceError['code'], env.error.message);
    return env.data as z.output<Contract[M]['output']>;
  };
}
