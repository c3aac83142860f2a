/**
 * Web-mode transport: `POST /api/<method>` with a JSON body, events over Server-Sent Events.
 * Every request carries the page's token as an Authorization header (webToken.ts); no cookie.
 */
import {
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  type Bridge,
  type Envelope,
} from '../../../electron/api/contract';
import { LibraryEventSchema, type LibraryEvent } from '../../../electron/model/events';
import { everythingChanged } from '../../../electron/model/changes';
import { asEnvelope } from './envelope';
import { TRANSPORT_ERROR, UNAVAILABLE } from './errors';
import { openEventStream } from './eventStream';
import { authHeaders, NOT_AUTHORIZED_MESSAGE } from './webToken';

/** The code of a call the server refused for want of a valid token. */
export const NOT_AUTHORIZED = 'not_authorized';

async function post(method: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(HTTP_API_PREFIX + encodeURIComponent(method), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(input),
      credentials: 'omit',
    });
  } catch {
    return {
      ok: false,
      error: {
        code: UNAVAILABLE,
        message: 'Cannot reach the library server. Is `commonplace serve` still running?',
      },
    };
  }
  if (response.status === 401)
    return { ok: false, error: { code: NOT_AUTHORIZED, message: NOT_AUTHORIZED_MESSAGE } };
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return {
      ok: false,
      error: {
        code: TRANSPORT_ERROR,
        message: `The library server answered ${response.status} ${response.statusText}`.trim(),
      },
    };
  }
  return asEnvelope(json);
}

/** One event stream shared by every listener, opened on first subscribe, closed on last. */
function createEventHub(): Bridge['onEvent'] {
  const listeners = new Set<(event: LibraryEvent) => void>();
  let stream: { close(): void } | null = null;
  let lostConnection = false;

  const emit = (event: LibraryEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  const open = () => {
    stream = openEventStream(HTTP_EVENTS_PATH, authHeaders, {
      onMessage: (data) => {
        let json: unknown;
        try {
          json = JSON.parse(data);
        } catch {
          return;
        }
        const parsed = LibraryEventSchema.safeParse(json);
        if (parsed.success) emit(parsed.data);
      },
      onError: () => {
        lostConnection = true;
      },
      onOpen: () => {
        // Changes made while the stream was down were never sent: ask everyone to refresh.
        if (lostConnection) emit(everythingChanged(null));
        lostConnection = false;
      },
    });
  };

  return (listener) => {
    listeners.add(listener);
    if (!stream) open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && stream) {
        stream.close();
        stream = null;
      }
    };
  };
}

export function createHttpBridge(): Bridge {
  return { invoke: post, onEvent: createEventHub() };
}
