/** A failed API call, rethrown from the `{ ok: false }` envelope with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes the transports use for failures that never reached a handler. */
export const TRANSPORT_ERROR = 'transport_error';
export const UNAVAILABLE = 'unavailable';

export function errorCode(e: unknown): string | null {
  return e instanceof ApiError ? e.code : null;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
