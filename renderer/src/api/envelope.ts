import type { Envelope } from '../../../electron/api/contract';
import { TRANSPORT_ERROR } from './errors';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks the envelope's shape (not the payload's): anything else becomes a transport error. */
export function asEnvelope(value: unknown): Envelope<unknown> {
  if (isRecord(value)) {
    if (value.ok === true && 'data' in value)
      return typeof value.seq === 'number' && Number.isSafeInteger(value.seq)
        ? { ok: true, data: value.data, seq: value.seq }
        : { ok: true, data: value.data };
    const error = value.error;
    if (
      value.ok === false &&
      isRecord(error) &&
      typeof error.code === 'string' &&
      typeof error.message === 'string'
    ) {
      return { ok: false, error: { code: error.code, message: error.message } };
    }
  }
  return {
    ok: false,
    error: {
      code: TRANSPORT_ERROR,
      message: 'The library answered with something that is not an API response.',
    },
  };
}
