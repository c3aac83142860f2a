/**
 * Web-mode transport: `POST /api/<method>` with a JSON body, events over Server-Sent Events.
 * The auth cookie was set when the page loaded, so requests only need same-origin credentials.
 */
import {
  HTTP_API_PREFIX,
  HTTP_EVENTS_PATH,
  LibraryEventSchema,
  type Bridge,
  type Envelope,
  type LibraryEvent,
} from '../../../electron/api/contract';
import { asEnvelope } from './envelope';
import { TRANSPORT_ERROR, UNAVAILABLE } from './errors';

async function post(method: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(HTTP_API_PREFIX + encodeURIComponent(method), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: UNAVAILABLE, message: 'Cannot reach the library server. Is `commonplace serve` still running?' } };
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return { ok: false, error: { code: TRANSPORT_ERROR, message: `The library server answered ${response.status} ${response.statusText}`.trim() } };
  }
  return asEnvelope(json);
}

/** One EventSource shared by every listener, opened on first subscribe, closed on last. */
function createEventHub(): Bridge['onEvent'] {
  const listeners = new Set<(event: LibraryEvent) => void>();
  let source: EventSource | null = null;
  let lostConnection = false;

  const emit = (event: LibraryEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  const open = () => {
    source = new EventSource(HTTP_EVENTS_PATH);
    source.onmessage = (message: MessageEvent<string>) => {
      let json: unknown;
      try {
        json = JSON.parse(message.data);
      } catch {
        return;
      }
      const parsed = LibraryEventSchema.safeParse(json);
      if (parsed.success) emit(parsed.data);
    };
    source.onerror = () => {
      lostConnection = true;
    };
    source.onopen = () => {
      // Changes made while the stream was down were never sent: ask everyone to refresh.
      if (lostConnection) emit({ type: 'changed', entities: ['articles'], ids: [] });
      lostConnection = false;
    };
  };

  return (listener) => {
    listeners.add(listener);
    if (!source) open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}

export function createHttpBridge(): Bridge {
  return { invoke: post, onEvent: createEventHub() };
}
