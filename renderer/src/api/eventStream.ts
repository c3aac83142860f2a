/**
 * Server-Sent Events read with `fetch` instead of `EventSource`: EventSource cannot send headers,
 * so it could only authenticate with a cookie (sent to every port on the host) or a token in its
 * URL. A fetch carries the same `Authorization` header as every API call. What EventSource did for
 * us is done here: parse `data:` lines, and reconnect (with back-off) when the stream drops.
 */

export interface EventStreamHandlers {
  onMessage(data: string): void;
  /** Connected (again): the server now sends what happens from here on. */
  onOpen(): void;
  /** The stream failed or ended; a reconnect follows. */
  onError(): void;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15_000;

export function openEventStream(
  url: string,
  headers: () => Record<string, string>,
  handlers: EventStreamHandlers,
): { close(): void } {
  let closed = false;
  let controller: AbortController | null = null;
  let wake: (() => void) | null = null;

  const readStream = async (body: ReadableStream<Uint8Array>) => {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (data) handlers.onMessage(data);
      }
    }
  };

  const run = async () => {
    let retryMs = FIRST_RETRY_MS;
    while (!closed) {
      controller = new AbortController();
      try {
        const response = await fetch(url, {
          headers: { Accept: 'text/event-stream', ...headers() },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (!response.ok || !response.body)
          throw new Error(`event stream answered ${response.status}`);
        handlers.onOpen();
        retryMs = FIRST_RETRY_MS;
        await readStream(response.body);
      } catch {
        // Reconnected below, like EventSource.
      }
      if (closed) return;
      handlers.onError();
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, retryMs);
      });
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  };
  void run();

  return {
    close() {
      closed = true;
      controller?.abort();
      wake?.();
    },
  };
}
