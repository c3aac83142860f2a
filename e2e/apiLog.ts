/**
 * An in-page record of the app's API traffic, installed by the test before the app's scripts run:
 * every `POST /api/<method>` the page makes, and every chunk of its event stream, in the order the
 * page saw them. It wraps `fetch` (both web-mode transports use it); the app is not changed.
 */
import type { Page } from '@playwright/test';

interface ApiLog {
  calls: string[];
  events: string[];
  inflight: number;
}

declare global {
  interface Window {
    __apiLog?: ApiLog;
  }
}

export async function recordApiCalls(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: ApiLog = { calls: [], events: [], inflight: 0 };
    window.__apiLog = log;
    const original = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      const path = new URL(url, location.href).pathname;
      if (path === '/api/events') {
        const response = await original(input, init);
        if (!response.body) return response;
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        // Recorded as the app's reader takes each chunk, so the log's order is the app's order.
        const body = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const { value, done } = await reader.read();
            if (done) return controller.close();
            log.events.push(decoder.decode(value, { stream: true }));
            controller.enqueue(value);
          },
          cancel: (reason) => reader.cancel(reason),
        });
        return new Response(body, { status: response.status, headers: response.headers });
      }
      if (!path.startsWith('/api/')) return original(input, init);
      log.calls.push(decodeURIComponent(path.slice('/api/'.length)));
      log.inflight++;
      try {
        const response = await original(input, init);
        // Counted as in flight until its body is read: the app acts on the body, not the headers.
        await response.clone().arrayBuffer();
        return response;
      } finally {
        log.inflight--;
      }
    };
  });
}

/** The calls made so far. */
export function apiCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__apiLog!.calls]);
}

/** The event-stream chunks received so far. */
export function apiEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => [...window.__apiLog!.events]);
}

/**
 * Waits until the page is quiet: no call in flight, and none started over a few rendered frames
 * (a response's data renders, and effects that fetch again run, within a frame or two). Counted in
 * frames, not milliseconds, so a slow machine only makes it take longer.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const log = window.__apiLog!;
    const frame = () =>
      new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 0)));
    let quietFrames = 0;
    let seen = log.calls.length;
    while (quietFrames < 4) {
      await frame();
      if (log.inflight === 0 && log.calls.length === seen) quietFrames++;
      else quietFrames = 0;
      seen = log.calls.length;
    }
  });
}
