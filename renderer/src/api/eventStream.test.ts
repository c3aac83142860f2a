/// <reference types="node" />
// A node-side test of the browser transport: a real HTTP server (the renderer config has no Node types).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openEventStream } from './eventStream';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A real HTTP server; each connection is handed to `onConnect` with the request's headers. */
async function sseServer(
  onConnect: (res: ServerResponse, headers: IncomingHttpHeaders, n: number) => void,
): Promise<string> {
  let n = 0;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    onConnect(res, req.headers, n++);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(
    () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(r);
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/events`;
}

describe('event stream over fetch', () => {
  it('sends the auth header, reassembles events split across chunks, and reconnects when the stream drops', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const url = await sseServer((res, headers, n) => {
      seen.push(headers);
      if (n === 0) {
        // One event cut mid-line and mid-character (é is two bytes), a comment, then a second event; then the connection drops.
        const bytes = Buffer.from(': connected\n\ndata: {"a":"caf\u00e9"}\n\ndata: {"b":2}\n\n');
        const cut = bytes.indexOf(0xc3) + 1;
        res.write(bytes.subarray(0, 20));
        setTimeout(() => res.write(bytes.subarray(20, cut)), 20);
        setTimeout(() => res.write(bytes.subarray(cut)), 40);
        setTimeout(() => res.destroy(), 80);
      } else res.write('data: {"after":"reconnect"}\n\n');
    });
    const messages: string[] = [];
    const log: string[] = [];
    const stream = openEventStream(url, () => ({ Authorization: 'Bearer secret' }), {
      onMessage: (d) => messages.push(d),
      onOpen: () => log.push('open'),
      onError: () => log.push('error'),
    });
    cleanups.push(() => stream.close());
    await expect
      .poll(() => messages, { timeout: 15_000 })
      .toEqual(['{"a":"café"}', '{"b":2}', '{"after":"reconnect"}']);
    expect(log).toEqual(['open', 'error', 'open']);
    expect(seen.map((h) => h.authorization)).toEqual(['Bearer secret', 'Bearer secret']);
    expect(seen.every((h) => h.cookie === undefined)).toBe(true);
  });

  it('close() ends the connection and reports no error', async () => {
    let ended = false;
    const url = await sseServer((res) => {
      res.on('close', () => (ended = true));
      res.write('data: 1\n\n');
    });
    const messages: string[] = [];
    const log: string[] = [];
    const stream = openEventStream(url, () => ({}), {
      onMessage: (d) => messages.push(d),
      onOpen: () => log.push('open'),
      onError: () => log.push('error'),
    });
    await expect.poll(() => messages).toEqual(['1']);
    stream.close();
    await expect.poll(() => ended).toBe(true);
    expect(log).toEqual(['open']);
  });
});
