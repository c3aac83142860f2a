/**
 * Cuts a page's event stream at will (see reconnect.spec.ts): the open stream errors (its request
 * is cancelled, so the server sees it close) and every reconnect attempt fails like a refused
 * connection until the test sets `window.__events.down = false`.
 */
import type { Page } from '@playwright/test';

interface StreamSwitch {
  down: boolean;
  refused: number;
  opened: number;
  cut(): void;
}

declare global {
  interface Window {
    __events?: StreamSwitch;
  }
}

export async function installStreamSwitch(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = window.fetch.bind(window);
    const open = new Set<() => void>();
    const state: StreamSwitch = {
      down: false,
      refused: 0,
      opened: 0,
      cut() {
        state.down = true;
        for (const cut of [...open]) cut();
      },
    };
    window.__events = state;
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, location.href).pathname !== '/api/events') return original(input, init);
      if (state.down) {
        state.refused++;
        throw new TypeError('Failed to fetch');
      }
      const response = await original(input, init);
      if (!response.body) return response;
      state.opened++;
      const reader = response.body.getReader();
      let cut: () => void = () => {};
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          cut = () => {
            open.delete(cut);
            controller.error(new TypeError('network error'));
            void reader.cancel();
          };
          open.add(cut);
        },
        async pull(controller) {
          const { value, done } = await reader.read();
          if (done) {
            open.delete(cut);
            return controller.close();
          }
          controller.enqueue(value);
        },
        cancel: (reason) => {
          open.delete(cut);
          return reader.cancel(reason);
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
  });
}
